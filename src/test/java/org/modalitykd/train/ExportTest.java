/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.TestDevice;
import org.modalitykd.data.PatchBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.Normalization;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Tensors;
import org.modalitykd.net.UNetConfig;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/** A trained network (batch norm running averages, deep supervision) exported and loaded predicts as in training. */
class ExportTest {

	@TempDir
	Path tmp;

	@Test
	void exportedBundlePredictsLikeTheTrainer() throws IOException {
		UNetConfig config = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4)
			.withNormalization(Normalization.BATCH, 1).withDeepSupervision(true);
		PatchBatch patch = SyntheticPatches.tumour(8, new double[] { 3.5, 4, 4.2 }, 1);
		try (Trainer t = Trainer.create(config, Objective.defaults(TrainingMethod.SUPERVISED), TestDevice.session())) {
			for (int i = 0; i < 5; i++) {
				t.step(patch, 1e-2);
			}
			float[] expected = t.predict(patch);
			ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, ModelRole.TEACHER, List.of("t1", "t1ce", "t2", "flair"),
				ModelCard.BRATS_LABELS, ModelCard.BRATS_CLASS_NAMES,
				new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.NONE), new int[] { 8, 8, 8 },
				new double[] { 1, 1, 1 }, config.withDeepSupervision(false),
				new ModelCard.Provenance("supervised", Map.of(), "one synthetic patch", 1, 5, Map.of(), "now"), Map.of());
			assertThrows(IllegalArgumentException.class, () -> t.exportBundle(tmp.resolve("x"),
				new ModelCard(card.formatVersion(), card.role(), card.modalities(), card.labelMap(), card.classNames(),
					card.normalization(), card.patchSize(), card.spacing(), config.withBaseFilters(8).withDeepSupervision(false),
					card.provenance(), card.validation())));
			t.exportBundle(tmp.resolve("teacher"), card);
			// The bundle takes NDHWC; the batch is [N, C, z, y, x]: transpose here with plain loops (a test).
			int v = 8 * 8 * 8;
			float[] ndhwc = new float[4 * v];
			for (int c = 0; c < 4; c++) {
				for (int i = 0; i < v; i++) {
					ndhwc[i * 4 + c] = patch.images()[c * v + i];
				}
			}
			try (ModelBundle b = ModelBundle.load(tmp.resolve("teacher"), TestDevice.session());
				TFloat32 in = Tensors.floats(new long[] { 1, 8, 8, 8, 4 }, ndhwc);
				Result r = b.session().runner().feed(b.inputName(), in).fetch(b.outputName()).run()) {
				float[] p = Tensors.toFloats(r.get(0));
				for (int c = 0; c < 4; c++) {
					for (int i = 0; i < v; i++) {
						assertEquals(expected[c * v + i], p[i * 4 + c], 1e-6, "class " + c + " voxel " + i);
					}
				}
			}
		}
	}
}

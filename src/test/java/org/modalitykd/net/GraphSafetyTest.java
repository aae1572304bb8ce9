/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TestDevice;
import org.modalitykd.TinyModels;
import org.modalitykd.io.Modalities;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/** Bundles are untrusted: only the op types of the project's own networks are run. */
class GraphSafetyTest {

	@TempDir
	Path tmp;

	private Path save(String name, UNetConfig config, int slots) throws IOException {
		Weights w = TinyModels.untrainedWeights(config, 3);
		List<String> modalities = slots > 1 ? List.of("t1", "t2") : Modalities.BRATS.subList(0, config.inputChannels());
		ModelRole role = slots > 1 ? ModelRole.UNPAIRED : ModelRole.TEACHER;
		Path dir = tmp.resolve(name);
		ModelBundle.save(dir, new ModelCard(ModelCard.FORMAT_VERSION, role, modalities, ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO),
			new int[] { 16, 16, 16 }, new double[] { 2, 2, 2 }, config,
			new ModelCard.Provenance("supervised", Map.of(), "synthetic", 1, 1, Map.of(), "2026-01-01T00:00:00Z"), Map.of()), w);
		return dir;
	}

	@Test
	void everyArchitectureOptionPassesAndLoads() throws IOException {
		UNetConfig base = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);
		List<Path> bundles = List.of(
			save("plain", base, 1),
			save("batch_strided_resize", base.withNormalization(Normalization.BATCH, 1)
				.withDownsampling(Downsampling.STRIDED_CONV).withUpsampling(Upsampling.RESIZE_CONV), 1),
			save("deep_supervision", base.withDeepSupervision(true), 1),
			save("per_modality", base.withInputChannels(1).withNormalization(Normalization.INSTANCE, 2), 2));
		Set<String> used = new TreeSet<>();
		for (Path b : bundles) {
			GraphSafety.check(b);
			try (InputStream in = Files.newInputStream(b.resolve("saved_model.pb"))) {
				used.addAll(GraphSafety.opTypes(SavedModel.parseFrom(in)));
			}
			try (ModelBundle loaded = ModelBundle.load(b, TestDevice.session())) {
				assertEquals(b, loaded.directory());
			}
		}
		assertTrue(used.contains("Conv3D") && used.contains("RestoreV2"), "the scan sees the real graph: " + used);
	}

	@Test
	void aBundleWithAFileReadingOpIsRefusedBeforeLoading() throws IOException {
		Path dir = save("hostile", UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4), 1);
		Path pb = dir.resolve("saved_model.pb");
		SavedModel model;
		try (InputStream in = Files.newInputStream(pb)) {
			model = SavedModel.parseFrom(in);
		}
		SavedModel.Builder hostile = model.toBuilder();
		hostile.getMetaGraphsBuilder(0).getGraphDefBuilder()
			.addNode(NodeDef.newBuilder().setName("steal").setOp("ReadFile").addInput("serving_default_image"));
		try (OutputStream out = Files.newOutputStream(pb)) {
			hostile.build().writeTo(out);
		}
		ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> ModelBundle.load(dir, TestDevice.session()));
		assertTrue(e.getMessage().contains("ReadFile") && e.getMessage().contains("read or write files"), e.getMessage());
		assertEquals(1, e.getMessage().lines().count());
	}

	@Test
	void garbageInsteadOfASavedModelIsRefused() throws IOException {
		Path dir = save("garbage", UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4), 1);
		Files.write(dir.resolve("saved_model.pb"), new byte[] { 8, (byte) 0xff, (byte) 0xff, 0x7f, 1, 2, 3 });
		ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> ModelBundle.load(dir, TestDevice.session()));
		assertTrue(e.getMessage().contains("not a TensorFlow SavedModel"), e.getMessage());
	}
}

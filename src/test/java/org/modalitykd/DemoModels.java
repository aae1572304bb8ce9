/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modalitykd.data.Augmentation;
import org.modalitykd.data.BatchSource;
import org.modalitykd.data.PatchSampler;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.data.ZScoreNormalizer;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.train.Objective;
import org.modalitykd.train.Trainer;
import org.modalitykd.train.TrainingMethod;

/**
 * Small demonstration models for the documentation screenshots, trained with the
 * existing {@link Trainer} step on synthetic cases (supervised only: the
 * distillation trainer is another issue). Not a test and not shipped:
 * {@code DemoModels CASES_DIR OUT_DIR STEPS} writes OUT_DIR/teacher (four modalities)
 * and OUT_DIR/baseline_t1 (T1 only).
 */
public final class DemoModels {

	private DemoModels() {
	}

	public static void main(String[] args) throws IOException {
		Path cases = Path.of(args[0]);
		Path out = Path.of(args[1]);
		int steps = Integer.parseInt(args[2]);
		train(cases, out.resolve("teacher"), ModelRole.TEACHER, List.of("t1", "t1ce", "t2", "flair"), steps);
		train(cases, out.resolve("baseline_t1"), ModelRole.BASELINE, List.of("t1"), steps);
	}

	private static void train(Path casesDir, Path out, ModelRole role, List<String> modalities, int steps) throws IOException {
		List<TrainingCase> cases = new ArrayList<>();
		double[] spacing = null;
		for (CaseFiles f : BratsLayout.casesUnder(casesDir)) {
			MriCase c = new CaseLoader().load(f, modalities);
			spacing = c.images().geometry().spacing();
			cases.add(TrainingCase.of(c.id(), c.images(), c.labels().orElseThrow(), new ZScoreNormalizer()));
		}
		int[] patch = { 32, 32, 32 };
		UNetConfig config = UNetConfig.defaults(modalities.size(), 4).withLevels(3).withBaseFilters(8);
		try (Trainer t = Trainer.create(config, Objective.defaults(TrainingMethod.SUPERVISED), SessionOptions.cpu());
			BatchSource batches = new BatchSource(cases, new PatchSampler(patch), Augmentation.defaults(), 2, 0.5, 7, 0, 2)) {
			for (int s = 0; s < steps; s++) {
				double lr = 3e-3 * (1 - (double) s / steps);
				var r = t.step(batches.batch(s), lr);
				if (s % 50 == 0 || s == steps - 1) {
					System.out.println(out.getFileName() + " step " + s + " " + r);
				}
			}
			t.exportBundle(out, new ModelCard(ModelCard.FORMAT_VERSION, role, modalities, ModelCard.BRATS_LABELS,
				ModelCard.BRATS_CLASS_NAMES, new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO),
				patch, spacing, config, new ModelCard.Provenance("supervised", Map.of("dice", 1.0, "ce", 1.0),
					"demo: " + cases.size() + " synthetic cases", 7, steps, Map.of(), java.time.Instant.now().toString()),
				Map.of()));
		}
	}
}

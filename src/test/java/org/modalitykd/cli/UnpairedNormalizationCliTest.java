/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.Normalization;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Weights;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/**
 * {@code --normalization}: the unpaired network's default is batch norm with a slot per
 * modality, whose statistics come out of training different for the two modalities; the
 * card names the slots; shared batch norm is the ablation; per-modality choices are
 * refused for one-image networks.
 */
class UnpairedNormalizationCliTest {

	private static final String[] TINY = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "4",
		"--validation-interval", "4", "--checkpoint-interval", "4", "--device", "cpu", "--log-every", "4" };

	@TempDir
	Path tmp;

	private static String[] args(String... head) {
		List<String> all = new ArrayList<>(List.of(head));
		all.addAll(List.of(TINY));
		return all.toArray(String[]::new);
	}

	private String[] unpaired(Path out, String... more) {
		String data = TrainingFixtures.syntheticCases().toString();
		List<String> all = new ArrayList<>(List.of("train-unpaired", "--data-a", data, "--modality-a", "t1", "--data-b", data,
			"--modality-b", "flair", "--out", out.toString()));
		all.addAll(List.of(more));
		return args(all.toArray(String[]::new));
	}

	@Test
	void unpairedDefaultIsBatchNormPerModalityWithStatisticsOfEach() throws IOException {
		Path model = tmp.resolve("unpaired");
		CliTest.Outcome o = CliTest.run(unpaired(model));
		assertEquals(0, o.status(), o.err());
		ModelCard card = ModelBundle.readCard(model);
		assertEquals(Normalization.BATCH, card.architecture().normalization());
		assertEquals(2, card.architecture().normSlots());
		String json = Files.readString(model.resolve("model-card.json"));
		assertTrue(json.replaceAll("\\s", "").contains("\"norm_slot_modalities\":[\"t1\",\"flair\"]"), json);

		try (ModelBundle b = ModelBundle.load(model, SessionOptions.cpu())) {
			Weights w = b.weights();
			int differing = 0;
			int layers = 0;
			for (String name : w.tensors().keySet()) {
				if (!name.endsWith("moving_mean_slot0")) {
					continue;
				}
				layers++;
				float[] t1 = w.get(name).values();
				float[] flair = w.get(name.replace("_slot0", "_slot1")).values();
				assertTrue(maxAbs(t1) > 0, name + " never moved from its start");
				if (maxAbsDifference(t1, flair) > 1e-3) {
					differing++;
				}
			}
			assertTrue(layers >= 10, "every convolution of a 3-level U-Net has running means per slot: " + layers);
			assertEquals(layers, differing, "each layer's T1 and FLAIR slots hold statistics of their own");
		}

		// Segmenting takes the slot of the case's modality; a modality the model has no slot for is one line.
		Path caseDir = TrainingFixtures.syntheticCases().resolve("tr_0001");
		CliTest.Outcome seg = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
			"--modality", "flair", "--output", tmp.resolve("flair-seg.nii.gz").toString(), "--device", "cpu");
		assertEquals(0, seg.status(), seg.err());
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
			"--modality", "t2", "--output", tmp.resolve("t2-seg.nii.gz").toString(), "--device", "cpu"), 2, "t2",
			"[t1, flair]");
		assertFalse(Files.exists(tmp.resolve("t2-seg.nii.gz")));

		// The card holds a signature per slot, from that slot's training images; a T1 file named
		// flair is refused as looking like the model's T1, and nothing is written.
		assertEquals(2, card.channelSignature().channels());
		Path swapped = Files.createDirectories(tmp.resolve("swapped").resolve("sw_0001"));
		Files.copy(caseDir.resolve("tr_0001_t1.nii.gz"), swapped.resolve("sw_0001_flair.nii.gz"));
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", swapped.toString(),
			"--modality", "flair", "--output", tmp.resolve("swapped-seg.nii.gz").toString(), "--device", "cpu"), 1,
			"the flair image looks like this model's t1 training images");
		assertFalse(Files.exists(tmp.resolve("swapped-seg.nii.gz")));
	}

	@Test
	void sharedBatchNormIsTheAblationAndSegmentsEitherModality() throws IOException {
		Path model = tmp.resolve("shared");
		CliTest.Outcome o = CliTest.run(unpaired(model, "--normalization", "batch"));
		assertEquals(0, o.status(), o.err());
		ModelCard card = ModelBundle.readCard(model);
		assertEquals(Normalization.BATCH, card.architecture().normalization());
		assertEquals(1, card.architecture().normSlots());
		assertTrue(card.perModality(), "still one modality at a time");
		String json = Files.readString(model.resolve("model-card.json")).replaceAll("\\s", "");
		assertFalse(json.contains("\"norm_slot\":") || json.contains("norm_slot_modalities"),
			"no slot input and no slot list for one set of statistics: " + json);
		Path caseDir = TrainingFixtures.syntheticCases().resolve("tr_0001");
		for (String modality : List.of("t1", "flair")) {
			CliTest.Outcome seg = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
				"--modality", modality, "--output", tmp.resolve(modality + ".nii.gz").toString(), "--device", "cpu");
			assertEquals(0, seg.status(), seg.err());
		}
	}

	@Test
	void perModalityNormalisationOutsideUnpairedAndUnknownValuesAreOneLine() {
		String data = TrainingFixtures.syntheticCases().toString();
		Path teacher = tmp.resolve("teacher");
		CliTest.assertOneLineError(CliTest.run(args("train-teacher", "--data", data, "--out", teacher.toString(),
			"--modalities", "t1,t2", "--normalization", "modality-batch")), 2, "--normalization: ",
			"modality-batch is for unpaired training");
		Path student = tmp.resolve("student");
		CliTest.assertOneLineError(CliTest.run(args("train-student", "--data", data, "--out", student.toString(),
			"--modality", "t1", "--method", "none", "--normalization", "modality-instance")), 2, "--normalization: ");
		CliTest.assertOneLineError(CliTest.run(unpaired(tmp.resolve("u"), "--normalization", "group")), 2,
			"--normalization: ", "unknown normalization 'group'");
		for (Path p : List.of(teacher, student, tmp.resolve("u"))) {
			assertFalse(Files.exists(p), p + " written");
			assertFalse(Files.exists(TrainingRun.workDirOf(p)), p + " work folder written");
		}
	}

	@Test
	void batchNormTeacherKeepsItsChoiceInTheCard() throws IOException {
		String data = TrainingFixtures.syntheticCases().toString();
		Path teacher = tmp.resolve("bn-teacher");
		CliTest.Outcome o = CliTest.run(args("train-teacher", "--data", data, "--out", teacher.toString(), "--modalities",
			"t1,t2", "--normalization", "batch"));
		assertEquals(0, o.status(), o.err());
		assertEquals(Normalization.BATCH, ModelBundle.readCard(teacher).architecture().normalization());
		assertEquals(1, ModelBundle.readCard(teacher).architecture().normSlots());
	}

	private static double maxAbs(float[] v) {
		double m = 0;
		for (float x : v) {
			m = Math.max(m, Math.abs(x));
		}
		return m;
	}

	private static double maxAbsDifference(float[] a, float[] b) {
		double m = 0;
		for (int i = 0; i < a.length; i++) {
			m = Math.max(m, Math.abs(a[i] - b[i]));
		}
		return m;
	}
}

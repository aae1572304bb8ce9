/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.train.TrainingRun;

/** The macro keys {@code seg_loss} (every training command) and {@code latent_loss} (Distill Student). */
class FijiLossOptionsTest extends FijiTrainingFixture {

	private static final String TINY = FijiTrainingFixture.TINY.replace("steps=4", "steps=2");

	@Test
	void macroKeysReachTheModelCard() throws IOException {
		Path teacher = tmp.resolve("teacher");
		ImageJ1.run("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY + " seg_loss=official out="
			+ q(teacher));
		assertEquals(Map.of("seg_loss", "official"), ModelBundle.readCard(teacher).provenance().lossOptions());
		Path student = tmp.resolve("student");
		ImageJ1.run("Distill Student...", "data=" + q(data) + " modality=t2 method=kdnet teacher=" + q(teacher)
			+ " latent_loss=kl " + TINY + " out=" + q(student));
		ModelCard card = ModelBundle.readCard(student);
		assertEquals(Map.of("seg_loss", "default", "latent_loss", "kl"), card.provenance().lossOptions());
		assertTrue(card.provenance().lossWeights().containsKey("feature_kl"), card.provenance().lossWeights().toString());
		Path baseline = tmp.resolve("baseline");
		ImageJ1.run("Distill Student...", "data=" + q(data) + " modality=t2 method=none " + TINY + " out=" + q(baseline));
		assertEquals(Map.of("seg_loss", "default"), ModelBundle.readCard(baseline).provenance().lossOptions(),
			"the latent_loss choice's default is no option for a baseline");
	}

	@Test
	void normalizationKeyReachesTheCardAndPerModalityIsRefusedForATeacher() throws IOException {
		Path unpaired = tmp.resolve("unpaired");
		ImageJ1.run("Train Unpaired...", "data_a=" + q(data) + " modality_a=t1 data_b=" + q(data) + " modality_b=flair "
			+ TINY + " normalization=batch out=" + q(unpaired));
		ModelCard card = ModelBundle.readCard(unpaired);
		assertEquals(org.modalitykd.net.Normalization.BATCH, card.architecture().normalization());
		assertEquals(1, card.architecture().normSlots(), "shared batch norm: one set of statistics");
		Path teacher = tmp.resolve("teacher");
		String printed = ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY
			+ " normalization=modality-batch out=" + q(teacher));
		assertOneLine(printed, "normalization: modality-batch is for unpaired training");
		assertNothingWritten(teacher);
	}

	@Test
	void klForAnotherMethodIsOneLineNamingTheKeyAndNothingIsWritten() {
		Path out = tmp.resolve("bad");
		String printed = ImageJ1.runFailing("Distill Student...", "data=" + q(data) + " modality=t1 method=none latent_loss=kl "
			+ TINY + " out=" + q(out));
		assertOneLine(printed, "latent_loss: method none has no latent term");
		assertNothingWritten(out);
	}

	@Test
	void distillationKeysReachTheModelCardAndBadOnesAreOneLine() throws IOException {
		Path teacher = tmp.resolve("teacher");
		ImageJ1.run("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY + " out=" + q(teacher));
		Path student = tmp.resolve("student");
		ImageJ1.run("Distill Student...", "data=" + q(data) + " modality=t2 method=kdnet teacher=" + q(teacher)
			+ " kd_weight=0.1 temperature=2 feature_weight=0.05 temperature_squared=false kd_warmup=0.25 " + TINY
			+ " out=" + q(student));
		ModelCard card = ModelBundle.readCard(student);
		Map<String, Double> w = card.provenance().lossWeights();
		assertEquals(0.1, w.get("kd"));
		assertEquals(2.0, w.get("temperature"));
		assertEquals(0.05, w.get("feature_l2"));
		assertEquals(0.25, w.get("kd_warmup"));
		assertEquals("false", card.provenance().lossOptions().get("temperature_squared"));
		Path proto = tmp.resolve("proto");
		ImageJ1.run("Distill Student...", "data=" + q(data) + " modality=t2 method=protokd teacher=" + q(teacher)
			+ " kd_weight=3 proto_weight=0.3 " + TINY + " out=" + q(proto));
		w = ModelBundle.readCard(proto).provenance().lossWeights();
		assertEquals(3.0, w.get("pixel_kd"));
		assertEquals(0.3, w.get("proto_kd"));
		assertFalse(ModelBundle.readCard(proto).provenance().lossOptions().containsKey("temperature_squared"),
			"the choice's default is no option for protokd");

		Path out = tmp.resolve("bad");
		String[][] bad = { { "method=kdnet kd_weight=abc", "kd_weight: not a number" },
			{ "method=kdnet proto_weight=0.1", "proto_weight: method kdnet has no such term" },
			{ "method=protokd temperature_squared=false", "temperature_squared: method protokd has no T^2 factor" },
			{ "method=kdnet temperature_squared=maybe", "temperature_squared: give true or false" },
			{ "method=kdnet kd_warmup=1", "kd_warmup: the warm-up is a share" },
			{ "method=none kd_warmup=0.5", "kd_warmup: method none has no distillation terms" } };
		for (String[] b : bad) {
			String printed = ImageJ1.runFailing("Distill Student...", "data=" + q(data) + " modality=t2 teacher=" + q(teacher)
				+ " " + b[0] + " " + TINY + " out=" + q(out));
			assertEquals(1, printed.lines().count(), b[0] + ": " + printed);
			assertTrue(printed.contains(b[1]), b[0] + ": " + printed);
		}
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(TrainingRun.workDirOf(out)));
	}

	@Test
	void scheduleAndLossWeightKeysReachTheRun() throws IOException {
		Path teacher = tmp.resolve("teacher");
		ImageJ1.run("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY.replace("learning_rate=1E-3", "learning_rate=0.002")
			+ " lr_schedule=constant weight_decay=0.001 dice_weight=0.5 ce_weight=2 tumour_share=1"
			+ " out=" + q(teacher));
		Map<String, Double> w = ModelBundle.readCard(teacher).provenance().lossWeights();
		assertEquals(0.5, w.get("dice"));
		assertEquals(2.0, w.get("cross_entropy"));
		assertEquals(0.001, w.get("weight_decay"));
		java.util.List<String> log = Files.readAllLines(TrainingRun.workDirOf(teacher).resolve(TrainingRun.LOG_FILE));
		int column = java.util.Arrays.asList(log.get(0).split(",")).indexOf("learning_rate");
		for (String line : log.subList(1, log.size())) {
			assertEquals(0.002, Double.parseDouble(line.split(",")[column]), 1e-9, "constant schedule: " + line);
		}
		Path out = tmp.resolve("bad");
		String[][] bad = { { "lr_schedule=linear", "unknown learning-rate schedule 'linear'" },
			{ "weight_decay=abc", "weight_decay" }, { "tumour_share=2", "tumour share" } };
		for (String[] b : bad) {
			String printed = ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY + " "
				+ b[0] + " out=" + q(out));
			assertEquals(1, printed.lines().count(), b[0] + ": " + printed);
			assertTrue(printed.contains(b[1]), b[0] + ": " + printed);
		}
		assertFalse(Files.exists(out));
	}
}

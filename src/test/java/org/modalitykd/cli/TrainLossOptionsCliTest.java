/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modalitykd.cli.TinyTraining.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/**
 * {@code --seg-loss} and {@code --latent-loss}: bad values refused with one line naming the
 * flag and nothing written; good ones reach the training log and the model card.
 */
class TrainLossOptionsCliTest {

	@TempDir
	Path tmp;

	@Test
	void badValuesAreOneLineNamingTheFlagAndNothingIsWritten() throws IOException {
		CliTest.assertOneLineError(TinyTraining.student(tmp, "kdnet", "--latent-loss", "cosine"), 2, "--latent-loss: ",
			"unknown latent loss 'cosine'", "mse or kl");
		CliTest.assertOneLineError(TinyTraining.student(tmp, "protokd", "--latent-loss", "kl"), 2, "--latent-loss: ",
			"no latent term");
		CliTest.assertOneLineError(TinyTraining.student(tmp, "none", "--latent-loss", "kl"), 2, "--latent-loss: ");
		CliTest.assertOneLineError(TinyTraining.student(tmp, "kdnet", "--seg-loss", "focal"), 2, "--seg-loss: ",
			"unknown segmentation loss 'focal'", "default or official");
		CliTest.assertOneLineError(TinyTraining.teacher(tmp, "--seg-loss", ""), 2, "--seg-loss: ");
		CliTest.assertOneLineError(TinyTraining.unpaired(tmp, "--seg-loss", "Official2"), 2, "--seg-loss: ");
		TinyTraining.assertNothingWritten(tmp, "s", "x", "u");
	}

	@Test
	void theChosenLossesAreLoggedAndRecordedInTheModelCard() throws IOException {
		Path teacher = TinyTraining.trained(tmp.resolve("teacher"), "train-teacher", "--seg-loss", "official");
		ModelCard card = ModelBundle.readCard(teacher);
		assertEquals(Map.of("seg_loss", "official"), card.provenance().lossOptions());

		Path student = TinyTraining.trained(tmp.resolve("student"), "train-student", "--modality", "t2", "--method", "kdnet",
			"--teacher", teacher.toString(), "--latent-loss", "KL", "--feature-weight", "0.3");
		card = ModelBundle.readCard(student);
		assertEquals(Map.of("seg_loss", "default", "latent_loss", "kl"), card.provenance().lossOptions());
		assertEquals(0.3, card.provenance().lossWeights().get("feature_kl"));
		assertFalse(card.provenance().lossWeights().containsKey("feature_l2"));
		List<String> log = Files.readAllLines(TrainingRun.workDirOf(student).resolve(TrainingRun.LOG_FILE));
		assertTrue(log.get(0).startsWith("step,loss,dice,cross_entropy,kd,feature_kl,gradient_norm"), log.get(0));
		String[] first = log.get(1).split(",");
		assertTrue(Double.parseDouble(first[5]) >= 0 && Double.isFinite(Double.parseDouble(first[5])), log.get(1));
		CliTest.Outcome info = CliTest.run("model-info", student.toString());
		assertTrue(info.out().contains("loss options  {seg_loss=default, latent_loss=kl}"), info.out());

		Path baseline = TinyTraining.trained(tmp.resolve("baseline"), "train-student", "--modality", "t2", "--method", "none");
		assertEquals(Map.of("seg_loss", "default"), ModelBundle.readCard(baseline).provenance().lossOptions());
	}

	@Test
	void warmUpAndTemperatureSquaredAreCheckedAndRecorded() throws IOException {
		String data = TrainingFixtures.syntheticCases().toString();
		CliTest.assertOneLineError(TinyTraining.student(tmp, "kdnet", "--kd-warmup", "1"), 2, "--kd-warmup: ",
			"share of the training steps");
		CliTest.assertOneLineError(TinyTraining.student(tmp, "none", "--kd-warmup", "0.2"), 2, "--kd-warmup: ",
			"no distillation terms");
		CliTest.assertOneLineError(TinyTraining.student(tmp, "protokd", "--temperature-squared", "false"), 2,
			"--temperature-squared: ", "no T^2 factor");
		CliTest.Outcome notBoolean = TinyTraining.student(tmp, "kdnet", "--temperature-squared", "maybe");
		assertEquals(2, notBoolean.status(), notBoolean.err());
		assertEquals(1, notBoolean.err().strip().lines().count(), notBoolean.err());
		assertTrue(notBoolean.err().contains("--temperature-squared"), notBoolean.err());
		TinyTraining.assertNothingWritten(tmp, "s");

		Path teacher = tmp.resolve("teacher");
		assertEquals(0, CliTest.run(args("train-teacher", "--data", data, "--out", teacher.toString())).status());
		Path student = tmp.resolve("student");
		CliTest.Outcome s = CliTest.run(args("train-student", "--data", data, "--out", student.toString(), "--modality", "t2",
			"--method", "kdnet", "--teacher", teacher.toString(), "--kd-weight", "0.1", "--kd-warmup", "0.5",
			"--temperature-squared", "false"));
		assertEquals(0, s.status(), s.err());
		ModelCard card = ModelBundle.readCard(student);
		assertEquals(Map.of("seg_loss", "default", "latent_loss", "mse", "temperature_squared", "false"),
			card.provenance().lossOptions());
		assertEquals(0.5, card.provenance().lossWeights().get("kd_warmup"));
		assertEquals(0.1, card.provenance().lossWeights().get("kd"));
	}
}

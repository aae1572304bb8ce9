/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/** train-teacher, train-student (none, kdnet, protokd) and train-unpaired end to end, and their refusals. */
class TrainCliTest {

	@TempDir
	Path tmp;

	private static final String[] TINY = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "4",
		"--validation-interval", "2", "--checkpoint-interval", "2", "--device", "cpu", "--log-every", "2" };

	private static String[] args(String[] tail, String... head) {
		List<String> all = new ArrayList<>(List.of(head));
		all.addAll(List.of(tail));
		return all.toArray(String[]::new);
	}

	@Test
	void teacherThenStudentsThenUnpaired() throws IOException {
		String data = TrainingFixtures.syntheticCases().toString();
		Path teacher = tmp.resolve("teacher");
		CliTest.Outcome t = CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", teacher.toString(), "--modalities",
			"t1,t1ce,t2,flair"));
		assertEquals(0, t.status(), t.err());
		assertTrue(t.out().contains("step 4/4 loss ") && t.out().contains("validation at step 4: dice_wt "), t.out());
		assertEquals(ModelRole.TEACHER, ModelBundle.readCard(teacher).role());
		assertTrue(Files.isRegularFile(TrainingRun.workDirOf(teacher).resolve(TrainingRun.LOG_FILE)));

		for (String method : List.of("none", "kdnet", "protokd")) {
			Path student = tmp.resolve("student-" + method);
			String[] head = method.equals("none")
				? new String[] { "train-student", "--data", data, "--out", student.toString(), "--modality", "t1ce",
					"--method", method }
				: new String[] { "train-student", "--data", data, "--out", student.toString(), "--modality", "t1ce",
					"--method", method, "--teacher", teacher.toString() };
			CliTest.Outcome s = CliTest.run(args(TINY, head));
			assertEquals(0, s.status(), method + ": " + s.err());
			ModelCard card = ModelBundle.readCard(student);
			assertEquals(method.equals("none") ? ModelRole.BASELINE : ModelRole.STUDENT, card.role());
			assertEquals(List.of("t1ce"), card.modalities());
			if (!method.equals("none")) {
				assertTrue(card.provenance().data().contains("teacher "), card.provenance().data());
				assertTrue(s.out().contains(method.equals("kdnet") ? "feature_l2" : "proto_kd"), s.out());
			}
		}
		List<String> log = Files.readAllLines(TrainingRun.workDirOf(tmp.resolve("student-protokd")).resolve(TrainingRun.LOG_FILE));
		assertTrue(log.get(0).startsWith("step,loss,dice,cross_entropy,pixel_kd,proto_kd,gradient_norm,learning_rate,val_dice_wt"),
			log.get(0));
		assertEquals(4.0, ModelBundle.readCard(tmp.resolve("student-kdnet")).provenance().lossWeights().get("temperature"));
		Map<String, Double> proto = ModelBundle.readCard(tmp.resolve("student-protokd")).provenance().lossWeights();
		assertEquals(1.0, proto.get("pixel_kd"), "ProtoKD's default alpha");
		assertEquals(0.2, proto.get("kd_warmup"), "ProtoKD's default warm-up");

		Path unpaired = tmp.resolve("unpaired");
		CliTest.Outcome u = CliTest.run(args(TINY, "train-unpaired", "--data-a", data, "--modality-a", "t1", "--data-b", data,
			"--modality-b", "flair", "--out", unpaired.toString()));
		assertEquals(0, u.status(), u.err());
		ModelCard card = ModelBundle.readCard(unpaired);
		assertEquals(ModelRole.UNPAIRED, card.role());
		assertEquals(List.of("t1", "flair"), card.modalities());
		assertTrue(card.perModality());
		assertEquals(0.5, card.provenance().lossWeights().get("class_kd"));
		assertTrue(u.out().contains("class_kd") && u.out().contains("dice_b"), u.out());
	}

	@Test
	void nnUnetAugmentationIsRecordedAndResumedOnlyWithItself() throws IOException {
		String data = TrainingFixtures.syntheticCases().toString();
		Path teacher = tmp.resolve("nnunet-teacher");
		CliTest.Outcome t = CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", teacher.toString(), "--modalities",
			"t1,t2", "--augmentation", "nnunet"));
		assertEquals(0, t.status(), t.err());
		assertEquals("nnunet", ModelBundle.readCard(teacher).provenance().augmentation());
		CliTest.Outcome info = CliTest.run("model-info", teacher.toString());
		assertTrue(info.out().contains("augmentation  nnunet"), info.out());
		// Its checkpoint resumes with the same level only: other batches would be another run.
		String[] more = args(TINY, "train-teacher", "--data", data, "--out", teacher.toString(), "--modalities", "t1,t2",
			"--resume");
		more[java.util.Arrays.asList(more).indexOf("--steps") + 1] = "6";
		CliTest.assertOneLineError(CliTest.run(more), 1, "augmentation is 'nnunet', now 'light'");
		CliTest.Outcome resumed = CliTest.run(args(new String[] { "--augmentation", "nnunet" }, more));
		assertEquals(0, resumed.status(), resumed.err());
		assertEquals(6, ModelBundle.readCard(teacher).provenance().steps());
	}

	@Test
	void clearRefusals() throws IOException {
		String data = TrainingFixtures.syntheticCases().toString();
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-student", "--data", data, "--out", tmp.resolve("s").toString(),
			"--modality", "t1", "--method", "kdnet")), 2, "--teacher");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-student", "--data", data, "--out", tmp.resolve("s").toString(),
			"--modality", "t1", "--method", "distil")), 2, "none, kdnet or protokd");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-student", "--data", data, "--out", tmp.resolve("s").toString(),
			"--modality", "pd", "--method", "none")), 2, "unknown modality 'pd'");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-unpaired", "--data-a", data, "--modality-a", "t1", "--data-b", data,
			"--modality-b", "t1", "--out", tmp.resolve("u").toString())), 2, "--modality-b: ", "both modalities are t1");
		CliTest.assertOneLineError(CliTest.run("train-teacher", "--data", data, "--out", tmp.resolve("x").toString(), "--levels", "3",
			"--patch-size", "18", "--device", "cpu"), 2, "multiple of 4");
		// A bad weight or temperature is a usage error naming its flag, before the teacher or the cases are read.
		String absent = tmp.resolve("no-teacher").toString();
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-student", "--data", data, "--out", tmp.resolve("s").toString(),
			"--modality", "t1", "--method", "kdnet", "--teacher", absent, "--kd-weight", "-1")), 2, "--kd-weight: ");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-student", "--data", data, "--out", tmp.resolve("s").toString(),
			"--modality", "t1", "--method", "protokd", "--teacher", absent, "--temperature", "0")), 2, "--temperature: ");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-student", "--data", data, "--out", tmp.resolve("s").toString(),
			"--modality", "t1", "--method", "protokd", "--teacher", absent, "--feature-weight", "0.1")), 2, "--feature-weight: ");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-unpaired", "--data-a", data, "--modality-a", "t1", "--data-b", data,
			"--modality-b", "t2", "--out", tmp.resolve("u").toString(), "--tau", "0")), 2, "--tau: ");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", tmp.resolve("x").toString(),
			"--dice-weight", "-1")), 2, "--dice-weight: ");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", tmp.resolve("x").toString(),
			"--augmentation", "heavy")), 2, "--augmentation: unknown augmentation level 'heavy'; expected light or nnunet");
		assertTrue(!Files.exists(tmp.resolve("s")) && !Files.exists(tmp.resolve("u")) && !Files.exists(tmp.resolve("x")),
			"a refused run writes nothing");

		Path teacher = tmp.resolve("t1t2-teacher");
		CliTest.Outcome t = CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", teacher.toString(), "--modalities",
			"t1,t2"));
		assertEquals(0, t.status(), t.err());
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-student", "--data", data, "--out", tmp.resolve("s").toString(),
			"--modality", "flair", "--method", "protokd", "--teacher", teacher.toString())), 1, "not on flair");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", teacher.toString(), "--modalities",
			"t1,t2")), 1, "--resume");
		// Resuming must optimise the same loss as the checkpoint's run.
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", teacher.toString(), "--modalities",
			"t1,t2", "--resume", "--dice-weight", "2")), 1, "its loss_weights is");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-teacher", "--data", data, "--out", teacher.toString(), "--modalities",
			"t1,t2", "--resume", "--seg-loss", "official")), 1, "its loss_options is");

		Path unlabelled = tmp.resolve("unlabelled/case1");
		Files.createDirectories(unlabelled);
		Path source;
		try (Stream<Path> dirs = Files.list(TrainingFixtures.syntheticCases())) {
			source = dirs.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
		}
		try (Stream<Path> files = Files.list(source)) {
			for (Path f : files.filter(f -> !f.getFileName().toString().contains("_seg")).toList()) {
				Files.copy(f, unlabelled.resolve(f.getFileName()));
			}
		}
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-teacher", "--data", unlabelled.getParent().toString(), "--out",
			tmp.resolve("n").toString())), 1, "no segmentation");
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingParameters;
import org.modalitykd.train.TrainingRun;

/** The fluent training requests: what they set reaches the bundle, cancel comes from the task monitor, bad settings are one line. */
class TrainingRequestTest {

	private static final TrainingParameters TINY = TrainingParameters.defaults().withSteps(4).withPatchSize(16)
		.withNetwork(3, 4).withValidation(0.2, 2).withCheckpointInterval(2);

	@TempDir
	Path tmp;

	@Test
	void teacherStudentAndUnpairedReadAsOneLineEachAndReachTheCard() throws IOException {
		Path data = TrainingFixtures.syntheticCases();
		Path teacher = tmp.resolve("teacher");
		TrainingRun.Outcome t = ModalityKD.trainTeacher(data).modalities("t1,t2").parameters(TINY).device("cpu")
			.output(teacher).run();
		assertEquals(4, t.steps());
		ModelCard tc = ModelBundle.readCard(teacher);
		assertEquals(ModelRole.TEACHER, tc.role());
		assertEquals(List.of("t1", "t2"), tc.modalities());

		Path student = tmp.resolve("student");
		ModalityKD.distill(data).teacher(teacher).modality("t2").method("kdnet").kdWeight(0.2).temperature(3)
			.latentLoss("kl").kdWarmup(0.25).parameters(TINY).device("cpu").output(student).run();
		ModelCard sc = ModelBundle.readCard(student);
		assertEquals(ModelRole.STUDENT, sc.role());
		assertEquals(0.2, sc.provenance().lossWeights().get("kd"));
		assertEquals(3.0, sc.provenance().lossWeights().get("temperature"));
		assertEquals("kl", sc.provenance().lossOptions().get("latent_loss"));

		Path unpaired = tmp.resolve("unpaired");
		ModalityKD.trainUnpaired(data, "t1").and(data, "flair").kdWeight(0.25).tau(3).parameters(TINY)
			.normalization("batch").device("cpu").output(unpaired).run();
		ModelCard uc = ModelBundle.readCard(unpaired);
		assertEquals(List.of("t1", "flair"), uc.modalities());
		assertEquals(0.25, uc.provenance().lossWeights().get("class_kd"));
		assertEquals(3.0, uc.provenance().lossWeights().get("tau"));
		assertEquals(1, uc.architecture().normSlots(), "normalization(\"batch\"): one shared set of statistics");
	}

	@Test
	void theTaskMonitorSeesEveryStepAndItsCancelStopsTheRunWithACheckpoint() throws IOException {
		Path out = tmp.resolve("cancelled");
		List<Double> fractions = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		TaskMonitor monitor = new TaskMonitor() {
			@Override
			public void progress(double fraction, String status) {
				fractions.add(fraction);
				lines.add(status);
			}

			@Override
			public boolean cancelRequested() {
				return lines.stream().anyMatch(l -> l.startsWith("step 2/6"));
			}
		};
		TrainingRun.Outcome o = ModalityKD.trainTeacher(TrainingFixtures.syntheticCases()).modalities("t1,t2")
			.parameters(TINY.withSteps(6)).device("cpu").output(out).run(monitor);
		assertTrue(o.cancelled());
		assertEquals(2, o.steps());
		assertTrue(TrainingRun.hasCheckpoint(out), "a cancelled training can be resumed");
		assertTrue(lines.stream().anyMatch(l -> l.matches("step 1/6, loss \\d+\\.\\d{4}")), lines.toString());
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("validation at step 2: Dice mean ")), lines.toString());
		for (int i = 1; i < fractions.size(); i++) {
			assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
		}
		assertEquals(2 / 6.0, fractions.get(fractions.size() - 1), 1e-12);

		TrainingRun.Outcome resumed = ModalityKD.trainTeacher(TrainingFixtures.syntheticCases()).modalities("t1,t2")
			.parameters(TINY.withSteps(6)).device("cpu").output(out).resume(true).run();
		assertFalse(resumed.cancelled());
		assertEquals(6, resumed.steps());
	}

	@Test
	void badSettingsAreOneLineNamingTheJavaSettingAndNothingIsWritten() {
		Path data = TrainingFixtures.syntheticCases();
		Path out = tmp.resolve("never");
		Path teacher = tmp.resolve("no-teacher");
		Map<String, Runnable> cases = Map.of(
			"teacher", () -> run(ModalityKD.distill(data).parameters(TINY).modality("t1").method("none").teacher(teacher).output(out)),
			"protoWeight", () -> run(ModalityKD.distill(data).parameters(TINY).modality("t1").method("kdnet").teacher(teacher).protoWeight(0.1)
				.output(out)),
			"kdWeight", () -> run(ModalityKD.distill(data).parameters(TINY).modality("t1").method("kdnet").teacher(teacher).kdWeight(-1)
				.output(out)),
			"modalityB", () -> run(ModalityKD.trainUnpaired(data, "t1").parameters(TINY).and(data, "t1").output(out)),
			"normalization", () -> run(ModalityKD.trainTeacher(data).parameters(TINY).normalization("modality-batch").output(out)),
			"output", () -> run(ModalityKD.trainTeacher(data).parameters(TINY)));
		for (Map.Entry<String, Runnable> c : cases.entrySet()) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c.getValue()::run, c.getKey());
			assertTrue(e.getMessage().startsWith(c.getKey() + ": "), c.getKey() + " -> " + e.getMessage());
			assertEquals(1, e.getMessage().lines().count(), e.getMessage());
			assertTrue(e instanceof InvalidOptionException || e instanceof InvalidSettingException, e.toString());
		}
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(TrainingRun.workDirOf(out)));
	}

	private static void run(TrainingRequest<?> r) {
		try {
			r.device("cpu").run();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}

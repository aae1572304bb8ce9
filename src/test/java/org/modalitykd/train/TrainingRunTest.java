/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TestDevice;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;

/**
 * Whole runs on synthetic cases: an interrupted (cancelled) and resumed run writes the
 * same log, losses and validation included, as an uninterrupted one; a short run learns
 * (loss falls, validation Dice beats the untrained network's); the bundle records the
 * split.
 */
class TrainingRunTest {

	@TempDir
	Path tmp;

	private static final UNetConfig TINY = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4).withSeed(3);

	private static TrainingSchedule schedule(long steps) {
		return new TrainingSchedule(steps, 2, new int[] { 16, 16, 16 }, 3e-3, "poly", 0.2, 3, 2, 7, 1.0 / 3);
	}

	private static TrainingJob teacherJob(TrainingDataset data, TrainingSchedule s) {
		return new TrainingJob(ModelRole.TEACHER, Objective.defaults(TrainingMethod.SUPERVISED), TINY, Modalities.BRATS,
			data, null, null, s);
	}

	@Test
	void cancelledAndResumedRunMatchesAnUninterruptedOne() throws Exception {
		TrainingDataset data = TrainingDataset.load(TrainingFixtures.syntheticCases(), Modalities.BRATS);
		Path whole = tmp.resolve("whole/model");
		TrainingRun.Outcome a = TrainingRun.run(teacherJob(data, schedule(6)), whole, false, TestDevice.session(),
			TrainingListener.NONE);
		assertEquals(6, a.steps());
		assertFalse(a.cancelled());

		Path parts = tmp.resolve("parts/model");
		TrainingListener cancelAfter3 = new CancelAtStep(3);
		TrainingRun.Outcome b1 = TrainingRun.run(teacherJob(data, schedule(6)), parts, false, TestDevice.session(),
			cancelAfter3);
		assertTrue(b1.cancelled());
		assertEquals(3, b1.steps(), "the cancel took effect at the end of the step it was asked in");
		assertTrue(Files.isRegularFile(b1.workDir().resolve("checkpoint/checkpoint.json")), "a checkpoint is left");
		try (ModelBundle usable = ModelBundle.load(parts, TestDevice.session())) {
			assertEquals(3, usable.card().provenance().steps(), "a usable bundle is left");
		}
		IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> TrainingRun.run(
			teacherJob(data, schedule(6)), parts, false, TestDevice.session(), TrainingListener.NONE));
		assertTrue(again.getMessage().contains("--resume"), again.getMessage());
		IllegalArgumentException otherSeed = assertThrows(IllegalArgumentException.class, () -> TrainingRun.run(
			teacherJob(data, new TrainingSchedule(6, 2, new int[] { 16, 16, 16 }, 3e-3, "poly", 0.2, 3, 2, 8, 1.0 / 3)),
			parts, true, TestDevice.session(), TrainingListener.NONE));
		assertTrue(otherSeed.getMessage().contains("different run"), otherSeed.getMessage());

		TrainingRun.Outcome b2 = TrainingRun.run(teacherJob(data, schedule(6)), parts, true, TestDevice.session(),
			TrainingListener.NONE);
		assertEquals(6, b2.steps());
		List<String> expected = Files.readAllLines(a.workDir().resolve(TrainingRun.LOG_FILE));
		List<String> actual = Files.readAllLines(b2.workDir().resolve(TrainingRun.LOG_FILE));
		assertEquals(7, expected.size(), "header and 6 steps");
		assertTrue(expected.get(0).startsWith("step,loss,dice,cross_entropy,gradient_norm,learning_rate,val_dice_wt"),
			expected.get(0));
		assertEquals(expected, actual, "every loss term and validation value of the resumed run");
		assertEquals(a.bestValidation(), b2.bestValidation());
	}

	@Test
	void shortRunLearnsAndRecordsTheSplit() throws Exception {
		TrainingDataset data = TrainingDataset.load(TrainingFixtures.syntheticCases(), Modalities.BRATS);
		TrainingSchedule s = new TrainingSchedule(120, 2, new int[] { 16, 16, 16 }, 1e-2, "poly", 0.2, 120, 120, 5, 0.5);
		TrainingJob job = teacherJob(data, s);
		Map<String, Double> untrained;
		try (Trainer fresh = Trainer.create(TINY, job.objective(), TestDevice.session())) {
			TrainingSplit split = new TrainingSplit(List.of(), List.of(), List.of(), List.of());
			List<LabelledCase> validation = data.cases().stream()
				.filter(c -> org.modalitykd.data.CaseSplit.of(data.ids(), 0.2, 5).validation().contains(c.id())).toList();
			untrained = TrainingRun.validate(fresh, TrainedModelCard.of(job, split, 0, Map.of()), tmp.resolve("untrained"),
				validation, TestDevice.session());
		}
		List<Double> losses = new ArrayList<>();
		Path out = tmp.resolve("teacher");
		TrainingRun.Outcome o = TrainingRun.run(job, out, false, TestDevice.session(), new TrainingListener() {
			@Override
			public void stepDone(StepResult r, long steps) {
				losses.add(r.loss());
			}
		});
		double early = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double late = losses.subList(losses.size() - 10, losses.size()).stream().mapToDouble(Double::doubleValue).average()
			.orElseThrow();
		System.out.printf("short run: loss %.3f -> %.3f; validation %s -> %s%n", early, late, untrained, o.bestValidation());
		assertTrue(late < 0.8 * early, "the training loss falls: " + early + " -> " + late);
		assertTrue(o.bestValidation().get("dice_wt") > untrained.get("dice_wt") + 0.1,
			"validation WT Dice rises above the untrained network's: " + untrained + " -> " + o.bestValidation());
		ModelCard card = ModelBundle.readCard(out);
		assertEquals(ModelRole.TEACHER, card.role());
		assertTrue(card.provenance().data().contains("validation ["), card.provenance().data());
		assertEquals(o.bestValidation().get("dice_wt"), card.validation().get("dice_wt"));
		assertEquals(Modalities.BRATS, card.modalities());
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentProgressTest {

	private final ExperimentPlan plan = ExperimentPlan.quick();
	private final ExperimentDesign t1ce = new ExperimentDesign(plan).only(List.of("t1ce-baseline", "t1ce-kdnet",
		"t1ce-protokd"));

	@Test
	void eachSeedSaysWhatIsLeftAndTheEstimateAddsTheMediansOfWhatIsLeft(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		add(records, 1, "teacher", 30, 100);
		add(records, 1, "t1ce-baseline", 15, 1800);
		add(records, 1, "t1ce-kdnet", 15, 5400);
		add(records, 2, "teacher", 30, 200);
		add(records, 2, "t1ce-baseline", 15, 3600);

		ExperimentProgress p = new ExperimentProgress(t1ce, plan, records);

		assertEquals(List.of("teacher", "t1ce-baseline", "t1ce-kdnet"), p.seeds().get(0).done());
		assertEquals(List.of("t1ce-protokd"), p.seeds().get(0).left());
		assertEquals(List.of("t1ce-kdnet", "t1ce-protokd"), p.seeds().get(1).left());
		// ProtoKD has no run: the median of the 15-step runs (1800, 5400, 3600) is 3600 s, twice;
		// KD-Net's one run took 5400 s. 3600 + 5400 + 3600 = 12600 s = 3.5 hours.
		assertEquals(12600, p.secondsLeft(), 1e-9);
		assertEquals(0, p.unestimated());
		assertEquals(List.of("seed 1: 3 of 4 recorded; left: t1ce-protokd",
			"seed 2: 2 of 4 recorded; left: t1ce-kdnet, t1ce-protokd",
			"left: 3 trainings, about 3.5 hours in one process at the recorded median times"), p.lines());
	}

	@Test
	void nothingComparableRecordedGivesNoEstimateAndAFinishedExperimentSaysSo(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		ExperimentProgress empty = new ExperimentProgress(t1ce, plan.withSeeds(List.of(3L, 4L)), records);
		assertEquals("left: 8 trainings, no estimate (nothing comparable recorded yet)", empty.lines().get(2));

		// Only a teacher is recorded: the students (15 steps) have nothing comparable.
		add(records, 3, "teacher", 30, 100);
		ExperimentProgress students = new ExperimentProgress(t1ce, plan.withSeeds(List.of(3L, 4L)), records);
		assertEquals(6, students.unestimated());
		assertEquals("left: 7 trainings, about 0.0 hours in one process at the recorded median times (6 of them without "
			+ "an estimate)", students.lines().get(2));

		for (long seed : new long[] { 3, 4 }) {
			for (String t : List.of("teacher", "t1ce-baseline", "t1ce-kdnet", "t1ce-protokd")) {
				if (!records.done(seed, t)) {
					add(records, seed, t, 15, 60);
				}
			}
		}
		ExperimentProgress done = new ExperimentProgress(t1ce, plan.withSeeds(List.of(3L, 4L)), records);
		assertEquals(List.of("seed 3: all 4 trainings recorded", "seed 4: all 4 trainings recorded",
			"nothing left: every training of every seed is recorded"), done.lines());
	}

	@Test
	void aPartOfOneSeedIsAPlanAndNoSeedIsNot(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		add(records, 5, "teacher", 30, 100);
		ExperimentProgress p = new ExperimentProgress(t1ce, plan.withSeeds(List.of(5L)), records);
		assertEquals(List.of("seed 5: 1 of 4 recorded; left: t1ce-baseline, t1ce-kdnet, t1ce-protokd"), p.lines().subList(0, 1));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan.withSeeds(List.of()));
		assertEquals("the experiment needs at least one seed", e.getMessage());
	}

	private static void add(ExperimentRecords records, long seed, String training, long steps, double seconds)
		throws IOException {
		records.add(new TrainingRecord(seed, training, steps, seconds, 100, 2048, 0.5, false, "0123456789ab", "test"),
			List.of());
	}
}

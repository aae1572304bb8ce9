/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.experiment.CaseScore;
import org.modalitykd.experiment.ExperimentPlan;
import org.modalitykd.experiment.ExperimentRecords;
import org.modalitykd.experiment.ExperimentRunner;
import org.modalitykd.experiment.TrainingRecord;

/**
 * {@code experiment --merge}: two processes' records of one plan joined, the tables made
 * from both; {@code --progress}: what those records leave to do.
 */
class ExperimentMergeCliTest {

	@TempDir
	Path tmp;

	@Test
	void theMergedRecordsMakeOneTableAndAConflictOrAnotherPlanIsOneLine() throws IOException {
		Path a = records("a", 1, 0.6);
		Path b = records("b", 2, 0.8);

		CliTest.Outcome o = CliTest.run("experiment", "--quick", "--out", tmp.resolve("work").toString(), "--records",
			a.toString(), "--merge", b.toString());

		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("merged 2 trainings from " + b + " (0 were already there; teachers of seeds [2])"), o.out());
		String table = Files.readString(a.resolve("results.md"));
		// Seed means 0.6 and 0.8 (both cases alike): mean 0.7 over 2 seeds.
		assertTrue(table.contains("| t1ce baseline | 2 | 0.700 ["), table);
		assertTrue(Files.isRegularFile(a.resolve("dice-bars.png")));
		assertTrue(Files.isRegularFile(a.resolve("teachers/seed-2/weights.txt")));

		Path conflict = records("c", 1, 0.3);
		CliTest.assertOneLineError(CliTest.run("experiment", "--quick", "--out", tmp.resolve("work").toString(), "--records",
			a.toString(), "--merge", conflict.toString()), 2, "seed 1's t1ce-baseline is recorded in both");
		CliTest.assertOneLineError(CliTest.run("experiment", "--quick", "--unpaired", "--out", tmp.resolve("work").toString(),
			"--records", a.toString(), "--report-only"), 2, "holds the records of another plan", "--unpaired");
	}

	@Test
	void progressSaysWhatIsLeftPerSeedAndWritesNothing() throws IOException {
		Path a = records("a", 1, 0.6);
		Map<Path, byte[]> before = contents(a);
		Path work = tmp.resolve("work");

		CliTest.Outcome o = CliTest.run("experiment", "--quick", "--out", work.toString(), "--records", a.toString(),
			"--progress", "--trainings", "t1ce-baseline,t1ce-kdnet");

		assertEquals(0, o.status(), o.err());
		// Seed 1 has its teacher and T1ce baseline; seed 2 nothing. KD-Net's estimate is the
		// median of the recorded 15-step runs (2.6 s), the teacher's its own run (3 s).
		assertEquals(List.of("seed 1: 2 of 3 recorded; left: t1ce-kdnet",
			"seed 2: 0 of 3 recorded; left: teacher, t1ce-baseline, t1ce-kdnet",
			"left: 4 trainings, about 0.0 hours in one process at the recorded median times"), o.out().lines().toList());
		assertUnchanged(a, before);
		assertFalse(Files.exists(work), "--progress made " + work);
		CliTest.assertOneLineError(CliTest.run("experiment", "--quick", "--records", a.toString(), "--progress",
			"--report-only"), 2, "--progress only reads the records: leave out --report-only");
	}

	@Test
	void oneSeedMakesItsTablesAndSaysTheyHaveNoIntervalOverSeeds() throws IOException {
		Path a = records("a", 1, 0.6);

		CliTest.Outcome o = CliTest.run("experiment", "--quick", "--seeds", "1", "--out", tmp.resolve("work").toString(),
			"--records", a.toString(), "--report-only");

		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("one seed: these tables have no interval over seeds; join other seeds' records with "
			+ "--merge for an interval"), o.out());
		String table = Files.readString(a.resolve("results.md"));
		assertTrue(table.contains("| t1ce baseline | 1 | 0.600 |"), table);
	}

	@Test
	void severalFoldersMergeInOneRunOrNotAtAll() throws IOException {
		Path a = records("a", 1, 0.6);
		Path b = records("b", 2, 0.8);
		Path c = records("c", 3, 0.7);
		Path clash = records("clash", 1, 0.3);
		Map<Path, byte[]> before = contents(a);

		// b alone would merge; the clash with a's seed 1 refuses the whole run first.
		CliTest.assertOneLineError(CliTest.run("experiment", "--quick", "--seeds", "1,2,3", "--out",
			tmp.resolve("work").toString(), "--records", a.toString(), "--merge", b.toString(), "--merge",
			clash.toString()), 2, "seed 1's t1ce-baseline is recorded in both " + clash + " and " + a + " (joined with [" + b + "])");
		assertUnchanged(a, before);

		CliTest.Outcome o = CliTest.run("experiment", "--quick", "--seeds", "1,2,3", "--out", tmp.resolve("work").toString(),
			"--records", a.toString(), "--merge", b.toString(), "--merge", c.toString());

		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("merged 2 trainings from " + b), o.out());
		assertTrue(o.out().contains("merged 2 trainings from " + c), o.out());
		// Seed means 0.6, 0.8 and 0.7: mean 0.7 over 3 seeds.
		assertTrue(Files.readString(a.resolve("results.md")).contains("| t1ce baseline | 3 | 0.700 ["));
	}

	@Test
	void progressCountsTheJoinedFoldersAndWritesToNone() throws IOException {
		Path a = records("a", 1, 0.6);
		Path b = records("b", 2, 0.8);
		Map<Path, byte[]> beforeA = contents(a);
		Map<Path, byte[]> beforeB = contents(b);

		CliTest.Outcome o = CliTest.run("experiment", "--quick", "--records", a.toString(), "--progress", "--merge",
			b.toString(), "--trainings", "t1ce-baseline,t1ce-kdnet");

		assertEquals(0, o.status(), o.err());
		assertEquals(List.of("joined with [" + b + "] to count; nothing is written",
			"seed 1: 2 of 3 recorded; left: t1ce-kdnet",
			"seed 2: 2 of 3 recorded; left: t1ce-kdnet",
			"left: 2 trainings, about 0.0 hours in one process at the recorded median times"), o.out().lines().toList());
		assertUnchanged(a, beforeA);
		assertUnchanged(b, beforeB);
		CliTest.assertOneLineError(CliTest.run("experiment", "--quick", "--records", a.toString(), "--progress", "--merge",
			records("clash", 1, 0.3).toString()), 2, "seed 1's t1ce-baseline is recorded in both");
	}

	private static void assertUnchanged(Path dir, Map<Path, byte[]> before) throws IOException {
		Map<Path, byte[]> after = contents(dir);
		assertEquals(before.keySet(), after.keySet(), dir.toString());
		before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file.toString()));
	}

	private static Map<Path, byte[]> contents(Path dir) throws IOException {
		Map<Path, byte[]> files = new TreeMap<>();
		try (var walk = Files.walk(dir)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) {
				files.put(dir.relativize(p), Files.readAllBytes(p));
			}
		}
		return files;
	}

	/** One seed of the quick plan: a teacher (with its bundle) and a t1ce baseline scoring {@code dice} on two cases. */
	private Path records(String name, long seed, double dice) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve(name));
		Files.writeString(dir.resolve(ExperimentRunner.PLAN_FILE), ExperimentPlan.quick().describe() + "\n");
		Path teacher = Files.createDirectories(dir.resolve("teachers/seed-" + seed));
		Files.writeString(teacher.resolve("weights.txt"), "seed " + seed);
		Files.writeString(dir.resolve(ExperimentRunner.SETTINGS_FILE), "t" + seed + "\tteacher of seed " + seed + "\nb" + seed
			+ "\tbaseline of seed " + seed + " scoring " + dice + "\n");
		ExperimentRecords r = ExperimentRecords.open(dir);
		r.add(new TrainingRecord(seed, "teacher", 30, 3, 100, 1000, 0.9, false, "t" + seed, "0123456789ab"), List.of());
		r.add(new TrainingRecord(seed, "t1ce-baseline", 15, 2 + dice, 100, 1000, 0.5, false, "b" + seed, "0123456789ab"),
			List.of(new CaseScore(seed, "t1ce baseline", "test_0001", dice, dice, dice),
				new CaseScore(seed, "t1ce baseline", "test_0002", dice, dice, dice)));
		return dir;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of one plan, each in its own records folder (other seeds), joined into one:
 * records, settings lines and teacher bundles; a conflict is refused before anything is
 * written, and a second merge changes nothing.
 */
class RecordsMergeTest {

	private static final String PLAN = "main: a plan\n";

	@TempDir
	Path tmp;

	@Test
	void theRecordsSettingsAndTeachersOfOtherSeedsAreAdded() throws IOException {
		Path a = run("a", 1, 0.5, 0.7);
		Path b = run("b", 5, 0.7, 0.9);
		Map<Path, String> bBefore = contents(b);

		RecordsMerge.Summary m = RecordsMerge.merge(b, a);

		assertEquals(2, m.trainings());
		assertEquals(0, m.alreadyThere());
		assertEquals(List.of(5L), m.teachers());
		ExperimentRecords merged = ExperimentRecords.open(a);
		assertEquals(4, merged.trainings().size());
		assertTrue(merged.done(1, "t1ce-baseline") && merged.done(5, "t1ce-baseline") && merged.done(5, "teacher"));
		assertEquals(4, merged.scores().size());
		assertEquals("weights of seed 5", Files.readString(a.resolve("teachers/seed-5/variables.txt")));
		assertEquals("weights of seed 1", Files.readString(a.resolve("teachers/seed-1/variables.txt")));
		assertEquals(Map.of("key1teacher", "settings of teacher seed 1", "key1baseline", "settings of baseline seed 1",
			"key5teacher", "settings of teacher seed 5", "key5baseline", "settings of baseline seed 5"),
			SettingsFile.read(a));
		assertEquals(bBefore, contents(b), "the merged folder is left as it was");
		// The baseline's WT over the two seeds' means (0.6 and 0.8): 0.7.
		ExperimentDesign design = new ExperimentDesign(ExperimentPlan.quick());
		ExperimentReport report = new ExperimentReport(design, merged);
		ExperimentReport.RowSummary baseline = report.rows().stream().filter(r -> r.row().label().equals("t1ce baseline"))
			.findFirst().orElseThrow();
		assertEquals(2, baseline.seeds());
		assertEquals(0.7, baseline.mean()[0], 1e-9);
	}

	@Test
	void mergingAgainChangesNothing() throws IOException {
		Path a = run("a", 1, 0.5, 0.7);
		Path b = run("b", 5, 0.7, 0.9);
		RecordsMerge.merge(b, a);
		Map<Path, String> once = contents(a);

		RecordsMerge.Summary again = RecordsMerge.merge(b, a);

		assertEquals(0, again.trainings());
		assertEquals(2, again.alreadyThere());
		assertEquals(once, contents(a));
	}

	@Test
	void aTrainingRecordedInBothWithOtherResultsIsRefusedBeforeAnythingIsWritten() throws IOException {
		Path a = run("a", 1, 0.5, 0.7);
		Path b = run("b", 5, 0.7, 0.9);
		// The same seed trained again in b: other time and Dice.
		ExperimentRecords.open(b).add(new TrainingRecord(1, "t1ce-baseline", 10, 9.0, 100, 2048, 0.5, false,
			"key1baseline", "0123456789ab"), scores(1, 0.1, 0.2));
		Map<Path, String> before = contents(a);

		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordsMerge.merge(b, a));

		assertTrue(e.getMessage().contains("seed 1's t1ce-baseline is recorded in both"), e.getMessage());
		assertEquals(before, contents(a));
		assertFalse(Files.exists(a.resolve("teachers/seed-5")));
		// The same record with other scores (a test set scored again) is refused too.
		Path c = run("c", 5, 0.7, 0.9);
		ExperimentRecords.open(c).add(new TrainingRecord(1, "t1ce-baseline", 10, 1.5, 100, 2048, 0.5, false,
			"key1baseline", "0123456789ab"), scores(1, 0.1, 0.2));
		e = assertThrows(IllegalArgumentException.class, () -> RecordsMerge.merge(c, a));
		assertTrue(e.getMessage().contains("seed 1's score of t1ce baseline on test_0001 is recorded in both"), e.getMessage());
		assertEquals(before, contents(a));
	}

	@Test
	void anotherPlanARecordWithoutSettingsOrATeacherWithoutItsBundleIsRefused() throws IOException {
		Path a = run("a", 1, 0.5, 0.7);
		Map<Path, String> before = contents(a);

		Path otherPlan = run("other", 5, 0.7, 0.9);
		Files.writeString(otherPlan.resolve(ExperimentRunner.PLAN_FILE), "unpaired: another plan\n");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordsMerge.merge(otherPlan, a)).getMessage()
			.contains("another plan"));

		Path noSettings = run("nosettings", 5, 0.7, 0.9);
		Files.writeString(noSettings.resolve(SettingsFile.NAME), "key5teacher\tsettings of teacher seed 5\n");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordsMerge.merge(noSettings, a)).getMessage()
			.contains("lacks them"));

		Path noTeacher = run("noteacher", 5, 0.7, 0.9);
		Files.delete(noTeacher.resolve("teachers/seed-5/variables.txt"));
		Files.delete(noTeacher.resolve("teachers/seed-5"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordsMerge.merge(noTeacher, a)).getMessage()
			.contains("holds no teachers/seed-5 bundle"));

		assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordsMerge.merge(tmp.resolve("none"), a))
			.getMessage().contains("holds no experiment records"));
		assertEquals(before, contents(a));
	}

	@Test
	void intoAFolderNotYetMadeEverythingIsCopied() throws IOException {
		Path b = run("b", 5, 0.7, 0.9);
		Path fresh = tmp.resolve("fresh");

		RecordsMerge.merge(b, fresh);

		assertEquals(PLAN, Files.readString(fresh.resolve(ExperimentRunner.PLAN_FILE)));
		assertEquals(ExperimentRecords.open(b).trainings(), ExperimentRecords.open(fresh).trainings());
		assertEquals(ExperimentRecords.open(b).scores(), ExperimentRecords.open(fresh).scores());
		assertEquals(SettingsFile.read(b), SettingsFile.read(fresh));
		assertTrue(Files.isRegularFile(fresh.resolve("teachers/seed-5/variables.txt")));
	}

	/** A records folder of one seed: its teacher (with a bundle) and a t1ce baseline scoring a and b on two cases. */
	private Path run(String name, long seed, double a, double b) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve(name));
		Files.writeString(dir.resolve(ExperimentRunner.PLAN_FILE), PLAN);
		Path teacher = Files.createDirectories(dir.resolve("teachers/seed-" + seed));
		Files.writeString(teacher.resolve("variables.txt"), "weights of seed " + seed);
		Map<String, String> settings = new TreeMap<>();
		settings.put("key" + seed + "teacher", "settings of teacher seed " + seed);
		settings.put("key" + seed + "baseline", "settings of baseline seed " + seed);
		SettingsFile.write(dir, settings);
		ExperimentRecords records = ExperimentRecords.open(dir);
		records.add(new TrainingRecord(seed, "teacher", 20, 2.5, 120, 4096, 0.9, false, "key" + seed + "teacher",
			"0123456789ab"), List.of());
		records.add(new TrainingRecord(seed, "t1ce-baseline", 10, 1.5, 100, 2048, 0.5, false, "key" + seed + "baseline",
			"0123456789ab"), scores(seed, a, b));
		return dir;
	}

	private static List<CaseScore> scores(long seed, double a, double b) {
		return List.of(new CaseScore(seed, "t1ce baseline", "test_0001", a, a / 2, a / 2),
			new CaseScore(seed, "t1ce baseline", "test_0002", b, b / 2, b / 2));
	}

	/** Every file below {@code dir} with its text. */
	private static Map<Path, String> contents(Path dir) throws IOException {
		Map<Path, String> m = new TreeMap<>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				m.put(dir.relativize(f), Files.readString(f));
			}
		}
		return m;
	}
}

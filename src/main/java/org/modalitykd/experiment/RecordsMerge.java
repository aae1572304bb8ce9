/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.io.FolderCopy;

/**
 * Adds the records of one experiment folder to another of the same plan: what a second
 * machine or process trained (other seeds, or other trainings of a seed), with its
 * settings lines and its teachers. Records are rewritten whole after each training, so
 * two runs never share a folder; this joins them afterwards.
 * <p>
 * Everything is checked before anything is written: another plan, a training or a case
 * score recorded in both with other results, settings that disagree, a record without
 * its settings line, or a recorded teacher without its bundle is refused with one line. What is
 * in both with the same results is left as it is, so a merge that was interrupted (each
 * file is replaced atomically, teachers through a {@code .part} folder) is completed by
 * running it again.
 */
public final class RecordsMerge {

	/**
	 * @param trainings the trainings added
	 * @param alreadyThere the trainings that were in both with the same results
	 * @param teachers the seeds whose teacher bundle was copied
	 */
	public record Summary(int trainings, int alreadyThere, List<Long> teachers) {
	}

	private RecordsMerge() {
	}

	/**
	 * Merges the records in {@code from} into {@code into} (created when missing).
	 *
	 * @throws IllegalArgumentException saying what disagrees and what to do, before anything is written
	 */
	public static Summary merge(Path from, Path into) throws IOException {
		requireOther(from, into);
		Optional<String> fromPlan = PlanFile.read(from);
		if (fromPlan.isEmpty() || !Files.isRegularFile(from.resolve(ExperimentRecords.TRAININGS_FILE))) {
			throw new IllegalArgumentException(from + " holds no experiment records (" + PlanFile.NAME + ", "
				+ ExperimentRecords.TRAININGS_FILE + "); give the --records folder of the other run");
		}
		String plan = fromPlan.get();
		PlanFile.requireSame(into, plan, from + " holds those of " + plan + "; records of two plans are never mixed");
		ExperimentRecords source = ExperimentRecords.open(from);
		ExperimentRecords target = ExperimentRecords.open(into);
		Map<String, String> sourceSettings = SettingsFile.read(from);
		Map<String, String> settings = SettingsFile.read(into);

		List<TrainingRecord> added = new ArrayList<>();
		int alreadyThere = 0;
		List<Long> teachers = new ArrayList<>();
		for (TrainingRecord t : source.trainings()) {
			TrainingRecord there = target.record(t.seed(), t.training());
			if (t.equals(there)) {
				alreadyThere++;
				continue;
			}
			if (there != null) {
				throw inBoth(from, into, "seed " + t.seed() + "'s " + t.training());
			}
			String description = sourceSettings.get(t.settings());
			if (description == null) {
				throw new IllegalArgumentException(from + " records seed " + t.seed() + "'s " + t.training() + " with settings "
					+ t.settings() + " but its " + SettingsFile.NAME + " lacks them; restore that file");
			}
			String known = settings.putIfAbsent(t.settings(), description);
			if (known != null && !known.equals(description)) {
				throw new IllegalArgumentException("the settings key " + t.settings() + " stands for other settings in " + from
					+ " than in " + into + "; these records cannot be joined");
			}
			if (t.training().equals(ExperimentDesign.TEACHER)) {
				checkTeacher(from, t.seed());
				teachers.add(t.seed());
			}
			added.add(t);
		}
		Map<String, CaseScore> targetScores = new HashMap<>();
		target.scores().forEach(o -> targetScores.put(scoreKey(o), o));
		List<CaseScore> scores = new ArrayList<>();
		for (CaseScore s : source.scores()) {
			CaseScore there = targetScores.get(scoreKey(s));
			if (there != null && !there.equals(s)) {
				throw inBoth(from, into, "seed " + s.seed() + "'s score of " + s.row() + " on " + s.caseId());
			}
			if (there == null) {
				scores.add(s);
			}
		}

		Files.createDirectories(into);
		PlanFile.writeIfAbsent(into, plan);
		KeptTeachers kept = new KeptTeachers(into, line -> { });
		for (long seed : teachers) {
			kept.keep(seed, teacherOf(from, seed));
		}
		SettingsFile.write(into, settings);
		target.addAll(added, scores);
		return new Summary(added.size(), alreadyThere, List.copyOf(teachers));
	}

	/**
	 * Merges each folder of {@code from}, in order, into {@code into}. They are first all
	 * merged into a temporary copy of {@code into}, so that a conflict in any of them refuses
	 * the whole merge before {@code into} is written.
	 *
	 * @throws IllegalArgumentException saying what disagrees and what to do, before anything is written
	 */
	public static List<Summary> mergeAll(List<Path> from, Path into) throws IOException {
		AtomicDirectory.deleteTree(joinedCopy(into, from).getParent());
		List<Summary> summaries = new ArrayList<>();
		for (Path f : from) {
			summaries.add(merge(f, into));
		}
		return summaries;
	}

	/**
	 * A temporary folder holding the records of {@code into} (none when it is missing) joined
	 * with those of each folder of {@code from}, to read them together without writing to any
	 * of them: the caller deletes its parent. Errors name {@code into}, not the copy.
	 *
	 * @throws IllegalArgumentException saying what disagrees and what to do; nothing is left behind
	 */
	public static Path joinedCopy(Path into, List<Path> from) throws IOException {
		for (Path f : from) {
			requireOther(f, into);
		}
		Path temp = Files.createTempDirectory("modalitykd-records-");
		Path copy = temp.resolve("records");
		List<Path> joined = new ArrayList<>();
		try {
			if (Files.isDirectory(into)) {
				FolderCopy.copy(into, copy);
			}
			for (Path f : from) {
				try {
					merge(f, copy);
				} catch (IllegalArgumentException e) {
					String named = joined.isEmpty() ? into.toString() : into + " (joined with " + joined + ")";
					throw new IllegalArgumentException(e.getMessage().replace(copy.toString(), named), e);
				}
				joined.add(f);
			}
			return copy;
		} catch (IOException | RuntimeException e) {
			AtomicDirectory.deleteTree(temp);
			throw e;
		}
	}

	/**
	 * A teacher bundle of the target that its records do not name (left by an interrupted
	 * merge) is replaced: no student recorded there can have used it.
	 */
	private static void requireOther(Path from, Path into) {
		if (from.toAbsolutePath().normalize().equals(into.toAbsolutePath().normalize())) {
			throw new IllegalArgumentException("the records to merge are the records folder itself: " + from);
		}
	}

	private static void checkTeacher(Path from, long seed) {
		if (!Files.isDirectory(teacherOf(from, seed))) {
			throw new IllegalArgumentException(from + " records the teacher of seed " + seed + " but holds no "
				+ ExperimentRunner.TEACHERS_DIR + "/seed-" + seed + " bundle; restore it before merging");
		}
	}

	private static String scoreKey(CaseScore s) {
		// Row and case names hold no comma (the records are CSV).
		return s.seed() + "," + s.row() + "," + s.caseId();
	}

	private static Path teacherOf(Path records, long seed) {
		return records.resolve(ExperimentRunner.TEACHERS_DIR).resolve("seed-" + seed);
	}

	private static IllegalArgumentException inBoth(Path from, Path into, String what) {
		return new IllegalArgumentException(what + " is recorded in both " + from + " and " + into
			+ " with other results; delete it from one of them and merge again");
	}
}

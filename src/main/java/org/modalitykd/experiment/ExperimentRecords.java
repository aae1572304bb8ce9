/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modalitykd.io.AtomicFile;

/**
 * The experiment's raw results, kept as two CSV files in its records folder and rewritten
 * whole (atomically) after every training, so that an interrupted experiment continues
 * where it stopped, on this machine or, from committed records, on another:
 * {@code dice.csv} (seed, row, case, Dice per region) and {@code trainings.csv} (seed,
 * training, steps, seconds, size, the key of its settings and the code version).
 */
public final class ExperimentRecords {

	public static final String DICE_FILE = "dice.csv";
	public static final String TRAININGS_FILE = "trainings.csv";
	private static final String DICE_HEADER = "seed,row,case,dice_wt,dice_tc,dice_et";
	private static final String TRAININGS_HEADER = "seed,training,steps,seconds,parameters,bundle_bytes,validation_dice_mean,resumed,"
		+ "settings,code";

	private final Path dir;
	private final List<CaseScore> scores = new ArrayList<>();
	private final List<TrainingRecord> trainings = new ArrayList<>();

	private ExperimentRecords(Path dir) {
		this.dir = dir;
	}

	/** The records in {@code dir}, empty when there are none yet. */
	public static ExperimentRecords open(Path dir) throws IOException {
		ExperimentRecords r = new ExperimentRecords(dir);
		Path dice = dir.resolve(DICE_FILE);
		if (Files.exists(dice)) {
			for (String[] f : rows(dice, DICE_HEADER)) {
				r.scores.add(new CaseScore(Long.parseLong(f[0]), f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
					Double.parseDouble(f[5])));
			}
		}
		Path times = dir.resolve(TRAININGS_FILE);
		if (Files.exists(times)) {
			for (String[] f : rows(times, TRAININGS_HEADER)) {
				r.trainings.add(new TrainingRecord(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]),
					Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]), Boolean.parseBoolean(f[7]), f[8], f[9]));
			}
		}
		return r;
	}

	private static List<String[]> rows(Path file, String header) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		if (lines.isEmpty() || !lines.get(0).equals(header)) {
			throw new IOException(file + " is not an experiment record (expected the header " + header
				+ "); move it away or choose another --out");
		}
		int columns = header.split(",").length;
		List<String[]> out = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			if (f.length != columns) {
				throw new IOException(file + ": a line with " + f.length + " fields instead of " + columns + ": " + line);
			}
			out.add(f);
		}
		return out;
	}

	/** Whether the training {@code name} of {@code seed} is finished and its rows evaluated. */
	public boolean done(long seed, String name) {
		return record(seed, name) != null;
	}

	/** The record of training {@code name} of {@code seed}, or null. */
	public TrainingRecord record(long seed, String name) {
		return trainings.stream().filter(t -> t.seed() == seed && t.training().equals(name)).findFirst().orElse(null);
	}

	/** Adds a finished training with the test scores of its rows, and saves both files. */
	public void add(TrainingRecord training, List<CaseScore> rowScores) throws IOException {
		for (CaseScore s : rowScores) {
			if (s.row().contains(",") || s.caseId().contains(",")) {
				throw new IllegalArgumentException("a comma in a row or case name: " + s);
			}
		}
		scores.removeIf(s -> s.seed() == training.seed() && rowScores.stream().anyMatch(n -> n.row().equals(s.row())));
		scores.addAll(rowScores);
		trainings.removeIf(t -> t.seed() == training.seed() && t.training().equals(training.training()));
		trainings.add(training);
		save();
	}

	/**
	 * Adds records made elsewhere (another machine or process, {@link RecordsMerge}) and
	 * saves once; the caller has left out what is already here and refused what is here
	 * with other results.
	 */
	void addAll(List<TrainingRecord> moreTrainings, List<CaseScore> moreScores) throws IOException {
		scores.addAll(moreScores);
		trainings.addAll(moreTrainings);
		save();
	}

	/**
	 * These records with only the scores of cases whose id starts with {@code prefix} (one
	 * evaluation set: the test set, or the shifted test set); a view, never saved.
	 */
	public ExperimentRecords casesStartingWith(String prefix) {
		ExperimentRecords view = new ExperimentRecords(null);
		scores.stream().filter(s -> s.caseId().startsWith(prefix)).forEach(view.scores::add);
		view.trainings.addAll(trainings);
		return view;
	}

	public List<CaseScore> scores() {
		return List.copyOf(scores);
	}

	public List<TrainingRecord> trainings() {
		return List.copyOf(trainings);
	}

	private void save() throws IOException {
		if (dir == null) {
			throw new IllegalStateException("a view of the records is not saved");
		}
		StringBuilder dice = new StringBuilder(DICE_HEADER).append('\n');
		for (CaseScore s : scores) {
			dice.append(String.format(Locale.ROOT, "%d,%s,%s,%.6f,%.6f,%.6f%n", s.seed(), s.row(), s.caseId(), s.wt(), s.tc(),
				s.et()));
		}
		StringBuilder times = new StringBuilder(TRAININGS_HEADER).append('\n');
		for (TrainingRecord t : trainings) {
			times.append(String.format(Locale.ROOT, "%d,%s,%d,%.3f,%d,%d,%.6f,%b,%s,%s%n", t.seed(), t.training(), t.steps(),
				t.seconds(), t.parameters(), t.bundleBytes(), t.validationDice(), t.resumed(), t.settings(), t.code()));
		}
		AtomicFile.writeString(dir.resolve(DICE_FILE), dice.toString());
		AtomicFile.writeString(dir.resolve(TRAININGS_FILE), times.toString());
	}
}

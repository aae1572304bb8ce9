/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.FolderCopy;
import org.modalitykd.io.Modalities;
import org.modalitykd.train.TrainingDataset;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingJob;

/**
 * The jobs the experiment builds keep the settings keys of the committed records of the
 * sweep and of the main experiment (docs/results/, made by the code of their commits): a
 * changed key would make a rerun with today's code refuse those records, or mix trainings
 * made with other settings into a table.
 */
class ExperimentJobsTest {

	@TempDir
	Path tmp;

	@Test
	void theSweepsJobsHaveTheSettingsKeysOfItsRecords() throws IOException {
		int checked = checkKeys(ExperimentPlan.sweep(), Path.of("docs/results/sweep"));
		assertTrue(checked >= 18, "the records of seed 1 cover the sweep's trainings: " + checked);
	}

	@Test
	void theMainExperimentsJobsHaveTheSettingsKeysOfItsRecords() throws IOException {
		int checked = checkKeys(ExperimentPlan.full(), Path.of("docs/results/main"));
		assertTrue(checked >= 13, "the records of seed 1 cover the main rows: " + checked);
	}

	/** Asserts that seed 1's recorded trainings in {@code records} have the keys of today's jobs; returns how many. */
	private int checkKeys(ExperimentPlan plan, Path records) throws IOException {
		assertEquals(Files.readString(records.resolve(ExperimentRunner.PLAN_FILE)).strip(), plan.describe(),
			"the plan is the recorded one");
		Map<String, String> recorded = settingsKeys(records.resolve("trainings.csv"), 1);
		TrainingDataset pool = TrainingDataset.load(TrainingFixtures.syntheticCases(), Modalities.BRATS);
		Path seedDir = tmp.resolve(records.getFileName().toString()).resolve("seed-1");
		FolderCopy.copy(records.resolve(ExperimentRunner.TEACHERS_DIR).resolve("seed-1"), seedDir.resolve(ExperimentDesign.TEACHER));
		int checked = 0;
		for (ExperimentDesign.Training t : new ExperimentDesign(plan).trainings()) {
			String key = recorded.get(t.name());
			if (key == null) {
				continue;
			}
			TrainingJob job = ExperimentJobs.job(plan, t, 1, pool, seedDir.resolve(t.name()),
				org.modalitykd.train.CaseCacheSettings.defaults());
			assertEquals(key, TrainingSettings.key(TrainingSettings.describe(plan, t, job)), records + ": " + t.name());
			checked++;
		}
		return checked;
	}

	/** Training name to settings key, for one seed of a trainings.csv. */
	private static Map<String, String> settingsKeys(Path csv, long seed) throws IOException {
		List<String> lines = Files.readAllLines(csv);
		List<String> header = List.of(lines.get(0).split(","));
		int name = header.indexOf("training");
		int settings = header.indexOf("settings");
		Map<String, String> keys = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			if (Long.parseLong(f[0]) == seed) {
				keys.put(f[name], f[settings]);
			}
		}
		return keys;
	}
}

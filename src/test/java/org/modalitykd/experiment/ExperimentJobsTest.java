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
 * The jobs the experiment builds keep the settings keys of the committed sweep records
 * (docs/results/sweep, made by the code of their commit): a changed key would make a
 * rerun refuse those records, or mix trainings made with other settings into a table.
 */
class ExperimentJobsTest {

	private static final Path RECORDS = Path.of("docs/results/sweep");

	@TempDir
	Path tmp;

	@Test
	void theSweepsJobsHaveTheSettingsKeysOfItsRecords() throws IOException {
		ExperimentPlan plan = ExperimentPlan.sweep();
		assertEquals(Files.readString(RECORDS.resolve(ExperimentRunner.PLAN_FILE)).strip(), plan.describe(),
			"the sweep's plan is the recorded one");
		Map<String, String> recorded = settingsKeys(RECORDS.resolve("trainings.csv"), 1);
		TrainingDataset pool = TrainingDataset.load(TrainingFixtures.syntheticCases(), Modalities.BRATS);
		Path seedDir = tmp.resolve("seed-1");
		FolderCopy.copy(RECORDS.resolve(ExperimentRunner.TEACHERS_DIR).resolve("seed-1"), seedDir.resolve(ExperimentDesign.TEACHER));
		int checked = 0;
		for (ExperimentDesign.Training t : new ExperimentDesign(plan).trainings()) {
			String key = recorded.get(t.name());
			if (key == null) {
				continue;
			}
			TrainingJob job = ExperimentJobs.job(plan, t, 1, pool, seedDir.resolve(t.name()),
				org.modalitykd.train.CaseCacheSettings.defaults());
			assertEquals(key, TrainingSettings.key(TrainingSettings.describe(plan, t, job)), t.name());
			checked++;
		}
		assertTrue(checked >= 18, "the records of seed 1 cover the sweep's trainings: " + checked);
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

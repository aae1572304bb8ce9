/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.io.Modalities;
import org.modalitykd.synth.AnatomyChoice;
import org.modalitykd.synth.CaseGenerator;
import org.modalitykd.synth.Colin27Anatomy;
import org.modalitykd.synth.GeneratorSettings;
import org.modalitykd.synth.HeadMaps;
import org.modalitykd.synth.SyntheticDataset;
import org.modalitykd.synth.TumourSettings;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.LabelledCase;
import org.modalitykd.train.TrainingDataset;

/**
 * The synthetic cases of an experiment, made once in {@code data/} of the work folder: the
 * training pool and the sets the trained networks are scored on, by name ({@code test} or
 * {@code validation}, and {@code shifted} when the plan has a shifted test set). Each
 * set's cases carry its name as their id prefix, which is how the records tell the sets
 * apart.
 */
final class ExperimentCases {

	static final String POOL = "pool";
	/** Name (and case-id prefix) of the shifted test set. */
	static final String SHIFTED = "shifted";

	private final TrainingDataset pool;
	private final Map<String, List<LabelledCase>> evaluation;

	private ExperimentCases(TrainingDataset pool, Map<String, List<LabelledCase>> evaluation) {
		this.pool = pool;
		this.evaluation = evaluation;
	}

	/** Makes what {@code data/} of {@code out} lacks, then loads it. */
	static ExperimentCases make(ExperimentPlan plan, Path out, TaskMonitor monitor, Consumer<String> log)
		throws IOException {
		Path data = out.resolve("data");
		generate(plan, data.resolve(POOL), plan.trainingCases(), plan.dataSeed(), POOL, GeneratorSettings.standard(), monitor,
			log);
		Map<String, List<LabelledCase>> evaluation = new LinkedHashMap<>();
		String name = plan.evaluationName();
		generate(plan, data.resolve(name), plan.testCases(), plan.evaluationSeed(), name, GeneratorSettings.standard(), monitor,
			log);
		evaluation.put(name, TrainingDataset.load(data.resolve(name), plan.caseModalities()).cases());
		if (plan.shiftedTestCases() > 0) {
			generate(plan, data.resolve(SHIFTED), plan.shiftedTestCases(), plan.shiftedSeed(), SHIFTED,
				GeneratorSettings.shifted(), monitor, log);
			evaluation.put(SHIFTED, TrainingDataset.load(data.resolve(SHIFTED), Modalities.BRATS).cases());
		}
		return new ExperimentCases(TrainingDataset.load(data.resolve(POOL), plan.caseModalities()), evaluation);
	}

	TrainingDataset pool() {
		return pool;
	}

	/** The scored sets by name, the plan's own set first. */
	Map<String, List<LabelledCase>> evaluation() {
		return evaluation;
	}

	/** Writes the cases under a temporary name first, so that an interrupted run never leaves half a dataset. */
	private static void generate(ExperimentPlan plan, Path dir, int cases, long seed, String prefix,
		GeneratorSettings settings, TaskMonitor monitor, Consumer<String> log) throws IOException {
		if (Files.isRegularFile(dir.resolve(SyntheticDataset.SUMMARY))) {
			return;
		}
		log.accept(String.format(Locale.ROOT, "generating %d synthetic cases (seed %d) in %s", cases, seed, dir));
		Path temp = dir.resolveSibling(dir.getFileName() + ".part");
		AtomicDirectory.deleteTree(temp);
		var source = AnatomyChoice.parse("auto").resolve(Colin27Anatomy.DEBIAN_TEMPLATES);
		var tissues = source.tissues();
		TumourSettings sizes = settings.tumours();
		// The plan's smallest tumour applies to the standard cases; the shifted set keeps its own wider range.
		GeneratorSettings made = settings.equals(GeneratorSettings.standard())
			? settings.withTumours(new TumourSettings(plan.minTumourMl(), sizes.maxWholeTumourMl(),
				sizes.secondLesionProbability(), sizes.enhancementFreeProbability()))
			: settings;
		List<String> modalities = plan.caseModalities();
		// The CT draws from a stream of its own: asking for it leaves the MRI of a seed as it was.
		HeadMaps head = modalities.contains(Modalities.CT) ? source.head(tissues).atSpacing(plan.spacing()) : null;
		try {
			new SyntheticDataset(new CaseGenerator(tissues.atSpacing(plan.spacing()), head, made, modalities), source.name())
				.write(temp, cases, seed, prefix, (index, total, c, folder, s) -> monitor.stopIfCancelled(
					"while generating " + dir.getFileName() + " (" + (index + 1) + " of " + total + " cases)"));
		} catch (CancellationException e) {
			AtomicDirectory.deleteTree(temp);
			throw e;
		}
		Files.move(temp, dir);
	}
}

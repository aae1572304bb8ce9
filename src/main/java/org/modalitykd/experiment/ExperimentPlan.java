/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.util.List;
import java.util.Locale;

import org.modalitykd.io.Modalities;
import org.modalitykd.train.TrainingJobs;

/**
 * The sizes of an experiment: data, network, training length and seeds.
 *
 * @param kind               the main experiment or the unpaired one (scored on test cases), or the sweep
 *                           (scored on validation cases)
 * @param trainingCases      synthetic cases for training and validation (the pool)
 * @param testCases          synthetic cases never seen in training, made with another seed; the
 *                           main experiment's test set ({@code dataSeed + 1}) or the sweep's
 *                           validation set ({@code dataSeed + 2}), never the same cases
 * @param spacing            isotropic voxel size of the synthetic cases, mm
 * @param minTumourMl        smallest whole tumour generated, mL
 * @param dataSeed           seed of the pool
 * @param seeds              one full repetition of every training per seed
 * @param patch              cubic training patch, voxels
 * @param levels             U-Net levels
 * @param baseFilters        filters of the first level
 * @param batchSize          patches per step (per modality for the unpaired method)
 * @param teacherSteps       optimiser steps of the teacher
 * @param studentSteps       optimiser steps of every single-modality and unpaired network
 * @param learningRate       peak learning rate (poly decay)
 * @param validationFraction share of the pool held out for validation
 * @param studentModalities  the modalities given a baseline, a KD-Net and a ProtoKD student (main),
 *                           or swept (sweep)
 * @param ablationModalities the modalities whose distillation terms are ablated (main only)
 * @param unpairedModalities none, or pairs of modalities for the unpaired comparison, one after the other
 *                           ({@code [a, b]} or {@code [a, b, c, d]}): each pair's first modality from the
 *                           first half of the pool, its second from the other half
 * @param shiftedTestCases   0, or the size of the second test set (main only): cases made with the
 *                           generator's shifted settings ({@code GeneratorSettings.shifted()}: contrasts,
 *                           bias field, noise, deformation and tumour sizes outside the training ranges),
 *                           seed {@code dataSeed + 3}
 */
public record ExperimentPlan(Kind kind, int trainingCases, int testCases, double spacing, double minTumourMl,
	long dataSeed, List<Long> seeds, int patch, int levels, int baseFilters, int batchSize, long teacherSteps,
	long studentSteps, double learningRate, double validationFraction, List<String> studentModalities,
	List<String> ablationModalities, List<String> unpairedModalities, int shiftedTestCases) {

	/** What an experiment is for. */
	public enum Kind {
		/** the reported rows, scored on test cases */
		MAIN,
		/** the settings sweep, scored on validation cases */
		SWEEP,
		/**
		 * Dou et al.'s setting, scored on test cases: per pair of modalities from disjoint
		 * halves of the pool, the joint network, its ablations and each modality alone
		 */
		UNPAIRED
	}

	public ExperimentPlan {
		seeds = List.copyOf(seeds);
		studentModalities = List.copyOf(studentModalities);
		ablationModalities = List.copyOf(ablationModalities);
		unpairedModalities = List.copyOf(unpairedModalities);
		// One seed is allowed: a part of an experiment whose other seeds run elsewhere and are
		// joined with RecordsMerge; its tables alone have no interval over seeds.
		if (seeds.isEmpty()) {
			throw new IllegalArgumentException("the experiment needs at least one seed");
		}
		if (seeds.stream().distinct().count() != seeds.size()) {
			throw new IllegalArgumentException("a seed is named twice: " + seeds);
		}
		if (shiftedTestCases != 0 && (shiftedTestCases < 2 || kind != Kind.MAIN)) {
			throw new IllegalArgumentException("the shifted test set is the main experiment's, of at least two cases; got "
				+ shiftedTestCases);
		}
		if (testCases < 2) {
			throw new IllegalArgumentException("paired intervals need at least two test cases, got " + testCases);
		}
		if (trainingCases < 8) {
			throw new IllegalArgumentException("the pool needs at least 8 cases (two halves for the unpaired method, "
				+ "each with validation cases), got " + trainingCases);
		}
		if (unpairedModalities.size() % 2 != 0) {
			throw new IllegalArgumentException("the unpaired comparison needs pairs of modalities, got " + unpairedModalities);
		}
		for (int i = 0; i < unpairedModalities.size(); i += 2) {
			if (unpairedModalities.get(i).equals(unpairedModalities.get(i + 1))) {
				throw new IllegalArgumentException("the unpaired comparison needs two different modalities, got "
					+ unpairedModalities.subList(i, i + 2));
			}
		}
		if (kind == Kind.UNPAIRED && (unpairedModalities.isEmpty() || !studentModalities.isEmpty())) {
			throw new IllegalArgumentException("the unpaired experiment trains pairs of modalities and no students, got pairs "
				+ unpairedModalities + " and students " + studentModalities);
		}
		if (!studentModalities.containsAll(ablationModalities)) {
			throw new IllegalArgumentException("ablations " + ablationModalities + " need their full methods, trained on "
				+ studentModalities);
		}
		studentModalities.forEach(m -> TrainingJobs.modality(m, "studentModalities"));
		unpairedModalities.forEach(m -> TrainingJobs.modality(m, "unpairedModalities"));
	}

	/**
	 * The reported experiment: 3 mm voxels (a 60 x 72 x 60 head), 32^3 patches, a 3-level
	 * U-Net with 8..32 filters; the teacher trained 2,000 steps, where its validation Dice
	 * levelled off, the students 4,000, the longest run measured, at whose end they were
	 * still improving slowly (docs/results/plateau/); 5 seeds. About 20 trainings of 10
	 * minutes per seed on 2 cores: run it in parts, the committed records make it resume.
	 */
	public static ExperimentPlan full() {
		return new ExperimentPlan(Kind.MAIN, 40, 20, 3, 5, 11, List.of(1L, 2L, 3L, 4L, 5L), 32, 3, 8, 2, 2000, 4000, 2e-3,
			0.2, Modalities.BRATS, List.of("t1ce", "t2"), List.of(), 20);
	}

	/** The sweep: the full plan's sizes on T1ce and T2, 2 seeds, scored on 20 validation cases. */
	public static ExperimentPlan sweep() {
		return new ExperimentPlan(Kind.SWEEP, 40, 20, 3, 5, 11, List.of(1L, 2L), 32, 3, 8, 2, 2000, 2000, 2e-3, 0.2,
			List.of("t1ce", "t2"), List.of(), List.of(), 0);
	}

	/**
	 * Dou et al.'s comparison in its own setting: CT from one half of the subjects with FLAIR
	 * from the other (FLAIR, not T2, because it is the MRI sequence that shows the whole
	 * tumour, oedema included, as the outline a CT hardly shows: the pair where one modality
	 * can teach the other most), and two informative MRI modalities, T2 with FLAIR. The full
	 * plan's data, network and seeds; every network 2,000 steps (an unpaired step costs two
	 * single-modality steps; 4,000 would take about 10 hours per seed on 2 cores), the same for
	 * the joint networks and for the modalities trained alone.
	 */
	public static ExperimentPlan unpaired() {
		return new ExperimentPlan(Kind.UNPAIRED, 40, 20, 3, 5, 11, List.of(1L, 2L, 3L, 4L, 5L), 32, 3, 8, 2, 2000, 2000,
			2e-3, 0.2, List.of(), List.of(), List.of(Modalities.CT, "flair", "t2", "flair"), 0);
	}

	/** The unpaired experiment at toy sizes, on its CT pair. */
	public static ExperimentPlan quickUnpaired() {
		return new ExperimentPlan(Kind.UNPAIRED, 10, 4, 3, 5, 11, List.of(1L, 2L), 32, 3, 4, 2, 30, 15, 2e-3, 0.2,
			List.of(), List.of(), List.of(Modalities.CT, "flair"), 0);
	}

	/** The main design at toy sizes (with the unpaired rows, to keep them tested), in a few minutes. */
	public static ExperimentPlan quick() {
		return new ExperimentPlan(Kind.MAIN, 10, 4, 3, 5, 11, List.of(1L, 2L), 32, 3, 4, 2, 30, 15, 2e-3, 0.2,
			Modalities.BRATS, List.of("t1ce"), List.of("t1", "t2"), 2);
	}

	/** The sweep at toy sizes on one modality. */
	public static ExperimentPlan quickSweep() {
		return new ExperimentPlan(Kind.SWEEP, 10, 4, 3, 5, 11, List.of(1L, 2L), 32, 3, 4, 2, 30, 15, 2e-3, 0.2,
			List.of("t2"), List.of(), List.of(), 0);
	}

	/** Optimiser steps of training {@code t}: the teacher's or every other network's. */
	public long steps(ExperimentDesign.Training t) {
		return t.isTeacher() ? teacherSteps : studentSteps;
	}

	/** The seed of the cases the rows are scored on: test cases for the experiments, validation cases for the sweep. */
	public long evaluationSeed() {
		return dataSeed + (kind == Kind.SWEEP ? 2 : 1);
	}

	/** The seed of the shifted test set. */
	public long shiftedSeed() {
		return dataSeed + 3;
	}

	/** What the rows are scored on, for tables. */
	public String evaluationName() {
		return kind == Kind.SWEEP ? "validation" : "test";
	}

	/** The images every generated case gets: the four MRI modalities, and a CT when a pair needs one. */
	public List<String> caseModalities() {
		if (!unpairedModalities.contains(Modalities.CT)) {
			return Modalities.BRATS;
		}
		List<String> m = new java.util.ArrayList<>(Modalities.BRATS);
		m.add(Modalities.CT);
		return List.copyOf(m);
	}

	public ExperimentPlan withSeeds(List<Long> s) {
		return new ExperimentPlan(kind, trainingCases, testCases, spacing, minTumourMl, dataSeed, s, patch, levels,
			baseFilters, batchSize, teacherSteps, studentSteps, learningRate, validationFraction, studentModalities,
			ablationModalities, unpairedModalities, shiftedTestCases);
	}

	public ExperimentPlan withSteps(long teacher, long student) {
		return new ExperimentPlan(kind, trainingCases, testCases, spacing, minTumourMl, dataSeed, seeds, patch, levels,
			baseFilters, batchSize, teacher, student, learningRate, validationFraction, studentModalities,
			ablationModalities, unpairedModalities, shiftedTestCases);
	}

	public ExperimentPlan withCases(int training, int test) {
		return new ExperimentPlan(kind, training, test, spacing, minTumourMl, dataSeed, seeds, patch, levels, baseFilters,
			batchSize, teacherSteps, studentSteps, learningRate, validationFraction, studentModalities, ablationModalities,
			unpairedModalities, shiftedTestCases);
	}

	/**
	 * One line for logs and reports. Everything that changes a result is in it except the
	 * seeds, so that an experiment can grow by seeds and keep its records.
	 */
	public String describe() {
		return String.format(Locale.ROOT, "%s: %d pool + %d %s synthetic cases at %.3g mm (data seed %d); "
			+ "%d-level U-Net, %d..%d filters; %d^3 patches, batch %d; teacher %d steps, others %d steps; lr %.3g (poly); "
			+ "modalities %s; ablations %s; unpaired %s", kind.name().toLowerCase(Locale.ROOT), trainingCases, testCases,
			evaluationName(), spacing, dataSeed, levels, baseFilters, baseFilters << (levels - 1), patch, batchSize,
			teacherSteps, studentSteps, learningRate, studentModalities, ablationModalities, unpairedModalities, shiftedTestCases);
	}
}

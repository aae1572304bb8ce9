package org.modalitykd.experiment;

import java.util.List;
import java.util.Locale;

import org.modalitykd.io.Modalities;
import org.modalitykd.train.TrainingJobs;

/**
 * The sizes of the seed experiment: data, network, training length and seeds.
 *
 * @param trainingCases      synthetic cases for training and validation (the pool)
 * @param testCases          synthetic cases never seen in training, made with another seed
 * @param spacing            isotropic voxel size of the synthetic cases, mm
 * @param minTumourMl        smallest whole tumour generated, mL
 * @param dataSeed           seed of the pool (the test set uses {@code dataSeed + 1})
 * @param seeds              one full repetition of every training per seed
 * @param patch              cubic training patch, voxels
 * @param levels             U-Net levels
 * @param baseFilters        filters of the first level
 * @param batchSize          patches per step (per modality for the unpaired method)
 * @param teacherSteps       optimiser steps of the teacher
 * @param studentSteps       optimiser steps of every single-modality and unpaired network
 * @param learningRate       peak learning rate (poly decay)
 * @param validationFraction share of the pool held out for validation
 * @param studentModalities  the modalities given a baseline, a KD-Net and a ProtoKD student
 * @param unpairedModalities the two modalities of the unpaired comparison (disjoint halves of the pool)
 */
public record ExperimentPlan(int trainingCases, int testCases, double spacing, double minTumourMl, long dataSeed,
	List<Long> seeds, int patch, int levels, int baseFilters, int batchSize, long teacherSteps, long studentSteps,
	double learningRate, double validationFraction, List<String> studentModalities, List<String> unpairedModalities) {

	public ExperimentPlan {
		seeds = List.copyOf(seeds);
		studentModalities = List.copyOf(studentModalities);
		unpairedModalities = List.copyOf(unpairedModalities);
		if (seeds.size() < 2) {
			throw new IllegalArgumentException("the experiment needs at least two seeds for a spread, got " + seeds.size());
		}
		if (testCases < 2) {
			throw new IllegalArgumentException("paired intervals need at least two test cases, got " + testCases);
		}
		if (trainingCases < 8) {
			throw new IllegalArgumentException("the pool needs at least 8 cases (two halves for the unpaired method, "
				+ "each with validation cases), got " + trainingCases);
		}
		if (unpairedModalities.size() != 2 || unpairedModalities.get(0).equals(unpairedModalities.get(1))) {
			throw new IllegalArgumentException("the unpaired comparison needs two different modalities, got " + unpairedModalities);
		}
		studentModalities.forEach(m -> TrainingJobs.modality(m, "studentModalities"));
		unpairedModalities.forEach(m -> TrainingJobs.modality(m, "unpairedModalities"));
	}

	/**
	 * The reported experiment, sized to finish within 90 minutes on a 2-core machine:
	 * 3 mm voxels (a 60 x 72 x 60 head), 32^3 patches, a 3-level U-Net with 8..32 filters.
	 */
	public static ExperimentPlan full() {
		return new ExperimentPlan(40, 20, 3, 5, 11, List.of(1L, 2L, 3L), 32, 3, 8, 2, 1000, 500, 2e-3, 0.2,
			Modalities.BRATS, List.of("t1", "t2"));
	}

	/** The same design at toy sizes, to check the whole pipeline in a few minutes. */
	public static ExperimentPlan quick() {
		return new ExperimentPlan(10, 4, 3, 5, 11, List.of(1L, 2L), 32, 3, 4, 2, 30, 15, 2e-3, 0.2,
			Modalities.BRATS, List.of("t1", "t2"));
	}

	public ExperimentPlan withSeeds(List<Long> s) {
		return new ExperimentPlan(trainingCases, testCases, spacing, minTumourMl, dataSeed, s, patch, levels, baseFilters,
			batchSize, teacherSteps, studentSteps, learningRate, validationFraction, studentModalities, unpairedModalities);
	}

	public ExperimentPlan withSteps(long teacher, long student) {
		return new ExperimentPlan(trainingCases, testCases, spacing, minTumourMl, dataSeed, seeds, patch, levels, baseFilters,
			batchSize, teacher, student, learningRate, validationFraction, studentModalities, unpairedModalities);
	}

	public ExperimentPlan withCases(int training, int test) {
		return new ExperimentPlan(training, test, spacing, minTumourMl, dataSeed, seeds, patch, levels, baseFilters, batchSize,
			teacherSteps, studentSteps, learningRate, validationFraction, studentModalities, unpairedModalities);
	}

	/** One line for logs and reports. */
	public String describe() {
		return String.format(Locale.ROOT, "%d pool + %d test synthetic cases at %.3g mm (data seed %d); seeds %s; "
			+ "%d-level U-Net, %d..%d filters; %d^3 patches, batch %d; teacher %d steps, others %d steps; lr %.3g (poly)",
			trainingCases, testCases, spacing, dataSeed, seeds, levels, baseFilters, baseFilters << (levels - 1), patch,
			batchSize, teacherSteps, studentSteps, learningRate);
	}
}

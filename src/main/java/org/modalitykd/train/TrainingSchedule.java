/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Arrays;
import java.util.Locale;

import org.modalitykd.data.AugmentationLevel;

/**
 * How long and on what a run trains.
 *
 * @param steps              optimiser steps in total
 * @param batchSize          patches per step (per modality for unpaired training)
 * @param patchSize          {x, y, z} voxels; also the inference window of the bundle
 * @param learningRate       peak learning rate
 * @param lrSchedule         {@code poly} (nnU-Net), {@code cosine} or {@code constant}
 * @param validationFraction share of the cases held out for validation, in [0, 1)
 * @param validationInterval validate every this many steps (and after the last)
 * @param checkpointInterval write a checkpoint every this many steps (and at the end)
 * @param seed               seed of the split, the network's initialisation and the batches
 * @param tumourShare        share of each batch's patches forced to contain tumour
 * @param augmentation       how the training patches are augmented
 */
public record TrainingSchedule(long steps, int batchSize, int[] patchSize, double learningRate, String lrSchedule,
	double validationFraction, int validationInterval, int checkpointInterval, long seed, double tumourShare,
	AugmentationLevel augmentation) {

	public static final int DEFAULT_PATCH = 96;

	public TrainingSchedule {
		require(steps >= 1, "the number of steps must be at least 1, got " + steps);
		require(batchSize >= 1, "the batch size must be at least 1, got " + batchSize);
		require(patchSize.length == 3 && Arrays.stream(patchSize).allMatch(p -> p >= 1),
			"the patch size needs three positive numbers, got " + Arrays.toString(patchSize));
		require(learningRate > 0 && Double.isFinite(learningRate), "the learning rate must be positive, got " + learningRate);
		require(validationFraction >= 0 && validationFraction < 1,
			"the validation fraction must be in [0, 1), got " + validationFraction);
		require(validationInterval >= 1 && checkpointInterval >= 1, "validation and checkpoint intervals must be at least 1");
		require(tumourShare >= 0 && tumourShare <= 1, "the tumour share must be in [0, 1], got " + tumourShare);
		lrSchedule = lrSchedule.toLowerCase(Locale.ROOT);
		require(lrSchedule.equals("poly") || lrSchedule.equals("cosine") || lrSchedule.equals("constant"),
			"unknown learning-rate schedule '" + lrSchedule + "'; expected poly, cosine or constant");
		require(augmentation != null, "the augmentation level is missing");
		patchSize = patchSize.clone();
	}

	/** With the default ({@code light}) augmentation. */
	public TrainingSchedule(long steps, int batchSize, int[] patchSize, double learningRate, String lrSchedule,
		double validationFraction, int validationInterval, int checkpointInterval, long seed, double tumourShare) {
		this(steps, batchSize, patchSize, learningRate, lrSchedule, validationFraction, validationInterval,
			checkpointInterval, seed, tumourShare, AugmentationLevel.defaultLevel());
	}

	/** 1000 steps, batch 2, 96^3 patches, lr 1e-3 with poly decay, 20 % validation every 100 steps, seed 1, 1/3 tumour. */
	public static TrainingSchedule defaults() {
		return new TrainingSchedule(1000, 2, new int[] { DEFAULT_PATCH, DEFAULT_PATCH, DEFAULT_PATCH }, 1e-3, "poly", 0.2,
			100, 100, 1, 1.0 / 3);
	}

	@Override
	public int[] patchSize() {
		return patchSize.clone();
	}

	public LearningRateSchedule learningRates() {
		return switch (lrSchedule) {
			case "poly" -> LearningRateSchedule.poly(learningRate, steps);
			case "cosine" -> LearningRateSchedule.cosine(learningRate, steps, 0);
			default -> LearningRateSchedule.constant(learningRate);
		};
	}

	/** Steps for a number of epochs: an epoch shows each training case once on average (cases / batch, rounded up). */
	public static long stepsForEpochs(int epochs, int trainingCases, int batchSize) {
		require(epochs >= 1, "the number of epochs must be at least 1, got " + epochs);
		return (long) epochs * Math.max(1, (trainingCases + batchSize - 1) / batchSize);
	}

	public TrainingSchedule withSteps(long n) {
		return new TrainingSchedule(n, batchSize, patchSize, learningRate, lrSchedule, validationFraction,
			validationInterval, checkpointInterval, seed, tumourShare, augmentation);
	}

	private static void require(boolean ok, String message) {
		if (!ok) {
			throw new IllegalArgumentException(message);
		}
	}
}

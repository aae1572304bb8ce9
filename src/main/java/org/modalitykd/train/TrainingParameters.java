/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Arrays;

import org.modalitykd.data.AugmentationLevel;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.Upsampling;

/**
 * The hyperparameters every kind of training run shares, as a front end (CLI options,
 * a Fiji dialog, a script) sets them: the schedule, the network size and the
 * segmentation loss weights. Immutable; {@link #defaults()} are the CLI's defaults and
 * the {@code with...} methods read well from Jython:
 * {@code TrainingParameters.defaults().withSteps(200).withPatchSize(64)}.
 *
 * @param steps              optimiser steps (ignored when {@code epochs} is positive)
 * @param epochs             0, or the length in epochs (training cases / batch size steps each)
 * @param batchSize          patches per step (per modality for unpaired training)
 * @param patchSize          {x, y, z} voxels, a multiple of 2^(levels-1) on every axis
 * @param learningRate       peak learning rate
 * @param lrSchedule         poly, cosine or constant
 * @param weightDecay        AdamW decoupled weight decay
 * @param diceWeight         weight of the soft Dice loss
 * @param crossEntropyWeight weight of the cross-entropy
 * @param validationFraction share of the cases held out for validation, in [0, 1)
 * @param validationInterval validate every this many steps (and after the last)
 * @param checkpointInterval write a checkpoint every this many steps (and at the end)
 * @param tumourShare        share of patches forced to contain tumour
 * @param seed               seed of the split, the initial weights and the batches
 * @param levels             U-Net resolution levels (a distilled student copies its teacher's)
 * @param baseFilters        filters of the first level (a distilled student copies its teacher's)
 * @param segmentationLoss   which Dice + cross-entropy ({@link TrainingOption#SEG_LOSS}; default or official)
 * @param augmentation       augmentation level of the training patches ({@code light}, the
 *                           default, or {@code nnunet}; docs/training.md)
 * @param upsampling         how the decoder upsamples ({@link TrainingOption#UPSAMPLING}), or null
 *                           for the default: transposed, and a distilled student its teacher's
 * @param normalization      the network's normalisation ({@link TrainingOption#NORMALIZATION}), or
 *                           null for the method's default: instance (a distilled student its
 *                           teacher's), per-modality batch norm for unpaired training
 * @param cache              where the prepared training cases are kept and how many MB of them
 *                           stay in memory ({@link CaseCacheSettings}); null for the defaults.
 *                           It never changes what is trained.
 */
public record TrainingParameters(long steps, int epochs, int batchSize, int[] patchSize, double learningRate,
	String lrSchedule, double weightDecay, double diceWeight, double crossEntropyWeight, double validationFraction,
	int validationInterval, int checkpointInterval, double tumourShare, long seed, int levels, int baseFilters,
	SegmentationLossForm segmentationLoss, AugmentationLevel augmentation, Upsampling upsampling,
	NetworkNormalization normalization, CaseCacheSettings cache) {

	/** The default case cache. */
	public TrainingParameters(long steps, int epochs, int batchSize, int[] patchSize, double learningRate,
		String lrSchedule, double weightDecay, double diceWeight, double crossEntropyWeight, double validationFraction,
		int validationInterval, int checkpointInterval, double tumourShare, long seed, int levels, int baseFilters,
		SegmentationLossForm segmentationLoss, AugmentationLevel augmentation, Upsampling upsampling,
		NetworkNormalization normalization) {
		this(steps, epochs, batchSize, patchSize, learningRate, lrSchedule, weightDecay, diceWeight, crossEntropyWeight,
			validationFraction, validationInterval, checkpointInterval, tumourShare, seed, levels, baseFilters,
			segmentationLoss, augmentation, upsampling, normalization, null);
	}

	/** The method's default normalisation ({@link NetworkNormalization}) and the default case cache. */
	public TrainingParameters(long steps, int epochs, int batchSize, int[] patchSize, double learningRate,
		String lrSchedule, double weightDecay, double diceWeight, double crossEntropyWeight, double validationFraction,
		int validationInterval, int checkpointInterval, double tumourShare, long seed, int levels, int baseFilters,
		SegmentationLossForm segmentationLoss, AugmentationLevel augmentation, Upsampling upsampling) {
		this(steps, epochs, batchSize, patchSize, learningRate, lrSchedule, weightDecay, diceWeight, crossEntropyWeight,
			validationFraction, validationInterval, checkpointInterval, tumourShare, seed, levels, baseFilters,
			segmentationLoss, augmentation, upsampling, null);
	}

	/** The default upsampling (transposed; a distilled student its teacher's). */
	public TrainingParameters(long steps, int epochs, int batchSize, int[] patchSize, double learningRate,
		String lrSchedule, double weightDecay, double diceWeight, double crossEntropyWeight, double validationFraction,
		int validationInterval, int checkpointInterval, double tumourShare, long seed, int levels, int baseFilters,
		SegmentationLossForm segmentationLoss, AugmentationLevel augmentation) {
		this(steps, epochs, batchSize, patchSize, learningRate, lrSchedule, weightDecay, diceWeight, crossEntropyWeight,
			validationFraction, validationInterval, checkpointInterval, tumourShare, seed, levels, baseFilters,
			segmentationLoss, augmentation, null);
	}

	/** The default segmentation loss, augmentation and upsampling. */
	public TrainingParameters(long steps, int epochs, int batchSize, int[] patchSize, double learningRate,
		String lrSchedule, double weightDecay, double diceWeight, double crossEntropyWeight, double validationFraction,
		int validationInterval, int checkpointInterval, double tumourShare, long seed, int levels, int baseFilters) {
		this(steps, epochs, batchSize, patchSize, learningRate, lrSchedule, weightDecay, diceWeight, crossEntropyWeight,
			validationFraction, validationInterval, checkpointInterval, tumourShare, seed, levels, baseFilters,
			SegmentationLossForm.DEFAULT, AugmentationLevel.defaultLevel());
	}

	/**
	 * The augmentation level named {@code value} ({@code light} or {@code nnunet}).
	 *
	 * @throws InvalidOptionException naming the augmentation option
	 */
	public static AugmentationLevel augmentationLevel(String value) {
		try {
			return AugmentationLevel.parse(value);
		} catch (IllegalArgumentException e) {
			throw new InvalidOptionException(TrainingOption.AUGMENTATION, e.getMessage());
		}
	}

	/**
	 * The upsampling named {@code value}: {@code transposed} or {@code resize}; null for
	 * {@code auto} or null (the default: transposed, a distilled student its teacher's).
	 *
	 * @throws InvalidOptionException naming the upsampling option
	 */
	public static Upsampling upsampling(String value) {
		if (value == null || value.trim().equalsIgnoreCase(AUTO_UPSAMPLING)) {
			return null;
		}
		try {
			return Upsampling.parse(value);
		} catch (IllegalArgumentException e) {
			throw new InvalidOptionException(TrainingOption.UPSAMPLING, e.getMessage() + " (or " + AUTO_UPSAMPLING
				+ ": transposed, a distilled student its teacher's)");
		}
	}

	/** The value of the upsampling option that leaves the choice to the default. */
	public static final String AUTO_UPSAMPLING = "auto";

	public TrainingParameters {
		if (segmentationLoss == null) {
			throw new InvalidOptionException(TrainingOption.SEG_LOSS, "choose default or official");
		}
		if (augmentation == null) {
			throw new InvalidOptionException(TrainingOption.AUGMENTATION, "give an augmentation level: "
				+ String.join(" or ", java.util.Arrays.stream(AugmentationLevel.values()).map(AugmentationLevel::key).toList()));
		}
		if (patchSize == null || patchSize.length != 3) {
			throw new IllegalArgumentException("the patch size needs one number or three (X,Y,Z), got "
				+ (patchSize == null ? "none" : Arrays.toString(patchSize)));
		}
		if (epochs < 0) {
			throw new IllegalArgumentException("the number of epochs must be at least 1, got " + epochs);
		}
		patchSize = patchSize.clone();
		if (cache == null) {
			cache = CaseCacheSettings.defaults();
		}
	}

	/** 1000 steps, batch 2, 96^3 patches, lr 1e-3 poly, 20 % validation every 100 steps, 4 levels of 16 filters, seed 1. */
	public static TrainingParameters defaults() {
		TrainingSchedule s = TrainingSchedule.defaults();
		return new TrainingParameters(s.steps(), 0, s.batchSize(), s.patchSize(), s.learningRate(), s.lrSchedule(),
			OptimizerSettings.defaults().weightDecay(), 1, 1, s.validationFraction(), s.validationInterval(),
			s.checkpointInterval(), 0.333, s.seed(), 4, 16);
	}

	@Override
	public int[] patchSize() {
		return patchSize.clone();
	}

	/**
	 * Throws what is wrong with these parameters before any file is read: schedule,
	 * network size, loss weights, and a patch size that does not fit the levels.
	 */
	public TrainingParameters check() {
		schedule(1);
		objective(TrainingMethod.SUPERVISED);
		int multiple = network(1).sizeMultiple();
		for (int p : patchSize) {
			if (p % multiple != 0) {
				throw new IllegalArgumentException("the patch size must be a multiple of " + multiple
					+ " (2^(levels-1)) on every axis, got " + Arrays.toString(patchSize));
			}
		}
		return this;
	}

	/** The schedule for a dataset with {@code trainingCases} training cases (epochs need it). */
	public TrainingSchedule schedule(int trainingCases) {
		long n = epochs > 0 ? TrainingSchedule.stepsForEpochs(epochs, trainingCases, batchSize) : steps;
		return new TrainingSchedule(n, batchSize, patchSize, learningRate, lrSchedule, validationFraction,
			validationInterval, checkpointInterval, seed, tumourShare, augmentation);
	}

	/** A method's default objective with these segmentation weights and this weight decay. */
	public Objective objective(TrainingMethod method) {
		return Objective.defaults(method).withSegmentationWeights(diceWeight, crossEntropyWeight)
			.withSegmentationLoss(segmentationLoss).withOptimizer(OptimizerSettings.defaults().withWeightDecay(weightDecay));
	}

	/** The default U-Net (4 classes) with these levels, filters, upsampling and seed. */
	public UNetConfig network(int inputChannels) {
		UNetConfig c = UNetConfig.defaults(inputChannels, 4).withLevels(levels).withBaseFilters(baseFilters).withSeed(seed);
		return upsampling == null ? c : c.withUpsampling(upsampling);
	}

	public TrainingParameters withSteps(long n) {
		return with(c -> {
			c.steps = n;
			c.epochs = 0;
		});
	}

	/** The learning-rate decay: poly, cosine or constant (checked with the schedule). */
	public TrainingParameters withLearningRateSchedule(String schedule) {
		return with(c -> c.lrSchedule = schedule);
	}

	/** AdamW's decoupled weight decay. */
	public TrainingParameters withWeightDecay(double decay) {
		return with(c -> c.weightDecay = decay);
	}

	/** The weights of the soft Dice loss and of the cross-entropy. */
	public TrainingParameters withSegmentationWeights(double dice, double crossEntropy) {
		return with(c -> {
			c.diceWeight = dice;
			c.crossEntropyWeight = crossEntropy;
		});
	}

	/** The share of each batch's patches forced to contain tumour, in [0, 1]. */
	public TrainingParameters withTumourShare(double share) {
		return with(c -> c.tumourShare = share);
	}

	public TrainingParameters withBatchSize(int n) {
		return with(c -> c.batchSize = n);
	}

	/** A cube of {@code n} voxels. */
	public TrainingParameters withPatchSize(int n) {
		return withPatchSize(new int[] { n, n, n });
	}

	public TrainingParameters withPatchSize(int[] xyz) {
		return with(c -> c.patchSize = xyz);
	}

	public TrainingParameters withLearningRate(double lr) {
		return with(c -> c.learningRate = lr);
	}

	/** Levels and base filters of the network. */
	public TrainingParameters withNetwork(int nLevels, int nBaseFilters) {
		return with(c -> {
			c.levels = nLevels;
			c.baseFilters = nBaseFilters;
		});
	}

	public TrainingParameters withSeed(long s) {
		return with(c -> c.seed = s);
	}

	/** Share of cases held out and how often (in steps) they are segmented and scored. */
	public TrainingParameters withValidation(double fraction, int interval) {
		return with(c -> {
			c.validationFraction = fraction;
			c.validationInterval = interval;
		});
	}

	public TrainingParameters withCheckpointInterval(int n) {
		return with(c -> c.checkpointInterval = n);
	}

	/** The segmentation loss: {@code default} or {@code official} ({@link SegmentationLossForm}). */
	public TrainingParameters withSegmentationLoss(SegmentationLossForm f) {
		return with(c -> c.segmentationLoss = f);
	}

	/** The same from its option value; an {@link InvalidOptionException} naming seg_loss for another. */
	public TrainingParameters withSegmentationLoss(String value) {
		return withSegmentationLoss(SegmentationLossForm.parse(value));
	}

	public TrainingParameters withAugmentation(AugmentationLevel level) {
		return with(c -> c.augmentation = level);
	}

	/**
	 * The augmentation level by name, {@code light} or {@code nnunet}, as scripts give it.
	 *
	 * @throws InvalidOptionException naming the augmentation option
	 */
	public TrainingParameters withAugmentation(String level) {
		return withAugmentation(augmentationLevel(level));
	}

	/**
	 * How the decoder upsamples; null for the default (transposed, a distilled student
	 * its teacher's).
	 */
	public TrainingParameters withUpsampling(Upsampling u) {
		return with(c -> c.upsampling = u);
	}

	/**
	 * The upsampling by name, {@code transposed}, {@code resize} or {@code auto}, as
	 * scripts give it.
	 *
	 * @throws InvalidOptionException naming the upsampling option
	 */
	public TrainingParameters withUpsampling(String value) {
		return withUpsampling(upsampling(value));
	}

	/**
	 * The network's normalisation; null for the method's default (instance, a distilled
	 * student its teacher's, per-modality batch norm for unpaired training).
	 */
	public TrainingParameters withNormalization(NetworkNormalization n) {
		return with(c -> c.normalization = n);
	}

	/**
	 * The normalisation by name ({@code instance}, {@code batch}, {@code modality-batch},
	 * {@code modality-instance} or {@code auto}), as scripts give it.
	 *
	 * @throws InvalidOptionException naming the normalization option
	 */
	public TrainingParameters withNormalization(String value) {
		return withNormalization(NetworkNormalization.parse(value));
	}

	/** MB (MiB) of prepared training cases held in memory ({@link CaseCacheSettings}); 0 holds none. */
	public TrainingParameters withCacheMb(long mb) {
		return withCache(new CaseCacheSettings(mb, cache.preparedDir()));
	}

	/** The folder of prepared training cases; null for {@code prepared/} in the run's {@code <out>.training}. */
	public TrainingParameters withPreparedDir(java.nio.file.Path dir) {
		return withCache(new CaseCacheSettings(cache.cacheMb(), dir));
	}

	public TrainingParameters withCache(CaseCacheSettings c) {
		return with(copy -> copy.cache = c);
	}

	/** MB of prepared training cases held in memory. */
	public long cacheMb() {
		return cache.cacheMb();
	}

	/** These parameters with the fields that {@code change} sets, checked as any new ones. */
	private TrainingParameters with(java.util.function.Consumer<Copy> change) {
		Copy c = new Copy(this);
		change.accept(c);
		return c.build();
	}

	/** The fields of a TrainingParameters, to change some of before {@link #build()} checks them all. */
	private static final class Copy {

		long steps, seed;
		int epochs, batchSize, validationInterval, checkpointInterval, levels, baseFilters;
		int[] patchSize;
		double learningRate, weightDecay, diceWeight, crossEntropyWeight, validationFraction, tumourShare;
		String lrSchedule;
		SegmentationLossForm segmentationLoss;
		AugmentationLevel augmentation;
		Upsampling upsampling;
		NetworkNormalization normalization;
		CaseCacheSettings cache;

		Copy(TrainingParameters p) {
			steps = p.steps;
			epochs = p.epochs;
			batchSize = p.batchSize;
			patchSize = p.patchSize;
			learningRate = p.learningRate;
			lrSchedule = p.lrSchedule;
			weightDecay = p.weightDecay;
			diceWeight = p.diceWeight;
			crossEntropyWeight = p.crossEntropyWeight;
			validationFraction = p.validationFraction;
			validationInterval = p.validationInterval;
			checkpointInterval = p.checkpointInterval;
			tumourShare = p.tumourShare;
			seed = p.seed;
			levels = p.levels;
			baseFilters = p.baseFilters;
			segmentationLoss = p.segmentationLoss;
			augmentation = p.augmentation;
			upsampling = p.upsampling;
			normalization = p.normalization;
			cache = p.cache;
		}

		TrainingParameters build() {
			return new TrainingParameters(steps, epochs, batchSize, patchSize, learningRate, lrSchedule, weightDecay, diceWeight, crossEntropyWeight, validationFraction, validationInterval, checkpointInterval, tumourShare, seed, levels, baseFilters, segmentationLoss, augmentation, upsampling, normalization, cache);
		}
	}
}

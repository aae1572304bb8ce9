/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.util.Arrays;

import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.SegmentationLossForm;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every training command shares (a picocli mixin). */
final class TrainingOptions {

	static final class Length {
		@Option(names = "--steps", description = "Optimiser steps (default: 1000).")
		Long steps;

		@Option(names = "--epochs", description = "Epochs instead of steps; an epoch is (training cases / batch size) steps, rounded up.")
		Integer epochs;
	}

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	Length length;

	@Option(names = "--batch-size", defaultValue = "2", description = "Patches per step (per modality for train-unpaired; default: ${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--patch-size", defaultValue = "96", split = ",", paramLabel = "N|X,Y,Z",
		description = "Patch size in voxels, one number for a cube (default: ${DEFAULT-VALUE}); a multiple of 2^(levels-1).")
	int[] patchSize;

	@Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
	double lr;

	@Option(names = "--lr-schedule", defaultValue = "poly", paramLabel = "poly|cosine|constant",
		description = "Learning-rate decay (default: ${DEFAULT-VALUE}).")
	String lrSchedule;

	@Option(names = "--weight-decay", defaultValue = "1e-5", description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
	double weightDecay;

	@Option(names = "--dice-weight", defaultValue = "1", description = "Weight of the soft Dice loss (default: ${DEFAULT-VALUE}).")
	double diceWeight;

	@Option(names = "--ce-weight", defaultValue = "1", description = "Weight of the cross-entropy (default: ${DEFAULT-VALUE}).")
	double ceWeight;

	@Option(names = "--seg-loss", defaultValue = "default", paramLabel = "default|official",
		description = "Segmentation loss: default = cross-entropy + foreground soft Dice; official = ProtoKD's code: "
			+ "cross-entropy weighted per class by 1 - its share of the batch + soft Dice over all classes "
			+ "(default: ${DEFAULT-VALUE}).")
	String segLoss;

	@Option(names = "--validation-fraction", defaultValue = "0.2", description = "Share of the cases held out for validation, 0 to <1 (default: ${DEFAULT-VALUE}).")
	double validationFraction;

	@Option(names = "--validation-interval", defaultValue = "100", description = "Validate (sliding window, Dice WT/TC/ET) every N steps and after the last (default: ${DEFAULT-VALUE}).")
	int validationInterval;

	@Option(names = "--checkpoint-interval", defaultValue = "100", description = "Write a checkpoint every N steps and at the end (default: ${DEFAULT-VALUE}).")
	int checkpointInterval;

	@Option(names = "--tumour-share", defaultValue = "0.333", description = "Share of patches forced to contain tumour (default: ${DEFAULT-VALUE}).")
	double tumourShare;

	@Option(names = "--augmentation", defaultValue = "light", paramLabel = "light|nnunet",
		description = "Augmentation of the training patches: light (mirroring, quarter turns, scale/shift and gamma) or "
			+ "nnunet (mirroring, quarter turns, nnU-Net's noise, blur, brightness, contrast, low resolution and gammas, "
			+ "and a bias field; docs/training.md) (default: ${DEFAULT-VALUE}).")
	String augmentation;

	@Option(names = "--seed", defaultValue = "1", description = "Seed of the split, the initial weights and the batches (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--resume", description = "Continue the run whose checkpoint is in OUT.training/ (same data, seed and settings).")
	boolean resume;

	@Option(names = "--overwrite", description = "Start afresh over an existing bundle OUT and its checkpoint (without it, "
		+ "or --resume, an existing one is refused).")
	boolean overwrite;

	@Option(names = "--levels", defaultValue = "4", description = "U-Net resolution levels, 3 to 5 (default: ${DEFAULT-VALUE}; a student copies its teacher's).")
	int levels;

	@Option(names = "--base-filters", defaultValue = "16", description = "Filters of the first level, doubling per level (default: ${DEFAULT-VALUE}; a student copies its teacher's).")
	int baseFilters;

	@Option(names = "--upsampling", paramLabel = "transposed|resize",
		description = "How the decoder doubles the resolution: transposed (2x2x2 transposed convolution, stride 2) or "
			+ "resize (nearest-neighbour doubling, then a 3x3x3 convolution: no checkerboard pattern; docs/net-engine.md) "
			+ "(default: transposed; a distilled student copies its teacher's unless this is given).")
	String upsampling;

	@Option(names = "--cache-mb", defaultValue = "1024", paramLabel = "MB",
		description = "MB of prepared training cases held in memory, the least recently used leaving first; 0 holds none "
			+ "(default: ${DEFAULT-VALUE}). It changes memory and speed, never what is trained (docs/training.md).")
	long cacheMb;

	@Option(names = "--prepared-dir", paramLabel = "DIR",
		description = "Where the training cases are kept prepared (cropped, normalised raw arrays; docs/training.md); "
			+ "give one folder to several runs on the same data to prepare it once (default: OUT.training/prepared).")
	java.nio.file.Path preparedDir;

	@Option(names = "--log-every", defaultValue = "10", description = "Print the loss terms every N steps (default: ${DEFAULT-VALUE}).")
	int logEvery;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto", description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--threads", defaultValue = "0", description = "Threads per TensorFlow op (0: TensorFlow chooses).")
	int threads;

	/** Refuses, before any data is read, an output that the run may not write (see TrainingRun.checkOutput). */
	void checkOutput(java.nio.file.Path out) throws java.io.IOException {
		org.modalitykd.train.TrainingRun.checkOutput(out, resume, overwrite, "--resume", "--overwrite");
	}

	SessionOptions sessionOptions() {
		try {
			return new SessionOptions(Device.parse(device), threads, 0);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	int[] patch() {
		if (patchSize.length == 1) {
			return new int[] { patchSize[0], patchSize[0], patchSize[0] };
		}
		if (patchSize.length != 3) {
			throw new UsageException("--patch-size needs one number or three (X,Y,Z), got " + Arrays.toString(patchSize));
		}
		return patchSize.clone();
	}

	/**
	 * The options as the core's parameters, checked (with the patch size against
	 * {@code --levels} when {@code ownNetwork}; a distilled student copies its teacher's
	 * levels): a bad value is a usage error before any file is read.
	 */
	TrainingParameters parameters(boolean ownNetwork) {
		try {
			if (logEvery < 1) {
				throw new IllegalArgumentException("--log-every must be at least 1");
			}
			long steps = length == null || length.steps == null ? TrainingParameters.defaults().steps() : length.steps;
			int epochs = length == null || length.epochs == null ? 0 : length.epochs;
			if (length != null && length.epochs != null && epochs < 1) {
				throw new IllegalArgumentException("the number of epochs must be at least 1, got " + epochs);
			}
			TrainingParameters p = new TrainingParameters(steps, epochs, batchSize, patch(), lr, lrSchedule, weightDecay, diceWeight,
				ceWeight, validationFraction, validationInterval, checkpointInterval, tumourShare, seed, levels,
				baseFilters, SegmentationLossForm.parse(segLoss), TrainingParameters.augmentationLevel(augmentation),
				TrainingParameters.upsampling(upsampling), new org.modalitykd.train.CaseCacheSettings(cacheMb, preparedDir));
			p.schedule(1);
			if (ownNetwork) {
				p.check();
			}
			return p;
		} catch (InvalidOptionException e) {
			throw new UsageException(e.spelled(TrainingOption.Spelling.CLI).getMessage());
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}
}

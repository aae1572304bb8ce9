/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.util.Arrays;

import org.modalitykd.net.SessionOptions;
import org.modalitykd.train.CaseCacheSettings;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.NetworkNormalization;
import org.modalitykd.train.SegmentationLossForm;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;

import picocli.CommandLine.Mixin;

/** The options every training command shares (a picocli mixin), in groups that are mixins themselves. */
final class TrainingOptions {

	@Mixin
	TrainingOutput output;

	@Mixin
	ScheduleOptions schedule;

	@Mixin
	SamplingOptions sampling;

	@Mixin
	LossOptions losses;

	@Mixin
	NetworkOptions network;

	@Mixin
	CacheOptions cache;

	@Mixin
	DeviceOptions device;

	/** Refuses, before any data is read, an output that the run may not write (see TrainingRun.checkOutput). */
	void checkOutput() throws IOException {
		output.check();
	}

	SessionOptions sessionOptions() {
		return device.sessionOptions();
	}

	int[] patch() {
		int[] patchSize = sampling.patchSize;
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
			if (output.logEvery < 1) {
				throw new IllegalArgumentException("--log-every must be at least 1");
			}
			ScheduleOptions.Length length = schedule.length;
			long steps = length == null || length.steps == null ? TrainingParameters.defaults().steps() : length.steps;
			int epochs = length == null || length.epochs == null ? 0 : length.epochs;
			if (length != null && length.epochs != null && epochs < 1) {
				throw new IllegalArgumentException("the number of epochs must be at least 1, got " + epochs);
			}
			TrainingParameters p = new TrainingParameters(steps, epochs, sampling.batchSize, patch(), schedule.lr,
				schedule.lrSchedule, schedule.weightDecay, losses.diceWeight, losses.ceWeight, sampling.validationFraction,
				output.validationInterval, output.checkpointInterval, sampling.tumourShare, schedule.seed, network.levels,
				network.baseFilters, SegmentationLossForm.parse(losses.segLoss),
				TrainingParameters.augmentationLevel(sampling.augmentation), TrainingParameters.upsampling(network.upsampling),
				NetworkNormalization.parse(network.normalization),
				new CaseCacheSettings(cache.size.cacheMb, cache.preparedDir));
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

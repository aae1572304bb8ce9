/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.modalitykd.train.TrainingRun;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a training run writes and when: the bundle, validation, checkpoints, the console
 * log, and whether it may continue or replace an earlier run (a mixin of TrainingOptions).
 */
final class TrainingOutput {

	@Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "The model bundle folder to write.")
	Path out;

	@Option(names = "--validation-interval", defaultValue = "100", description = "Validate (sliding window, Dice WT/TC/ET) every N steps and after the last (default: ${DEFAULT-VALUE}).")
	int validationInterval;

	@Option(names = "--checkpoint-interval", defaultValue = "100", description = "Write a checkpoint every N steps and at the end (default: ${DEFAULT-VALUE}).")
	int checkpointInterval;

	@Option(names = "--resume", description = "Continue the run whose checkpoint is in OUT.training/ (same data, seed and "
		+ "settings); without it, or --overwrite (start afresh), an existing bundle OUT or its checkpoint is refused.")
	boolean resume;

	@Mixin
	OverwriteOption overwrite;

	@Option(names = "--log-every", defaultValue = "10", description = "Print the loss terms every N steps (default: ${DEFAULT-VALUE}).")
	int logEvery;

	/** Whether an earlier run's bundle and checkpoint may be replaced (the training starts afresh). */
	boolean overwrite() {
		return overwrite.overwrite;
	}

	/** Refuses, before any data is read, an output that the run may not write (see TrainingRun.checkOutput). */
	void check() throws IOException {
		TrainingRun.checkOutput(out, resume, overwrite(), "--resume", "--overwrite");
	}
}

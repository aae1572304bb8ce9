/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;

import org.modalitykd.train.TrainingJob;

import picocli.CommandLine.Mixin;

/**
 * What the training commands share: the {@link TrainingOptions}, and the order of their
 * work. Every option is checked (the command's own first) and the output is settled
 * before any training data is read; then the job trains on the console.
 */
abstract class TrainingCommand extends ConsoleCommand {

	@Mixin
	TrainingOptions options;

	/** Checks the command's own options: a usage error names the flag. */
	abstract void checkOwnOptions();

	/** The job, once every option is checked: reads the training data (and a teacher). */
	abstract TrainingJob job() throws IOException;

	@Override
	public final Integer call() throws Exception {
		checkOwnOptions();
		options.sessionOptions();
		options.checkOutput();
		return TrainingConsole.run(job(), options, out());
	}
}

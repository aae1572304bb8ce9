/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.app.PreparedTraining;
import org.modalitykd.app.TrainingRequest;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.train.TrainingOption;

import picocli.CommandLine.Mixin;

/**
 * What the training commands share: the {@link TrainingOptions}, and the order of their
 * work. Every option is checked (the command's own first) and the output is settled
 * before any training data is read; then the use-case layer's request is prepared (the
 * data read) and trains on the console.
 */
abstract class TrainingCommand extends ConsoleCommand {

	@Mixin
	TrainingOptions options;

	/** Checks the command's own options: a usage error names the flag. */
	abstract void checkOwnOptions();

	/** The request with the command's own options, once every option is checked; the shared ones are added here. */
	abstract TrainingRequest<?> request();

	@Override
	public final Integer call() throws Exception {
		checkOwnOptions();
		SessionOptions session = options.sessionOptions();
		options.checkOutput();
		TrainingRequest<?> request = request().session(session).output(options.output.out).resume(options.output.resume)
			.overwrite(options.output.overwrite()).spelling(TrainingOption.Spelling.CLI);
		// Reads the training data (and a teacher); a refused option is a usage error naming its flag.
		PreparedTraining training = TrainingCommands.checked(request::prepare);
		return TrainingConsole.run(training, options.output.logEvery, out());
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingJobs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train-teacher --data DIR --out BUNDLE [--modalities t1,t1ce,t2,flair]}. */
@Command(name = "train-teacher", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Train a teacher: a 3D U-Net on several modalities with Dice + cross-entropy.",
		"Writes the bundle OUT (best validation so far) and OUT.training/ (checkpoint, training-log.csv)." })
final class TrainTeacherCommand implements Callable<Integer> {

	@Option(names = "--data", required = true, paramLabel = "DIR", description = "Training cases in the BraTS layout, with labels.")
	Path data;

	@Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "The model bundle folder to write.")
	Path out;

	@Option(names = "--modalities", defaultValue = "t1,t1ce,t2,flair", paramLabel = "M,M,...",
		description = "Input modalities in channel order (default: ${DEFAULT-VALUE}).")
	String modalities;

	@Mixin
	TrainingOptions options;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		List<String> channels = TrainingCommands.modalities(modalities, "--modalities");
		options.sessionOptions();
		options.checkOutput(out);
		TrainingJob job = TrainingCommands.checked(() -> TrainingJobs.teacher(data, channels, options.parameters(true)));
		return TrainingConsole.run(job, out, options, spec.commandLine().getOut());
	}
}

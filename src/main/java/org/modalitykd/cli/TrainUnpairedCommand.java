/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train-unpaired --data-a DIR --modality-a M --data-b DIR --modality-b M --out BUNDLE [--kd-weight 0.5 --tau 2]}. */
@Command(name = "train-unpaired", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Train one network on two unpaired modalities (Dou et al.): shared convolution kernels, "
		+ "per-modality normalisation, Dice + cross-entropy per modality and the symmetric KL between the two "
		+ "modalities' class-wise prediction distributions; both batches in each optimiser step.",
		"Segment with it per modality: segment --model OUT --modality M." })
final class TrainUnpairedCommand implements Callable<Integer> {

	@Option(names = "--data-a", required = true, paramLabel = "DIR", description = "Cases of the first modality, with labels.")
	Path dataA;

	@Option(names = "--modality-a", required = true, paramLabel = "M", description = "The first modality (normalisation slot 0).")
	String modalityA;

	@Option(names = "--data-b", required = true, paramLabel = "DIR", description = "Cases of the second modality, with labels (other subjects are fine).")
	Path dataB;

	@Option(names = "--modality-b", required = true, paramLabel = "M", description = "The second modality (normalisation slot 1).")
	String modalityB;

	@Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "The model bundle folder to write.")
	Path out;

	@Option(names = "--kd-weight", defaultValue = "0.5", description = "Weight of the class-wise KD term (default: ${DEFAULT-VALUE}).")
	double kdWeight;

	@Option(names = "--tau", defaultValue = "2", description = "Softening temperature of the class-wise distributions (default: ${DEFAULT-VALUE}).")
	double tau;

	@Mixin
	TrainingOptions options;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		String a = TrainingCommands.modality(modalityA, "--modality-a");
		String b = TrainingCommands.modality(modalityB, "--modality-b");
		options.sessionOptions();
		options.checkOutput(out);
		TrainingParameters parameters = options.parameters(true);
		TrainingJob job = TrainingCommands.checked(() -> TrainingJobs.unpaired(dataA, a, dataB, b, kdWeight, tau,
			parameters, TrainingOption.Spelling.CLI));
		return TrainingConsole.run(job, out, options, spec.commandLine().getOut());
	}
}

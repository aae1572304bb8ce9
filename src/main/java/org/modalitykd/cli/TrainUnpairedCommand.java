/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.TrainingRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train-unpaired --data-a DIR --modality-a M --data-b DIR --modality-b M --out BUNDLE [--kd-weight 0.5 --tau 2]}. */
@Command(name = "train-unpaired", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Train one network on two unpaired modalities (Dou et al.): shared convolution kernels, "
		+ "per-modality normalisation, Dice + cross-entropy per modality and the symmetric KL between the two "
		+ "modalities' class-wise prediction distributions; both batches in each optimiser step.",
		"Segment with it per modality: segment --model OUT --modality M." })
final class TrainUnpairedCommand extends TrainingCommand {

	@Option(names = "--data-a", required = true, paramLabel = "DIR", description = "Cases of the first modality, with labels.")
	Path dataA;

	@Option(names = "--modality-a", required = true, paramLabel = "M", description = "The first modality (normalisation slot 0).")
	String modalityA;

	@Option(names = "--data-b", required = true, paramLabel = "DIR", description = "Cases of the second modality, with labels (other subjects are fine).")
	Path dataB;

	@Option(names = "--modality-b", required = true, paramLabel = "M", description = "The second modality (normalisation slot 1).")
	String modalityB;

	@Option(names = "--kd-weight", defaultValue = "0.5", description = "Weight of the class-wise KD term (default: ${DEFAULT-VALUE}).")
	double kdWeight;

	@Option(names = "--tau", defaultValue = "2", description = "Softening temperature of the class-wise distributions (default: ${DEFAULT-VALUE}).")
	double tau;

	private String a;
	private String b;

	@Override
	void checkOwnOptions() {
		a = TrainingCommands.modality(modalityA, "--modality-a");
		b = TrainingCommands.modality(modalityB, "--modality-b");
	}

	@Override
	TrainingRequest<?> request() {
		return ModalityKD.trainUnpaired(dataA, a).and(dataB, b).kdWeight(kdWeight).tau(tau)
			.parameters(options.parameters(true));
	}
}

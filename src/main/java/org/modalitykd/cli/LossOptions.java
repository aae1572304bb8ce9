/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.Option;

/** The segmentation loss: its form and the weights of its Dice and cross-entropy terms (a mixin of TrainingOptions). */
final class LossOptions {

	@Option(names = "--dice-weight", defaultValue = "1", description = "Weight of the soft Dice loss (default: ${DEFAULT-VALUE}).")
	double diceWeight;

	@Option(names = "--ce-weight", defaultValue = "1", description = "Weight of the cross-entropy (default: ${DEFAULT-VALUE}).")
	double ceWeight;

	@Option(names = "--seg-loss", defaultValue = "default", paramLabel = "default|official",
		description = "Segmentation loss: default = cross-entropy + foreground soft Dice; official = ProtoKD's code: "
			+ "cross-entropy weighted per class by 1 - its share of the batch + soft Dice over all classes "
			+ "(default: ${DEFAULT-VALUE}).")
	String segLoss;
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.Option;

/** The U-Net's shape: levels, filters, the decoder's upsampling and the normalisation (a mixin of TrainingOptions). */
final class NetworkOptions {

	@Option(names = "--levels", defaultValue = "4", description = "U-Net resolution levels, 3 to 5 (default: ${DEFAULT-VALUE}; a student copies its teacher's).")
	int levels;

	@Option(names = "--base-filters", defaultValue = "16", description = "Filters of the first level, doubling per level (default: ${DEFAULT-VALUE}; a student copies its teacher's).")
	int baseFilters;

	@Option(names = "--upsampling", paramLabel = "transposed|resize",
		description = "How the decoder doubles the resolution: transposed (2x2x2 transposed convolution, stride 2) or "
			+ "resize (nearest-neighbour doubling, then a 3x3x3 convolution: no checkerboard pattern; docs/net-engine.md) "
			+ "(default: transposed; a distilled student copies its teacher's unless this is given).")
	String upsampling;

	@Option(names = "--normalization", defaultValue = "auto",
		paramLabel = "instance|batch|modality-batch|modality-instance|auto",
		description = "The network's normalisation: instance, batch (running statistics at inference), or for "
			+ "train-unpaired modality-batch (batch norm with statistics, scale and shift per modality, as Dou et al.) or "
			+ "modality-instance (default: ${DEFAULT-VALUE}: instance; modality-batch for train-unpaired; a distilled "
			+ "student copies its teacher's unless this is given).")
	String normalization;
}

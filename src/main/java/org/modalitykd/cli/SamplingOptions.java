/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.Option;

/** What each step trains on: patches, batch, tumour share, augmentation and the cases held out (a mixin of TrainingOptions). */
final class SamplingOptions {

	@Option(names = "--batch-size", defaultValue = "2", description = "Patches per step (per modality for train-unpaired; default: ${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--patch-size", defaultValue = "96", split = ",", paramLabel = "N|X,Y,Z",
		description = "Patch size in voxels, one number for a cube (default: ${DEFAULT-VALUE}); a multiple of 2^(levels-1).")
	int[] patchSize;

	@Option(names = "--tumour-share", defaultValue = "0.333", description = "Share of patches forced to contain tumour (default: ${DEFAULT-VALUE}).")
	double tumourShare;

	@Option(names = "--augmentation", defaultValue = "light", paramLabel = "light|nnunet",
		description = "Augmentation of the training patches: light (mirroring, quarter turns, scale/shift and gamma) or "
			+ "nnunet (mirroring, quarter turns, nnU-Net's noise, blur, brightness, contrast, low resolution and gammas, "
			+ "and a bias field; docs/training.md) (default: ${DEFAULT-VALUE}).")
	String augmentation;

	@Option(names = "--validation-fraction", defaultValue = "0.2", description = "Share of the cases held out for validation, 0 to <1 (default: ${DEFAULT-VALUE}).")
	double validationFraction;
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.app.SegmentationOptions;

import picocli.CommandLine.Option;

/** How segment tiles a case: windows per TensorFlow call, the margin that gets no weight, and the box it covers (a mixin of segment). */
final class TilingOptions {

	@Option(names = "--batch", defaultValue = "auto", paramLabel = "N|auto",
		description = "Windows per TensorFlow call (default: ${DEFAULT-VALUE}: as many as half the free memory holds, at most 8).")
	String batch;

	@Option(names = "--margin", defaultValue = "0", description = "Voxels at each shared window face that get no weight "
		+ "(0: plain Gaussian blending; at least the receptive-field radius makes tiling exact for batch-norm networks).")
	int margin;

	@Option(names = "--no-crop", description = "Predict the whole volume, not only the bounding box of non-zero voxels.")
	boolean noCrop;

	/** {@code inference}'s settings with this tiling; a bad --batch is an {@code InvalidSettingException}, found before any other. */
	SegmentationOptions applyTo(InferenceOptions inference) {
		return inference.applyTo(SegmentationOptions.defaults()
			.withWindowsPerCall(SegmentationOptions.parseWindows(batch, "--batch")))
			.withMargin(margin).withCropToNonZero(!noCrop);
	}
}

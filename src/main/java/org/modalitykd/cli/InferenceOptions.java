/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.app.SegmentationOptions;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a model segments each case: where TensorFlow runs, window overlap, mirroring and the
 * channel-order check (a mixin of segment and batch).
 */
final class InferenceOptions {

	@Mixin
	DeviceOptions device;

	@Option(names = "--overlap", defaultValue = "0.5", description = "Overlap of neighbouring windows, 0 to <1 (default: ${DEFAULT-VALUE}).")
	double overlap;

	@Option(names = "--tta", description = "Test-time augmentation: average the 8 mirrorings (8x slower).")
	boolean tta;

	@Option(names = "--ignore-channel-order", description = "Segment even when the case's channels look like another "
		+ "order of the model's (by default such a case, e.g. with its T2 and FLAIR files swapped, is refused; batch "
		+ "records it as failed with the reason in the status log).")
	boolean ignoreChannelOrder;

	/** {@code options} with these settings; a bad overlap or device is an {@code InvalidSettingException}. */
	SegmentationOptions applyTo(SegmentationOptions options) {
		return device.applyTo(options.withOverlap(overlap).withTta(tta).withChannelOrderCheck(!ignoreChannelOrder));
	}
}

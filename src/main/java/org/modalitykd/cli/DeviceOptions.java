/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.app.SegmentationOptions;
import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where TensorFlow runs: {@code --device} and {@code --threads} (a picocli mixin of segment, batch and the training commands). */
final class DeviceOptions {

	@Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
		description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}; auto says which it chose).")
	String device;

	@Mixin
	ThreadsOption threads;

	/** The TensorFlow session's options; an unknown device is a usage error. */
	SessionOptions sessionOptions() {
		return UsageException.ifIllegal(() -> new SessionOptions(Device.parse(device), threads.threads, 0));
	}

	/** {@code options} on this device with these threads; an unknown device is an {@code InvalidSettingException}. */
	SegmentationOptions applyTo(SegmentationOptions options) {
		return options.withDevice(SegmentationOptions.parseDevice(device)).withThreads(threads.threads);
	}
}

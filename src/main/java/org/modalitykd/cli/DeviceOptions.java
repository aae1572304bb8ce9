/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.app.SegmentationOptions;
import org.modalitykd.net.SessionOptions;

import picocli.CommandLine.Mixin;

/** Where TensorFlow runs: {@code --device} and {@code --threads} (a picocli mixin of InferenceOptions and TrainingOptions). */
final class DeviceOptions {

	@Mixin
	DeviceOption device;

	@Mixin
	ThreadsOption threads;

	/** The TensorFlow session's options; an unknown device is a usage error. */
	SessionOptions sessionOptions() {
		return UsageException.ifIllegal(() -> new SessionOptions(device.parse(), threads.threads, 0));
	}

	/** {@code options} on this device with these threads; an unknown device is an {@code InvalidSettingException}. */
	SegmentationOptions applyTo(SegmentationOptions options) {
		return device.applyTo(options).withThreads(threads.threads);
	}
}

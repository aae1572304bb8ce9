/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.app.SegmentationOptions;
import org.modalitykd.net.Device;

import picocli.CommandLine.Option;

/**
 * {@code --device}: where TensorFlow runs (a mixin of DeviceOptions, compare and bench).
 * Its default is the field's first value, not the annotation's, so that a command can
 * choose another ({@code compare} segments on the CPU unless told).
 */
final class DeviceOption {

	@Option(names = "--device", paramLabel = "cpu|gpu|auto", description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}).")
	String device;

	/** The option with {@code auto} as default. */
	DeviceOption() {
		this("auto");
	}

	/** The option with {@code defaultDevice} as default. */
	DeviceOption(String defaultDevice) {
		device = defaultDevice;
	}

	/** The device; an unknown name is an {@code IllegalArgumentException}. */
	Device parse() {
		return Device.parse(device);
	}

	/** {@code options} on this device; an unknown device is an {@code InvalidSettingException}. */
	SegmentationOptions applyTo(SegmentationOptions options) {
		return options.withDevice(SegmentationOptions.parseDevice(device));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;

/**
 * The device the engine tests (net, train, infer) run their sessions on: the CPU, unless
 * the build is asked for another with {@code -Dmodalitykd.test.device=gpu} (what
 * scripts/gpu-check does with the GPU build), so that the same tests check the GPU path.
 * A GPU asked for and not usable fails the tests that need it; it never falls back to
 * the CPU silently.
 */
public final class TestDevice {

	/** The system property that names the device: cpu (default), gpu or auto. */
	public static final String PROPERTY = "modalitykd.test.device";

	private TestDevice() {
	}

	public static SessionOptions session() {
		return new SessionOptions(device(System.getProperty(PROPERTY)), 0, 0);
	}

	/** The device a property value names; unset or blank is the CPU. */
	static Device device(String value) {
		return value == null || value.isBlank() ? Device.CPU : Device.parse(value);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import org.modalitykd.keys.EnumKeys;

/** Where TensorFlow runs a network: the {@code --device} choice. */
public enum Device {
	/** The CPU only, even when a GPU is present. */
	CPU,
	/** A CUDA GPU; an error when none is usable. */
	GPU,
	/** The GPU when one is usable, else the CPU. */
	AUTO;

	/** Parses {@code cpu}, {@code gpu} or {@code auto} (any case). */
	public static Device parse(String s) {
		return EnumKeys.byName(Device.class).find(s)
			.orElseThrow(() -> new IllegalArgumentException("unknown device '" + s + "'; use cpu, gpu or auto"));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import org.modalitykd.keys.EnumKeys;

/**
 * How the U-Net decoder doubles the resolution between levels. Option values (CLI,
 * macro keys, scripts) are {@link #key()}; the model card stores the constant's name in
 * lower case ({@code transposed_conv}, {@code resize_conv}) as it always has, and
 * {@link #parse} reads both spellings.
 */
public enum Upsampling {
	/**
	 * 2x2x2 transposed convolution with stride 2: each of the 8 output voxels of a 2x2x2
	 * block gets its own kernel tap, so unequal taps print a period-2 pattern on the
	 * output (docs/net-engine.md, "Upsampling and the checkerboard").
	 */
	TRANSPOSED_CONV("transposed"),
	/**
	 * Nearest-neighbour doubling followed by a 3x3x3 convolution: every output voxel is
	 * made by the same kernel, so no checkerboard, at a higher cost.
	 */
	RESIZE_CONV("resize");

	private final String key;

	Upsampling(String key) {
		this.key = key;
	}

	/** The option value: {@code transposed} or {@code resize}. */
	public String key() {
		return key;
	}

	/**
	 * The upsampling named {@code value}: an option value ({@code transposed},
	 * {@code resize}) or a model card's ({@code transposed_conv}, {@code resize_conv}),
	 * any case.
	 *
	 * @throws IllegalArgumentException for anything else, saying what is allowed
	 */
	public static Upsampling parse(String value) {
		EnumKeys<Upsampling> keys = EnumKeys.of(Upsampling.class, Upsampling::key);
		return keys.find(value).or(() -> EnumKeys.byName(Upsampling.class).find(value))
			.orElseThrow(() -> new IllegalArgumentException("unknown upsampling '" + value + "': choose " + keys.accepted()));
	}
}

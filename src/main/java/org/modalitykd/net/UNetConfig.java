/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/**
 * The architecture of a 3D U-Net: everything needed to rebuild the same graph (and
 * so to restore its weights). Immutable; the {@code with...} methods return copies.
 *
 * @param inputChannels   image channels (modalities) the network reads, at least 1
 * @param classes         output classes including background, at least 2
 * @param levels          resolution levels, 3 to 5 (the bottleneck is the deepest)
 * @param baseFilters     filters of the first level; they double per level
 * @param maxFilters      cap on the filters of any level
 * @param normalization   instance or batch norm after every 3x3x3 convolution
 * @param normSlots       1 for shared normalisation parameters; n &gt; 1 for one set per
 *                        modality, chosen at run time by the {@code norm_slot} input
 * @param downsampling    max pooling or strided convolution
 * @param upsampling      transposed convolution or resize + convolution
 * @param deepSupervision extra 1x1x1 output heads on the coarser decoder levels
 * @param leakySlope      slope of LeakyReLU for negative inputs
 * @param seed            seed of the He initialisation
 */
public record UNetConfig(int inputChannels, int classes, int levels, int baseFilters, int maxFilters,
	Normalization normalization, int normSlots, Downsampling downsampling, Upsampling upsampling,
	boolean deepSupervision, double leakySlope, long seed) {

	public static final int MIN_LEVELS = 3;
	public static final int MAX_LEVELS = 5;

	public UNetConfig {
		require(inputChannels >= 1, "input channels must be at least 1, got " + inputChannels);
		require(classes >= 2, "classes must be at least 2 (background and one more), got " + classes);
		require(levels >= MIN_LEVELS && levels <= MAX_LEVELS,
			"levels must be " + MIN_LEVELS + " to " + MAX_LEVELS + ", got " + levels);
		require(baseFilters >= 1, "base filters must be at least 1, got " + baseFilters);
		require(maxFilters >= baseFilters, "max filters " + maxFilters + " is below the base filters " + baseFilters);
		require(normSlots >= 1, "normalisation slots must be at least 1, got " + normSlots);
		require(leakySlope >= 0 && leakySlope < 1, "the LeakyReLU slope must be in [0, 1), got " + leakySlope);
		if (normalization == null || downsampling == null || upsampling == null) {
			throw new IllegalArgumentException("normalization, downsampling and upsampling must be set");
		}
	}

	/**
	 * The default network: 4 levels of 16 to 128 filters, instance norm, max pooling,
	 * transposed convolutions, no deep supervision, LeakyReLU slope 0.01.
	 */
	public static UNetConfig defaults(int inputChannels, int classes) {
		return new UNetConfig(inputChannels, classes, 4, 16, 320, Normalization.INSTANCE, 1, Downsampling.MAX_POOL,
			Upsampling.TRANSPOSED_CONV, false, 0.01, 1L);
	}

	/** Filters of level {@code level} (0 = full resolution). */
	public int filters(int level) {
		return Math.min(maxFilters, baseFilters << level);
	}

	/** Every spatial size of an input must be a multiple of this: 2^(levels-1). */
	public int sizeMultiple() {
		return 1 << (levels - 1);
	}

	public UNetConfig withInputChannels(int n) {
		return new UNetConfig(n, classes, levels, baseFilters, maxFilters, normalization, normSlots, downsampling,
			upsampling, deepSupervision, leakySlope, seed);
	}

	public UNetConfig withLevels(int n) {
		return new UNetConfig(inputChannels, classes, n, baseFilters, maxFilters, normalization, normSlots, downsampling,
			upsampling, deepSupervision, leakySlope, seed);
	}

	public UNetConfig withBaseFilters(int n) {
		return new UNetConfig(inputChannels, classes, levels, n, Math.max(maxFilters, n), normalization, normSlots,
			downsampling, upsampling, deepSupervision, leakySlope, seed);
	}

	public UNetConfig withNormalization(Normalization kind, int slots) {
		return new UNetConfig(inputChannels, classes, levels, baseFilters, maxFilters, kind, slots, downsampling,
			upsampling, deepSupervision, leakySlope, seed);
	}

	public UNetConfig withDownsampling(Downsampling d) {
		return new UNetConfig(inputChannels, classes, levels, baseFilters, maxFilters, normalization, normSlots, d,
			upsampling, deepSupervision, leakySlope, seed);
	}

	public UNetConfig withUpsampling(Upsampling u) {
		return new UNetConfig(inputChannels, classes, levels, baseFilters, maxFilters, normalization, normSlots,
			downsampling, u, deepSupervision, leakySlope, seed);
	}

	public UNetConfig withDeepSupervision(boolean on) {
		return new UNetConfig(inputChannels, classes, levels, baseFilters, maxFilters, normalization, normSlots,
			downsampling, upsampling, on, leakySlope, seed);
	}

	public UNetConfig withSeed(long s) {
		return new UNetConfig(inputChannels, classes, levels, baseFilters, maxFilters, normalization, normSlots,
			downsampling, upsampling, deepSupervision, leakySlope, s);
	}

	/** One line, e.g. {@code 4->4 classes, 4 levels, 16..128 filters, instance norm, ...}. */
	public String describe() {
		return String.format("%d channels -> %d classes, %d levels, %d..%d filters, %s norm%s, %s down, %s up%s",
			inputChannels, classes, levels, filters(0), filters(levels - 1), normalization.name().toLowerCase(),
			normSlots > 1 ? " (" + normSlots + " modality slots)" : "", downsampling.name().toLowerCase(),
			upsampling.name().toLowerCase(), deepSupervision ? ", deep supervision" : "");
	}

	private static void require(boolean ok, String message) {
		if (!ok) {
			throw new IllegalArgumentException(message);
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/**
 * The analytic cost of one forward pass of the {@link UNet} a {@link UNetConfig}
 * builds: multiply-accumulates (MACs) of its convolutions and transposed convolutions,
 * the layers that dominate the time. Normalisation, activation, pooling, concatenation
 * and softmax are a few operations per voxel and channel and are not counted, as is
 * usual when a network's FLOP rate is compared with a machine's matmul or convolution
 * peak. FLOPs = 2 x MACs.
 * <p>
 * Per output voxel a k x k x k convolution from {@code in} to {@code out} channels costs
 * {@code k^3 in out} MACs (with 'same' padding the border taps that read padding are
 * counted too: TF computes them); a 2x2x2 stride-2 transposed convolution costs
 * {@code in out} per output voxel (each output voxel receives exactly one tap).
 */
public final class UNetFlops {

	private UNetFlops() {
	}

	/**
	 * MACs of one forward pass of one patch.
	 *
	 * @param size spatial size {d, h, w} (any order: only the product and the halvings
	 *             matter), each a multiple of {@link UNetConfig#sizeMultiple()}
	 */
	public static long forwardMacs(UNetConfig config, int[] size) {
		for (int s : size) {
			if (s < 1 || s % config.sizeMultiple() != 0) {
				throw new IllegalArgumentException("every size must be a positive multiple of " + config.sizeMultiple()
					+ ", got " + s);
			}
		}
		long macs = 0;
		long in = config.inputChannels();
		for (int level = 0; level < config.levels(); level++) {
			long f = config.filters(level);
			long v = voxels(size, level);
			macs += v * 27 * in * f; // conv0 (strided or after pooling: same output grid)
			macs += v * 27 * f * f; // conv1
			in = f;
		}
		for (int level = config.levels() - 2; level >= 0; level--) {
			long f = config.filters(level);
			long v = voxels(size, level);
			macs += v * in * f * (config.upsampling() == Upsampling.TRANSPOSED_CONV ? 1 : 27);
			macs += v * 27 * (2 * f) * f; // conv0 on the concatenated skip
			macs += v * 27 * f * f; // conv1
			if (config.deepSupervision() && level > 0) {
				macs += v * f * config.classes();
			}
			in = f;
		}
		macs += voxels(size, 0) * in * config.classes(); // 1x1x1 output
		return macs;
	}

	/** 2 x {@link #forwardMacs}. */
	public static double forwardFlops(UNetConfig config, int[] size) {
		return 2.0 * forwardMacs(config, size);
	}

	/** Weights and biases of the network (normalisation parameters included), for memory budgets. */
	public static long parameters(UNetConfig config) {
		long p = 0;
		long in = config.inputChannels();
		long normPerChannel = 2L * config.normSlots() * (config.normalization() == Normalization.BATCH ? 2 : 1);
		for (int level = 0; level < config.levels(); level++) {
			long f = config.filters(level);
			p += 27 * in * f + 27 * f * f + 2 * f * normPerChannel;
			in = f;
		}
		for (int level = config.levels() - 2; level >= 0; level--) {
			long f = config.filters(level);
			p += config.upsampling() == Upsampling.TRANSPOSED_CONV ? 8 * in * f : 27 * in * f + f;
			p += 27 * 2 * f * f + 27 * f * f + 2 * f * normPerChannel;
			if (config.deepSupervision() && level > 0) {
				p += f * config.classes() + config.classes();
			}
			in = f;
		}
		return p + in * config.classes() + config.classes();
	}

	private static long voxels(int[] size, int level) {
		long v = 1;
		for (int s : size) {
			v *= s >> level;
		}
		return v;
	}
}

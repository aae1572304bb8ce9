/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

/**
 * Separable Gaussian smoothing of one channel of a 3D grid (NIfTI index order, i
 * fastest). Sigmas are in voxels, per axis; a sigma of 0 leaves that axis alone. The
 * kernel is sampled at whole voxels out to 3 sigma and normalised to sum 1; beyond
 * the grid the edge voxel is repeated, so a constant image stays constant. The
 * weights come from StrictMath, so results are the same on every platform.
 * Stateless; the input is never modified.
 */
public final class GaussianFilter {

	private GaussianFilter() {
	}

	/** A smoothed copy of {@code data}. */
	public static float[] smooth(float[] data, int[] dims, double[] sigmaVoxels) {
		if ((long) dims[0] * dims[1] * dims[2] != data.length) {
			throw new IllegalArgumentException("the grid and the data disagree in size");
		}
		float[] current = data;
		for (int axis = 0; axis < 3; axis++) {
			if (sigmaVoxels[axis] < 0 || !Double.isFinite(sigmaVoxels[axis])) {
				throw new IllegalArgumentException("sigma must be finite and non-negative, not " + sigmaVoxels[axis]);
			}
			if (sigmaVoxels[axis] == 0 || dims[axis] == 1) {
				continue;
			}
			float[] kernel = kernel(sigmaVoxels[axis]);
			current = axis == 0 ? alongI(current, dims, kernel) : alongOuterAxis(current, dims, kernel, axis);
		}
		return current == data ? data.clone() : current;
	}

	/** The same sigma along all three axes. */
	public static float[] smooth(float[] data, int[] dims, double sigmaVoxels) {
		return smooth(data, dims, new double[] { sigmaVoxels, sigmaVoxels, sigmaVoxels });
	}

	/** Weights at offsets -r..r, r = ceil(3 sigma), summing to 1. */
	static float[] kernel(double sigma) {
		int r = Math.max(1, (int) Math.ceil(3 * sigma));
		double[] w = new double[2 * r + 1];
		double sum = 0;
		for (int t = -r; t <= r; t++) {
			w[t + r] = StrictMath.exp(-0.5 * t * t / (sigma * sigma));
			sum += w[t + r];
		}
		float[] k = new float[w.length];
		for (int t = 0; t < w.length; t++) {
			k[t] = (float) (w[t] / sum);
		}
		return k;
	}

	private static float[] alongI(float[] in, int[] dims, float[] kernel) {
		int nx = dims[0];
		int lines = dims[1] * dims[2];
		int r = kernel.length / 2;
		float[] out = new float[in.length];
		float[] padded = new float[nx + 2 * r];
		for (int line = 0; line < lines; line++) {
			int base = line * nx;
			for (int t = 0; t < padded.length; t++) {
				padded[t] = in[base + Math.min(nx - 1, Math.max(0, t - r))];
			}
			for (int i = 0; i < nx; i++) {
				float s = 0;
				for (int t = 0; t < kernel.length; t++) {
					s += kernel[t] * padded[i + t];
				}
				out[base + i] = s;
			}
		}
		return out;
	}

	/**
	 * Along j (axis 1) or k (axis 2): whole rows of i are weighted and added, so the
	 * innermost loop runs over contiguous memory.
	 */
	private static float[] alongOuterAxis(float[] in, int[] dims, float[] kernel, int axis) {
		int nx = dims[0];
		int ny = dims[1];
		int nz = dims[2];
		int n = dims[axis];
		int stride = axis == 1 ? nx : nx * ny;
		int outerCount = axis == 1 ? nz : ny;
		int outerStride = axis == 1 ? nx * ny : nx;
		int r = kernel.length / 2;
		float[] out = new float[in.length];
		for (int outer = 0; outer < outerCount; outer++) {
			int base = outer * outerStride;
			for (int p = 0; p < n; p++) {
				int dst = base + p * stride;
				for (int t = -r; t <= r; t++) {
					int q = Math.min(n - 1, Math.max(0, p + t));
					int src = base + q * stride;
					float w = kernel[t + r];
					for (int i = 0; i < nx; i++) {
						out[dst + i] += w * in[src + i];
					}
				}
			}
		}
		return out;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.Arrays;

import org.modalitykd.volume.GaussianFilter;

/**
 * The spatial intensity transforms of {@link IntensityTransforms}, each on one channel
 * block of a patch ({@code size[0] * size[1] * size[2]} values from {@code from}, x
 * fastest), in place. Separable where the transform is (blur, resampling), so the cost
 * is a few passes over the block rather than a 3D kernel per voxel. Stateless.
 */
final class PatchFilters {

	private PatchFilters() {
	}

	/** Gaussian smoothing with a sigma in voxels per axis (edge voxels repeated beyond the patch). */
	static void blur(float[] v, int from, int[] size, double[] sigma) {
		int n = size[0] * size[1] * size[2];
		float[] smooth = GaussianFilter.smooth(Arrays.copyOfRange(v, from, from + n), size, sigma);
		System.arraycopy(smooth, 0, v, from, n);
	}

	/**
	 * Simulated low resolution as batchgenerators does it: nearest ("nearest-exact")
	 * downsampling to {@link #lowSize} then linear upsampling back (half-voxel centres,
	 * PyTorch's {@code align_corners=False}), axis by axis.
	 */
	static void lowResolution(float[] v, int from, int[] size, double scale) {
		int[] low = lowSize(size, scale);
		int n = size[0] * size[1] * size[2];
		float[] a = Arrays.copyOfRange(v, from, from + n);
		int[] dims = size.clone();
		for (int axis = 0; axis < 3; axis++) {
			a = resampleAxis(a, dims, axis, low[axis], false);
			dims[axis] = low[axis];
		}
		for (int axis = 0; axis < 3; axis++) {
			a = resampleAxis(a, dims, axis, size[axis], true);
			dims[axis] = size[axis];
		}
		System.arraycopy(a, 0, v, from, n);
	}

	/** The downsampled grid: each axis times {@code scale}, rounded, at least 1. */
	static int[] lowSize(int[] size, double scale) {
		int[] low = new int[3];
		for (int d = 0; d < 3; d++) {
			low[d] = Math.max(1, (int) Math.round(size[d] * scale));
		}
		return low;
	}

	/**
	 * One axis resampled to {@code out} voxels: nearest (source {@code floor((o + 0.5) * in / out)})
	 * or linear (source position {@code (o + 0.5) * in / out - 0.5}, clamped to the edge voxels).
	 */
	static float[] resampleAxis(float[] in, int[] dims, int axis, int out, boolean linear) {
		int nIn = dims[axis];
		if (nIn == out) {
			return in;
		}
		int[] i0 = new int[out];
		int[] i1 = new int[out];
		float[] w = new float[out];
		double ratio = (double) nIn / out;
		for (int o = 0; o < out; o++) {
			if (linear) {
				double s = Math.max(0, (o + 0.5) * ratio - 0.5);
				i0[o] = Math.min((int) s, nIn - 1);
				i1[o] = Math.min(i0[o] + 1, nIn - 1);
				w[o] = (float) (s - i0[o]);
			} else {
				i0[o] = Math.min((int) Math.floor((o + 0.5) * ratio), nIn - 1);
				i1[o] = i0[o];
			}
		}
		// Layout: outer (slower axes) x axis x inner (faster axes).
		int inner = 1;
		for (int d = 0; d < axis; d++) {
			inner *= dims[d];
		}
		int outer = 1;
		for (int d = axis + 1; d < 3; d++) {
			outer *= dims[d];
		}
		float[] res = new float[outer * out * inner];
		for (int q = 0; q < outer; q++) {
			int srcBase = q * nIn * inner;
			int dstBase = q * out * inner;
			for (int o = 0; o < out; o++) {
				int a = srcBase + i0[o] * inner;
				int b = srcBase + i1[o] * inner;
				int dst = dstBase + o * inner;
				float t = w[o];
				if (t == 0) {
					System.arraycopy(in, a, res, dst, inner);
				} else {
					for (int r = 0; r < inner; r++) {
						res[dst + r] = in[a + r] + t * (in[b + r] - in[a + r]);
					}
				}
			}
		}
		return res;
	}

	/** Number of coefficients of {@link #biasField}: the Legendre products of degree 1 and 2. */
	static final int BIAS_TERMS = 9;

	/**
	 * Multiplies the block by a smooth bias field {@code exp(strength * P / sum|c|)}, where
	 * P is the sum of {@code c[k]} times the k-th product of Legendre polynomials of degree
	 * 1 or 2 in coordinates scaled to [-1, 1] (x, y, z, x^2, y^2, z^2, xy, xz, yz). Each
	 * product lies in [-1, 1], so the field lies in [exp(-strength), exp(strength)].
	 */
	static void biasField(float[] v, int from, int[] size, double[] c, double strength) {
		double norm = 0;
		for (double x : c) {
			norm += Math.abs(x);
		}
		if (!(norm > 0) || strength == 0) {
			return;
		}
		double s = strength / norm;
		double[][] p1 = new double[3][];
		double[][] p2 = new double[3][];
		for (int d = 0; d < 3; d++) {
			p1[d] = new double[size[d]];
			p2[d] = new double[size[d]];
			for (int i = 0; i < size[d]; i++) {
				double t = size[d] == 1 ? 0 : -1 + 2.0 * i / (size[d] - 1);
				p1[d][i] = t;
				p2[d][i] = 1.5 * t * t - 0.5;
			}
		}
		// exp of a sum is a product of exps: tables along x, (y, x) and (z, x), one factor per
		// row, so no exp per voxel.
		int w = size[0];
		int h = size[1];
		int d = size[2];
		double[] ex = new double[w];
		double[] exy = new double[h * w];
		double[] exz = new double[d * w];
		for (int x = 0; x < w; x++) {
			ex[x] = Math.exp(s * (c[0] * p1[0][x] + c[3] * p2[0][x]));
			for (int y = 0; y < h; y++) {
				exy[y * w + x] = Math.exp(s * c[6] * p1[1][y] * p1[0][x]);
			}
			for (int z = 0; z < d; z++) {
				exz[z * w + x] = Math.exp(s * c[7] * p1[2][z] * p1[0][x]);
			}
		}
		int i = from;
		for (int z = 0; z < d; z++) {
			double fz = c[2] * p1[2][z] + c[5] * p2[2][z];
			for (int y = 0; y < h; y++) {
				double row = Math.exp(s * (fz + c[1] * p1[1][y] + c[4] * p2[1][y] + c[8] * p1[1][y] * p1[2][z]));
				int xy = y * w;
				int xz = z * w;
				for (int x = 0; x < w; x++, i++) {
					v[i] = (float) (v[i] * (row * ex[x] * exy[xy + x] * exz[xz + x]));
				}
			}
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

/**
 * The blending weight of each voxel of a window: a Gaussian centred on the window with
 * sigma = patch / 8 per axis, scaled to 1 at the centre, so that predictions near a
 * window's border (where the network sees zero padding) count little and seams
 * disappear. Every weight is positive (corners about 4e-11), so every voxel covered by
 * a window gets a defined average.
 */
public final class GaussianImportance {

	/** sigma = patch * SIGMA_FRACTION, as nnU-Net. */
	public static final double SIGMA_FRACTION = 1.0 / 8;

	private GaussianImportance() {
	}

	/** The 1D profile along an axis of {@code n} voxels, centred at (n - 1) / 2, peak 1. */
	public static double[] profile(int n) {
		double sigma = n * SIGMA_FRACTION;
		double centre = (n - 1) / 2.0;
		double[] p = new double[n];
		for (int i = 0; i < n; i++) {
			double d = (i - centre) / sigma;
			p[i] = Math.exp(-0.5 * d * d);
		}
		return p;
	}

	/**
	 * The profile with the first {@code lowMargin} and the last {@code highMargin}
	 * voxels set to 0 (window faces whose neighbour covers them), otherwise as
	 * {@link #profile(int)} scaled to a maximum of 1.
	 */
	public static double[] profile(int n, int lowMargin, int highMargin) {
		double[] p = profile(n);
		double max = max(p);
		for (int i = 0; i < n; i++) {
			p[i] = i < lowMargin || i >= n - highMargin ? 0 : p[i] / max;
		}
		return p;
	}

	/**
	 * The 3D weights, x fastest: w(x, y, z) = gx(x) gy(y) gz(z), normalised to 1 at the
	 * maximum.
	 *
	 * @param size {x, y, z}
	 */
	public static float[] weights(int[] size) {
		double[] gx = profile(size[0]);
		double[] gy = profile(size[1]);
		double[] gz = profile(size[2]);
		double max = max(gx) * max(gy) * max(gz);
		float[] w = new float[size[0] * size[1] * size[2]];
		int i = 0;
		for (int z = 0; z < size[2]; z++) {
			for (int y = 0; y < size[1]; y++) {
				double zy = gz[z] * gy[y] / max;
				for (int x = 0; x < size[0]; x++) {
					w[i++] = (float) (zy * gx[x]);
				}
			}
		}
		return w;
	}

	private static double max(double[] v) {
		double m = 0;
		for (double x : v) {
			m = Math.max(m, x);
		}
		return m;
	}
}

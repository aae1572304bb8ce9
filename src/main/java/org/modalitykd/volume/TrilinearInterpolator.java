/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

/**
 * Trilinear interpolation in one channel of a 3D grid at fractional voxel positions
 * (i, j, k) in NIfTI index order, voxel centres at whole numbers. Positions beyond the
 * outermost voxel centres are clamped to the edge, so callers decide what "outside"
 * means (see {@link Resampler}). Reads the array it wraps without copying it;
 * thread-safe as long as nobody writes that array.
 */
public final class TrilinearInterpolator {

	private final float[] data;
	private final int nx;
	private final int ny;
	private final int nz;

	/**
	 * @param data one value per voxel, {@code i + nx * (j + ny * k)}
	 * @param dims {nx, ny, nz}
	 */
	public TrilinearInterpolator(float[] data, int[] dims) {
		if ((long) dims[0] * dims[1] * dims[2] != data.length) {
			throw new IllegalArgumentException("a " + dims[0] + "x" + dims[1] + "x" + dims[2] + " grid needs "
				+ (long) dims[0] * dims[1] * dims[2] + " values, got " + data.length);
		}
		this.data = data;
		this.nx = dims[0];
		this.ny = dims[1];
		this.nz = dims[2];
	}

	/** The interpolated value at (x, y, z), clamped to the grid's outermost voxel centres. */
	public double at(double x, double y, double z) {
		x = clamp(x, nx);
		y = clamp(y, ny);
		z = clamp(z, nz);
		int i0 = Math.min((int) x, nx - 1);
		int j0 = Math.min((int) y, ny - 1);
		int k0 = Math.min((int) z, nz - 1);
		double fx = x - i0;
		double fy = y - j0;
		double fz = z - k0;
		// At the last voxel the weight of the next one is zero: step 0 keeps the index valid.
		int di = i0 + 1 < nx ? 1 : 0;
		int dj = j0 + 1 < ny ? nx : 0;
		int dk = k0 + 1 < nz ? nx * ny : 0;
		int p = i0 + nx * (j0 + ny * k0);
		double c00 = data[p] + fx * (data[p + di] - data[p]);
		double c10 = data[p + dj] + fx * (data[p + dj + di] - data[p + dj]);
		double c01 = data[p + dk] + fx * (data[p + dk + di] - data[p + dk]);
		double c11 = data[p + dk + dj] + fx * (data[p + dk + dj + di] - data[p + dk + dj]);
		double c0 = c00 + fy * (c10 - c00);
		double c1 = c01 + fy * (c11 - c01);
		return c0 + fz * (c1 - c0);
	}

	private static double clamp(double v, int n) {
		if (v <= 0 || Double.isNaN(v)) {
			return 0;
		}
		return Math.min(v, n - 1);
	}
}

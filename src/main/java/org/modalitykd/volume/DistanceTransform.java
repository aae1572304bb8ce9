/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

import java.util.stream.IntStream;

/**
 * Exact Euclidean distance transform on an anisotropic 3D grid (Felzenszwalb and
 * Huttenlocher's lower-envelope algorithm, one pass per axis): for every voxel, the
 * distance in millimetres to the nearest voxel where {@code feature} is true. Arrays are
 * in NIfTI index order (i fastest). Voxels with no feature anywhere get infinity.
 * <p>
 * The lines of a pass are independent and run in parallel, each with its own scratch
 * arrays, so the result does not depend on the number of threads. Used for surface
 * distances (HD95) and to build anatomy around the brain in the generator.
 */
public final class DistanceTransform {

	private DistanceTransform() {
	}

	/** Squared distances in mm^2. */
	public static double[] squared(boolean[] feature, int[] dims, double[] spacing) {
		int nx = dims[0];
		int ny = dims[1];
		int nz = dims[2];
		double[] d = new double[feature.length];
		for (int i = 0; i < d.length; i++) {
			d[i] = feature[i] ? 0 : Double.POSITIVE_INFINITY;
		}
		// Along i: lines start at j*nx + k*nx*ny, stride 1; then along j; then along k.
		pass(d, ny * nz, line -> line * nx, 1, nx, spacing[0]);
		pass(d, nx * nz, line -> line % nx + (line / nx) * nx * ny, nx, ny, spacing[1]);
		pass(d, nx * ny, line -> line, nx * ny, nz, spacing[2]);
		return d;
	}

	/** Distances in mm, as float (what anatomy building needs). */
	public static float[] millimetres(boolean[] feature, Geometry g) {
		double[] squared = squared(feature, g.dims(), g.spacing());
		float[] out = new float[squared.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = (float) Math.sqrt(squared[i]);
		}
		return out;
	}

	private static void pass(double[] d, int lines, java.util.function.IntUnaryOperator start, int stride, int n,
		double h) {
		IntStream.range(0, lines).parallel().forEach(line -> line(d, start.applyAsInt(line), stride, n, h, new double[n],
			new double[n], new int[n], new double[n + 1]));
	}

	/**
	 * One 1D pass: out[q] = min_p (f[p] + (h (q - p))^2), the lower envelope of parabolas
	 * rooted at each sample.
	 */
	private static void line(double[] d, int start, int stride, int n, double h, double[] f, double[] out, int[] v,
		double[] z) {
		int finite = 0;
		for (int q = 0; q < n; q++) {
			f[q] = d[start + q * stride];
			if (f[q] != Double.POSITIVE_INFINITY) {
				finite++;
			}
		}
		if (finite == 0) {
			return;
		}
		double h2 = h * h;
		int k = -1;
		for (int q = 0; q < n; q++) {
			if (f[q] == Double.POSITIVE_INFINITY) {
				continue;
			}
			if (k < 0) {
				k = 0;
				v[0] = q;
				z[0] = Double.NEGATIVE_INFINITY;
				z[1] = Double.POSITIVE_INFINITY;
				continue;
			}
			double s = intersection(f, v[k], q, h2);
			// z[0] is -infinity, so k never drops below 0.
			while (s <= z[k]) {
				k--;
				s = intersection(f, v[k], q, h2);
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		int j = 0;
		for (int q = 0; q < n; q++) {
			while (z[j + 1] < q) {
				j++;
			}
			double dq = h * (q - v[j]);
			out[q] = dq * dq + f[v[j]];
		}
		for (int q = 0; q < n; q++) {
			d[start + q * stride] = out[q];
		}
	}

	/** Index where the parabolas rooted at p and q (p < q) cross. */
	private static double intersection(double[] f, int p, int q, double h2) {
		return ((f[q] + h2 * (double) q * q) - (f[p] + h2 * (double) p * p)) / (2 * h2 * (q - p));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.SplittableRandom;

/**
 * A smooth multiplicative intensity non-uniformity, as receive coils cause:
 * exp(sum of products of Legendre polynomials of degree 0..2 along each axis, with
 * random coefficients that shrink with the total degree). Coordinates run from -1 to
 * 1 across the grid, so the field has the same shape at any voxel size.
 */
final class BiasField {

	private static final int DEGREE = 2;

	private BiasField() {
	}

	/**
	 * A field of mean log 0 whose log has a standard deviation of roughly
	 * {@code strength} (0.1 gives about +-20% from one side of the head to the other).
	 */
	static float[] sample(SplittableRandom rng, int[] dims, double strength) {
		int terms = DEGREE + 1;
		double[][][] c = new double[terms][terms][terms];
		for (int a = 0; a < terms; a++) {
			for (int b = 0; b < terms; b++) {
				for (int d = 0; d < terms; d++) {
					c[a][b][d] = a + b + d == 0 ? 0 : strength * rng.nextGaussian() / (a + b + d);
				}
			}
		}
		double[][] px = legendre(dims[0]);
		double[][] py = legendre(dims[1]);
		double[][] pz = legendre(dims[2]);
		float[] field = new float[dims[0] * dims[1] * dims[2]];
		double[] g = new double[terms];
		for (int k = 0, p = 0; k < dims[2]; k++) {
			for (int j = 0; j < dims[1]; j++) {
				// Collapse the j and k factors first: 3 terms remain per voxel.
				for (int a = 0; a < terms; a++) {
					double s = 0;
					for (int b = 0; b < terms; b++) {
						for (int d = 0; d < terms; d++) {
							s += c[a][b][d] * py[j][b] * pz[k][d];
						}
					}
					g[a] = s;
				}
				for (int i = 0; i < dims[0]; i++, p++) {
					field[p] = (float) StrictMath.exp(g[0] * px[i][0] + g[1] * px[i][1] + g[2] * px[i][2]);
				}
			}
		}
		return field;
	}

	/** P0, P1, P2 at n points evenly spread over [-1, 1]. */
	private static double[][] legendre(int n) {
		double[][] p = new double[n][3];
		for (int i = 0; i < n; i++) {
			double x = n == 1 ? 0 : -1 + 2.0 * i / (n - 1);
			p[i][0] = 1;
			p[i][1] = x;
			p[i][2] = 0.5 * (3 * x * x - 1);
		}
		return p;
	}
}

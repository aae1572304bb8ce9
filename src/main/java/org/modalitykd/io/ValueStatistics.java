/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

/**
 * Summary of an image's values after scl_slope / scl_inter, computed in double
 * precision over the finite values (NaN and infinities are counted, not summed).
 *
 * @param count     number of voxel values
 * @param nonFinite how many of them are NaN or infinite
 * @param min       smallest finite value, NaN when there is none
 * @param max       largest finite value, NaN when there is none
 * @param sum       sum of the finite values
 * @param mean      sum / number of finite values, NaN when there is none
 */
public record ValueStatistics(long count, long nonFinite, double min, double max, double sum, double mean) {

	/** Statistics of every value of an image (all volumes of a 4D file). */
	public static ValueStatistics of(NiftiImage image) {
		VoxelArray v = image.voxels();
		double slope = image.header().effectiveSlope();
		double inter = image.header().effectiveIntercept();
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		// Kahan-Babuska summation: the sum of 10^7 float values stays exact to ~1 ulp,
		// so it agrees with numpy's pairwise sum far below any tolerance a user sees.
		double sum = 0;
		double compensation = 0;
		long nonFinite = 0;
		int n = v.length();
		for (int i = 0; i < n; i++) {
			double x = v.get(i) * slope + inter;
			if (!Double.isFinite(x)) {
				nonFinite++;
				continue;
			}
			if (x < min) {
				min = x;
			}
			if (x > max) {
				max = x;
			}
			double t = sum + x;
			compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
			sum = t;
		}
		long finite = n - nonFinite;
		double total = sum + compensation;
		return finite == 0
			? new ValueStatistics(n, nonFinite, Double.NaN, Double.NaN, 0, Double.NaN)
			: new ValueStatistics(n, nonFinite, min, max, total, total / finite);
	}
}

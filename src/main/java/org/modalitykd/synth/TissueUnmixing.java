/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.Arrays;

/**
 * Splits a T1-weighted brain image into CSF, grey and white matter fractions. The
 * three class intensities are the centres of a one-dimensional k-means over the
 * brain voxels (T1: CSF darkest, WM brightest). A voxel between two adjacent centres
 * is read as a linear mix of those two tissues, which keeps the partial volume of
 * thin structures (cortex, sulci) instead of forcing each voxel into one class.
 *
 * @param csfCentre   mean intensity of the darkest class
 * @param greyCentre  mean intensity of the middle class
 * @param whiteCentre mean intensity of the brightest class
 */
public record TissueUnmixing(double csfCentre, double greyCentre, double whiteCentre) {

	private static final int ITERATIONS = 100;

	/** Fits the three centres to the given intensities (the brain voxels only). */
	public static TissueUnmixing fit(float[] brainValues) {
		if (brainValues.length < 3) {
			throw new IllegalArgumentException("the brain mask holds " + brainValues.length + " voxels; too few to classify");
		}
		float[] sorted = brainValues.clone();
		Arrays.sort(sorted);
		double[] c = { quantile(sorted, 0.1), quantile(sorted, 0.5), quantile(sorted, 0.9) };
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			// Sorted values: each class is a contiguous run between two midpoints.
			int cut1 = lowerBound(sorted, (c[0] + c[1]) / 2);
			int cut2 = lowerBound(sorted, (c[1] + c[2]) / 2);
			double[] next = { mean(sorted, 0, cut1, c[0]), mean(sorted, cut1, cut2, c[1]), mean(sorted, cut2, sorted.length, c[2]) };
			if (Arrays.equals(next, c)) {
				break;
			}
			c = next;
		}
		if (!(c[0] < c[1] && c[1] < c[2])) {
			throw new IllegalArgumentException("the brain intensities do not separate into three tissue classes");
		}
		return new TissueUnmixing(c[0], c[1], c[2]);
	}

	/** Writes the fractions of intensity {@code v} into the three maps at {@code index}. */
	public void unmix(double v, int index, float[] csf, float[] grey, float[] white) {
		if (v <= csfCentre) {
			csf[index] = 1;
		} else if (v < greyCentre) {
			float g = (float) ((v - csfCentre) / (greyCentre - csfCentre));
			grey[index] = g;
			csf[index] = 1 - g;
		} else if (v < whiteCentre) {
			float w = (float) ((v - greyCentre) / (whiteCentre - greyCentre));
			white[index] = w;
			grey[index] = 1 - w;
		} else {
			white[index] = 1;
		}
	}

	private static double quantile(float[] sorted, double q) {
		return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
	}

	private static int lowerBound(float[] sorted, double v) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < v) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return lo;
	}

	private static double mean(float[] sorted, int from, int to, double fallback) {
		if (to <= from) {
			return fallback;
		}
		double s = 0;
		for (int i = from; i < to; i++) {
			s += sorted[i];
		}
		return s / (to - from);
	}
}

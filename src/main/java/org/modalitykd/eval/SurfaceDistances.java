/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import java.util.Arrays;

import org.modalitykd.volume.DistanceTransform;

/**
 * Symmetric surface distances between two binary masks, in millimetres. The surface of
 * a mask is every mask voxel with a face neighbour (6-connectivity) outside the mask or
 * outside the image. The 95th-percentile Hausdorff distance pools the distances from
 * each surface voxel of one mask to the nearest surface voxel of the other, in both
 * directions, and takes the 95th percentile with linear interpolation (the definition
 * of MedPy's {@code hd95}).
 */
public final class SurfaceDistances {

	private SurfaceDistances() {
	}

	/**
	 * HD95 in mm. Both masks must be non-empty (the caller applies the empty-mask
	 * conventions).
	 */
	public static double hd95(boolean[] a, boolean[] b, int[] dims, double[] spacing) {
		boolean[] surfaceA = surface(a, dims);
		boolean[] surfaceB = surface(b, dims);
		double[] toB = DistanceTransform.squared(surfaceB, dims, spacing);
		double[] toA = DistanceTransform.squared(surfaceA, dims, spacing);
		int na = count(surfaceA);
		int nb = count(surfaceB);
		double[] pooled = new double[na + nb];
		int n = 0;
		for (int i = 0; i < a.length; i++) {
			if (surfaceA[i]) {
				pooled[n++] = Math.sqrt(toB[i]);
			}
			if (surfaceB[i]) {
				pooled[n++] = Math.sqrt(toA[i]);
			}
		}
		Arrays.sort(pooled);
		return percentile(pooled, 95);
	}

	/** Mask voxels with at least one of their 6 face neighbours outside the mask or the image. */
	static boolean[] surface(boolean[] mask, int[] dims) {
		int nx = dims[0];
		int ny = dims[1];
		int nz = dims[2];
		int sliceSize = nx * ny;
		boolean[] s = new boolean[mask.length];
		for (int k = 0; k < nz; k++) {
			for (int j = 0; j < ny; j++) {
				for (int i = 0; i < nx; i++) {
					int idx = i + nx * j + sliceSize * k;
					if (!mask[idx]) {
						continue;
					}
					s[idx] = i == 0 || i == nx - 1 || j == 0 || j == ny - 1 || k == 0 || k == nz - 1
						|| !mask[idx - 1] || !mask[idx + 1] || !mask[idx - nx] || !mask[idx + nx]
						|| !mask[idx - sliceSize] || !mask[idx + sliceSize];
				}
			}
		}
		return s;
	}

	/** numpy's default percentile (linear interpolation between closest ranks) of sorted values. */
	static double percentile(double[] sorted, double p) {
		double rank = p / 100.0 * (sorted.length - 1);
		int lo = (int) Math.floor(rank);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
	}

	private static int count(boolean[] m) {
		int c = 0;
		for (boolean b : m) {
			if (b) {
				c++;
			}
		}
		return c;
	}
}

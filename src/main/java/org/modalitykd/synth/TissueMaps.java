/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import org.modalitykd.volume.GaussianFilter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Resampler;

/**
 * Normal brain anatomy as tissue fractions: per voxel the share of CSF, grey matter
 * and white matter, each in [0, 1], summing to at most 1 (the rest is outside the
 * brain). Arrays in NIfTI index order on {@code geometry}; shared, not copied.
 *
 * @param geometry where the voxels are
 * @param csf      fraction of cerebrospinal fluid
 * @param grey     fraction of grey matter
 * @param white    fraction of white matter
 */
public record TissueMaps(Geometry geometry, float[] csf, float[] grey, float[] white) {

	public TissueMaps {
		long n = geometry.voxelCount();
		if (csf.length != n || grey.length != n || white.length != n) {
			throw new IllegalArgumentException("tissue maps need " + n + " values each on " + geometry.describe());
		}
	}

	/** Fraction of brain (any of the three tissues) in voxel {@code index}. */
	public float brain(int index) {
		return csf[index] + grey[index] + white[index];
	}

	/** Fraction of parenchyma (grey or white matter), where tumours grow. */
	public float parenchyma(int index) {
		return grey[index] + white[index];
	}

	/**
	 * The maps on a grid of {@code spacingMm} isotropic voxels over the same field of
	 * view ({@link Geometry#withSpacing}). Each map is smoothed first so that a coarse
	 * voxel holds the tissue fractions of the region it covers (partial volume)
	 * instead of a point sample.
	 */
	public TissueMaps atSpacing(double spacingMm) {
		Geometry target = geometry.withSpacing(spacingMm, spacingMm, spacingMm);
		return new TissueMaps(target, resample(csf, geometry, target), resample(grey, geometry, target),
			resample(white, geometry, target));
	}

	/** One fraction map from {@code from} onto {@code target} (same field of view, coarser voxels). */
	static float[] resample(float[] map, Geometry from, Geometry target) {
		double[] sigma = new double[3];
		for (int d = 0; d < 3; d++) {
			double ratio = target.spacing()[d] / from.spacing()[d];
			// A Gaussian whose FWHM is the coarse voxel, less the width the fine voxel already has.
			sigma[d] = ratio > 1 ? Math.sqrt(ratio * ratio - 1) / (2 * Math.sqrt(2 * StrictMath.log(2))) : 0;
		}
		return Resampler.linear(GaussianFilter.smooth(map, from.dims(), sigma), from, target, 0f);
	}
}

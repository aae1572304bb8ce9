/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import org.modalitykd.volume.Geometry;

/**
 * The head around the brain, for CT: per voxel the share of fluid outside the brain
 * mask (the subarachnoid space under the skull), bone, soft tissue (skin, muscle,
 * galea, the eyes) and fat, each in [0, 1]. Together with the {@link TissueMaps} of
 * the same grid they sum to at most 1; the rest of a voxel is air. MRI ignores these
 * maps (the MRI channels are skull-stripped). Arrays in NIfTI index order on
 * {@code geometry}; shared, not copied.
 *
 * @param geometry where the voxels are
 * @param fluid    CSF outside the brain maps
 * @param bone     bone (cortical 1; the diploe of the skull is part bone, part marrow)
 * @param soft     soft tissue other than fat
 * @param fat      fat (scalp, orbits, marrow)
 */
public record HeadMaps(Geometry geometry, float[] fluid, float[] bone, float[] soft, float[] fat) {

	public HeadMaps {
		long n = geometry.voxelCount();
		if (fluid.length != n || bone.length != n || soft.length != n || fat.length != n) {
			throw new IllegalArgumentException("head maps need " + n + " values each on " + geometry.describe());
		}
	}

	/** Fraction of tissue (anything but air) outside the brain maps in voxel {@code index}. */
	public float tissue(int index) {
		return fluid[index] + bone[index] + soft[index] + fat[index];
	}

	/** The maps on a grid of {@code spacingMm} isotropic voxels, as {@link TissueMaps#atSpacing} does it. */
	public HeadMaps atSpacing(double spacingMm) {
		Geometry target = geometry.withSpacing(spacingMm, spacingMm, spacingMm);
		return new HeadMaps(target, TissueMaps.resample(fluid, geometry, target), TissueMaps.resample(bone, geometry, target),
			TissueMaps.resample(soft, geometry, target), TissueMaps.resample(fat, geometry, target));
	}
}

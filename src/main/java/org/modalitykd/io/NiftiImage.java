/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

/**
 * A NIfTI image as stored: its header and its unscaled voxel values (all volumes of a
 * 4D file one after another).
 */
public record NiftiImage(NiftiHeader header, VoxelArray voxels) {

	/** Value {@code i} after scl_slope / scl_inter, in double precision (as nibabel's get_fdata). */
	public double scaledValue(int i) {
		return voxels.get(i) * header.effectiveSlope() + header.effectiveIntercept();
	}
}

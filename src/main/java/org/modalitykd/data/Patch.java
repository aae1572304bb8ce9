/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

/**
 * One training patch, laid out as a {@link org.modalitykd.volume.Volume}'s channels and
 * as {@link PatchBatch} expects: channel after channel, each a block of z slices of y
 * rows of x voxels (x, along NIfTI's i, fastest). {@code classes} is one such block of
 * class indices 0..3.
 *
 * @param size     {x, y, z} = patch extent along i, j, k
 * @param channels number of image channels
 */
public record Patch(int[] size, int channels, float[] image, byte[] classes) {

	public int voxels() {
		return size[0] * size[1] * size[2];
	}

	/** Index of voxel (x, y, z) in {@link #classes} and within each channel's block of {@link #image}. */
	public int index(int x, int y, int z) {
		return (z * size[1] + y) * size[0] + x;
	}

	/** The value of channel c at voxel (x, y, z). */
	public float value(int c, int x, int y, int z) {
		return image[c * voxels() + index(x, y, z)];
	}

	public boolean containsTumour() {
		for (byte c : classes) {
			if (c != 0) {
				return true;
			}
		}
		return false;
	}
}

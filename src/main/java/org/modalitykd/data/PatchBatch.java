/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.Arrays;

/**
 * A batch of equally sized patches in Java memory, laid out as a {@code Volume}'s
 * channels are: for each patch, for each channel, a block of z slices of y rows of x
 * voxels (x fastest). The training graph turns this into NDHWC itself.
 *
 * @param count    patches in the batch
 * @param channels image channels per patch
 * @param size     patch size {x, y, z} in voxels
 * @param images   {@code count * channels * z * y * x} intensities
 * @param labels   {@code count * z * y * x} internal class indices 0..classes-1, or null
 *                 when only predicting
 * @param normSlot the per-modality normalisation slot (0 unless the network has several)
 */
public record PatchBatch(int count, int channels, int[] size, float[] images, byte[] labels, int normSlot) {

	public PatchBatch {
		if (count < 1 || channels < 1 || size.length != 3 || Arrays.stream(size).anyMatch(s -> s < 1)) {
			throw new IllegalArgumentException("a batch needs count, channels and a 3D size >= 1, got " + count + ", "
				+ channels + ", " + Arrays.toString(size));
		}
		long voxels = (long) count * size[0] * size[1] * size[2];
		if (images.length != voxels * channels) {
			throw new IllegalArgumentException("the images hold " + images.length + " values; " + count + " patches of "
				+ channels + " x " + size[0] + "x" + size[1] + "x" + size[2] + " need " + voxels * channels);
		}
		if (labels != null && labels.length != voxels) {
			throw new IllegalArgumentException("the labels hold " + labels.length + " values; the patches need " + voxels);
		}
		size = size.clone();
	}

	/** A batch for normalisation slot 0. */
	public static PatchBatch of(int count, int channels, int[] size, float[] images, byte[] labels) {
		return new PatchBatch(count, channels, size, images, labels, 0);
	}

	@Override
	public int[] size() {
		return size.clone();
	}

	/** Shape of the images as TF sees them: {@code [count, channels, z, y, x]}. */
	public long[] imageShape() {
		return new long[] { count, channels, size[2], size[1], size[0] };
	}

	/** Shape of the labels: {@code [count, z, y, x]}. */
	public long[] labelShape() {
		return new long[] { count, size[2], size[1], size[0] };
	}
}

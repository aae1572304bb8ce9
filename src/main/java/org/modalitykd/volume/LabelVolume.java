/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

/**
 * A 3D label map (segmentation) on a {@link Geometry}: one unsigned byte per voxel in
 * NIfTI index order, values 0..255 (BraTS uses 0, 1, 2, 4). The array is shared, not
 * copied.
 */
public final class LabelVolume {

	private final Geometry geometry;
	private final byte[] labels;

	public LabelVolume(Geometry geometry, byte[] labels) {
		if (labels.length != geometry.voxelCount()) {
			throw new IllegalArgumentException("a label volume on " + geometry.describe() + " needs "
				+ geometry.voxelCount() + " values, got " + labels.length);
		}
		this.geometry = geometry;
		this.labels = labels;
	}

	public Geometry geometry() {
		return geometry;
	}

	/** The live array; read values with {@code Byte.toUnsignedInt}. */
	public byte[] labels() {
		return labels;
	}

	public int get(int i, int j, int k) {
		return Byte.toUnsignedInt(labels[i + geometry.nx() * (j + geometry.ny() * k)]);
	}

	/** Number of voxels per label value, indexed 0..255. */
	public long[] histogram() {
		long[] h = new long[256];
		for (byte b : labels) {
			h[Byte.toUnsignedInt(b)]++;
		}
		return h;
	}
}

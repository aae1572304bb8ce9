/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

/**
 * An axis-aligned box of voxels, {@code [lo, hi)} per axis {x, y, z}.
 *
 * @param lo first voxel inside
 * @param hi first voxel past the end
 */
public record BoundingBox(int[] lo, int[] hi) {

	public BoundingBox {
		lo = lo.clone();
		hi = hi.clone();
	}

	public static BoundingBox whole(int[] dims) {
		return new BoundingBox(new int[3], dims);
	}

	public int size(int axis) {
		return hi[axis] - lo[axis];
	}

	public boolean isEmpty() {
		return size(0) <= 0 || size(1) <= 0 || size(2) <= 0;
	}

	/**
	 * The smallest box holding every voxel that is non-zero in some channel; empty
	 * ({@code lo > hi}) when all are zero.
	 *
	 * @param channels arrays in Volume order (x fastest)
	 * @param dims     {nx, ny, nz}
	 */
	public static BoundingBox ofNonZero(float[][] channels, int[] dims) {
		int nx = dims[0];
		int ny = dims[1];
		int[] lo = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE };
		int[] hi = { 0, 0, 0 };
		for (int z = 0; z < dims[2]; z++) {
			for (int y = 0; y < ny; y++) {
				int row = (z * ny + y) * nx;
				int first = nx;
				int last = -1;
				for (float[] c : channels) {
					for (int x = 0; x < first; x++) {
						if (c[row + x] != 0) {
							first = x;
							break;
						}
					}
					for (int x = nx - 1; x > last; x--) {
						if (c[row + x] != 0) {
							last = x;
							break;
						}
					}
				}
				if (last >= 0) {
					lo[0] = Math.min(lo[0], first);
					hi[0] = Math.max(hi[0], last + 1);
					lo[1] = Math.min(lo[1], y);
					hi[1] = Math.max(hi[1], y + 1);
					lo[2] = Math.min(lo[2], z);
					hi[2] = Math.max(hi[2], z + 1);
				}
			}
		}
		return new BoundingBox(lo, hi);
	}

	/** {size(0), size(1), size(2)}. */
	public int[] dims() {
		return new int[] { size(0), size(1), size(2) };
	}

	/** The box's voxels of {@code whole} (a {@code dims} volume, x fastest) as a new box-sized array; rows are block copies. */
	public float[] crop(float[] whole, int[] dims) {
		int bx = size(0);
		int by = size(1);
		float[] out = new float[bx * by * size(2)];
		for (int z = 0; z < size(2); z++) {
			for (int y = 0; y < by; y++) {
				System.arraycopy(whole, ((lo[2] + z) * dims[1] + lo[1] + y) * dims[0] + lo[0], out, (z * by + y) * bx, bx);
			}
		}
		return out;
	}

	/** Copies a box-sized array into the box of {@code whole} (a {@code dims} volume), the inverse of {@link #crop}. */
	public void place(Object inBox, Object whole, int[] dims) {
		int bx = size(0);
		int by = size(1);
		for (int z = 0; z < size(2); z++) {
			for (int y = 0; y < by; y++) {
				System.arraycopy(inBox, (z * by + y) * bx, whole, ((lo[2] + z) * dims[1] + lo[1] + y) * dims[0] + lo[0], bx);
			}
		}
	}
}

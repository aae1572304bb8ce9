/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.SplittableRandom;

import org.modalitykd.volume.Volume;

/**
 * Cuts patches out of a case: anywhere in the volume, or placed so that a randomly
 * chosen tumour voxel lies at a random position inside the patch (foreground
 * oversampling, so that rare tumour voxels are seen often enough). Parts of a patch
 * outside the volume (small volumes, patches at the border) are background: image 0
 * (the normalised background) and class 0. Thread-safe.
 */
public final class PatchSampler {

	private final int[] size;

	/** @param size patch extent {w, h, d} along i, j, k */
	public PatchSampler(int[] size) {
		if (size.length != 3 || size[0] < 1 || size[1] < 1 || size[2] < 1) {
			throw new IllegalArgumentException("a patch size needs three positive numbers");
		}
		this.size = size.clone();
	}

	public int[] size() {
		return size.clone();
	}

	/**
	 * A patch of the case; centred on tumour when {@code forceTumour} is true and the case
	 * has any.
	 */
	public Patch sample(TrainingCase c, boolean forceTumour, SplittableRandom random) {
		int[] fg = c.foreground();
		return extract(c, origin(c.grid(), fg.length, i -> fg[i], forceTumour, random));
	}

	/**
	 * Draws from {@code random} exactly what {@link #sample} draws for a case of this
	 * grid and number of tumour voxels, without its voxel data: what a prefetcher needs to
	 * tell which case the draws after it pick.
	 */
	public void skipDraws(int[] grid, int foregroundCount, boolean forceTumour, SplittableRandom random) {
		origin(grid, foregroundCount, i -> 0, forceTumour, random);
	}

	private int[] origin(int[] dims, int foregroundCount, java.util.function.IntUnaryOperator foregroundVoxel,
		boolean forceTumour, SplittableRandom random) {
		int[] origin = new int[3];
		if (forceTumour && foregroundCount > 0) {
			int voxel = foregroundVoxel.applyAsInt(random.nextInt(foregroundCount));
			int[] at = { voxel % dims[0], (voxel / dims[0]) % dims[1], voxel / (dims[0] * dims[1]) };
			for (int d = 0; d < 3; d++) {
				// The tumour voxel lands anywhere in the patch, then the patch is pulled
				// back inside the volume where the volume is large enough.
				int o = at[d] - random.nextInt(size[d]);
				origin[d] = clampOrigin(o, dims[d], size[d]);
			}
		} else {
			for (int d = 0; d < 3; d++) {
				origin[d] = dims[d] >= size[d] ? random.nextInt(dims[d] - size[d] + 1) : -((size[d] - dims[d]) / 2);
			}
		}
		return origin;
	}

	private static int clampOrigin(int o, int n, int p) {
		if (n >= p) {
			return Math.max(0, Math.min(o, n - p));
		}
		return -((p - n) / 2);
	}

	/**
	 * The patch whose first voxel is at {@code origin} in the case's grid (may be negative
	 * or reach past the end). Only the case's box holds data; the rest is 0.
	 */
	public Patch extract(TrainingCase c, int[] gridOrigin) {
		Volume v = c.images();
		int[] dims = v.geometry().dims();
		int[] origin = { gridOrigin[0] - c.boxOrigin()[0], gridOrigin[1] - c.boxOrigin()[1],
			gridOrigin[2] - c.boxOrigin()[2] };
		int channels = v.channelCount();
		int w = size[0];
		int h = size[1];
		int d = size[2];
		int voxels = w * h * d;
		float[] image = new float[voxels * channels];
		byte[] classes = new byte[voxels];
		int x0 = Math.max(0, -origin[0]);
		int x1 = Math.min(w, dims[0] - origin[0]);
		if (x1 <= x0) {
			return new Patch(size.clone(), channels, image, classes);
		}
		for (int z = 0; z < d; z++) {
			int k = origin[2] + z;
			if (k < 0 || k >= dims[2]) {
				continue;
			}
			for (int y = 0; y < h; y++) {
				int j = origin[1] + y;
				if (j < 0 || j >= dims[1]) {
					continue;
				}
				// Whole rows: the layout of patch and volume agree along x.
				int row = (k * dims[1] + j) * dims[0] + origin[0];
				int out = (z * h + y) * w;
				System.arraycopy(c.classes(), row + x0, classes, out + x0, x1 - x0);
				for (int ch = 0; ch < channels; ch++) {
					System.arraycopy(v.channel(ch), row + x0, image, ch * voxels + out + x0, x1 - x0);
				}
			}
		}
		return new Patch(size.clone(), channels, image, classes);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.Arrays;
import java.util.function.IntPredicate;

import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;

/**
 * An axis-aligned block of a grid around a voxel, clipped to the grid, and the
 * "candidate" voxels of it that pass a test: the voxels a lesion may take. Candidates
 * are numbered 0..n-1 in grid order; {@link #neighbours} finds their face neighbours
 * among the candidates.
 */
final class VoxelBox {

	private final Geometry grid;
	private final int[] lo = new int[3];
	private final int[] dims = new int[3];
	private final int[] candidates;
	/** Box-local index to candidate number, or -1. */
	private final int[] candidateAt;

	/**
	 * @param seed       grid index of the centre voxel
	 * @param halfSizeMm half the box's edge, mm
	 * @param candidate  which grid indices are candidates
	 */
	VoxelBox(Geometry grid, int seed, double halfSizeMm, IntPredicate candidate) {
		this.grid = grid;
		int[] n = grid.dims();
		int[] s = { seed % n[0], (seed / n[0]) % n[1], seed / (n[0] * n[1]) };
		Affine a = grid.affine();
		for (int d = 0; d < 3; d++) {
			int half = (int) Math.ceil(halfSizeMm / a.columnNorm(d));
			lo[d] = Math.max(0, s[d] - half);
			dims[d] = Math.min(n[d] - 1, s[d] + half) - lo[d] + 1;
		}
		candidateAt = new int[dims[0] * dims[1] * dims[2]];
		Arrays.fill(candidateAt, -1);
		int[] found = new int[candidateAt.length];
		int count = 0;
		for (int k = 0, b = 0; k < dims[2]; k++) {
			for (int j = 0; j < dims[1]; j++) {
				for (int i = 0; i < dims[0]; i++, b++) {
					int p = (lo[0] + i) + n[0] * ((lo[1] + j) + n[1] * (lo[2] + k));
					if (candidate.test(p)) {
						candidateAt[b] = count;
						found[count++] = p;
					}
				}
			}
		}
		candidates = Arrays.copyOf(found, count);
	}

	/** Size of the box in voxels along i, j, k. */
	int[] dims() {
		return dims.clone();
	}

	int candidateCount() {
		return candidates.length;
	}

	/** Grid index of candidate {@code c}. */
	int gridIndex(int c) {
		return candidates[c];
	}

	/** Candidate number of grid index {@code p}, or -1 (outside the box or not a candidate). */
	int candidateOf(int p) {
		int b = local(p);
		return b < 0 ? -1 : candidateAt[b];
	}

	/** Index within the box (for fields of the box's size) of candidate {@code c}. */
	int localOf(int c) {
		return local(candidates[c]);
	}

	/** Writes the candidate numbers of the (up to six) face neighbours of candidate {@code c}; returns how many. */
	int neighbours(int c, int[] out) {
		int p = candidates[c];
		int nx = grid.nx();
		int ny = grid.ny();
		int i = p % nx;
		int j = (p / nx) % ny;
		int k = p / (nx * ny);
		int count = 0;
		count = add(i > 0 ? p - 1 : -1, out, count);
		count = add(i < nx - 1 ? p + 1 : -1, out, count);
		count = add(j > 0 ? p - nx : -1, out, count);
		count = add(j < ny - 1 ? p + nx : -1, out, count);
		count = add(k > 0 ? p - nx * ny : -1, out, count);
		count = add(k < grid.nz() - 1 ? p + nx * ny : -1, out, count);
		return count;
	}

	private int add(int p, int[] out, int count) {
		if (p >= 0) {
			int c = candidateOf(p);
			if (c >= 0) {
				out[count++] = c;
			}
		}
		return count;
	}

	private int local(int p) {
		int nx = grid.nx();
		int ny = grid.ny();
		int i = p % nx - lo[0];
		int j = (p / nx) % ny - lo[1];
		int k = p / (nx * ny) - lo[2];
		if (i < 0 || j < 0 || k < 0 || i >= dims[0] || j >= dims[1] || k >= dims[2]) {
			return -1;
		}
		return i + dims[0] * (j + dims[1] * k);
	}
}

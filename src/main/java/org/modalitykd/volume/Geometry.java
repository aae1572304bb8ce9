/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

import java.util.Arrays;

/**
 * Where a 3D voxel grid sits in the world: its size in voxels, the voxel size in
 * millimetres, and the voxel-to-world affine. Axis order is NIfTI's index order
 * (i fastest in memory, then j, then k).
 *
 * @param dims    voxel counts {nx, ny, nz}, each at least 1
 * @param spacing voxel size in mm along i, j, k, each positive
 * @param affine  voxel index to world millimetres
 */
public record Geometry(int[] dims, double[] spacing, Affine affine) {

	/** Default tolerance when deciding that two modalities share a grid: 1e-3 mm. */
	public static final double DEFAULT_TOLERANCE_MM = 1e-3;

	public Geometry {
		if (dims.length != 3 || spacing.length != 3) {
			throw new IllegalArgumentException("a geometry needs 3 dims and 3 spacings");
		}
		for (int d = 0; d < 3; d++) {
			if (dims[d] < 1) {
				throw new IllegalArgumentException("dimension " + d + " is " + dims[d] + "; it must be at least 1");
			}
			if (!(spacing[d] > 0) || !Double.isFinite(spacing[d])) {
				throw new IllegalArgumentException("spacing " + d + " is " + spacing[d] + "; it must be positive");
			}
		}
		dims = dims.clone();
		spacing = spacing.clone();
	}

	/** An axis-aligned grid with the origin at voxel (0, 0, 0). */
	public static Geometry axisAligned(int nx, int ny, int nz, double sx, double sy, double sz) {
		return new Geometry(new int[] { nx, ny, nz }, new double[] { sx, sy, sz }, Affine.scaling(sx, sy, sz));
	}

	@Override
	public int[] dims() {
		return dims.clone();
	}

	@Override
	public double[] spacing() {
		return spacing.clone();
	}

	public int nx() {
		return dims[0];
	}

	public int ny() {
		return dims[1];
	}

	public int nz() {
		return dims[2];
	}

	/** Number of voxels of one channel. */
	public long voxelCount() {
		return (long) dims[0] * dims[1] * dims[2];
	}

	/** Volume of one voxel in millilitres (1 mL = 1000 mm^3). */
	public double voxelVolumeMl() {
		return spacing[0] * spacing[1] * spacing[2] / 1000.0;
	}

	/**
	 * The field of view of this grid covered with voxels of another size: per axis
	 * {@code max(1, round(dims * spacing / newSpacing))} voxels, the axes' directions
	 * kept, and the outer corner of the first voxel kept, so the new grid starts where
	 * this one starts (and may end up to half a new voxel beyond or short of its end).
	 *
	 * @param newSpacing voxel size in mm along i, j, k
	 */
	public Geometry withSpacing(double... newSpacing) {
		if (newSpacing.length != 3) {
			throw new IllegalArgumentException("give three voxel sizes, not " + newSpacing.length);
		}
		int[] n = new int[3];
		double[] m = affine.toRowMajor();
		double[] corner = affine.apply(-0.5, -0.5, -0.5);
		for (int d = 0; d < 3; d++) {
			if (!(newSpacing[d] > 0) || !Double.isFinite(newSpacing[d])) {
				throw new IllegalArgumentException("voxel size " + newSpacing[d] + " mm: it must be positive");
			}
			n[d] = (int) Math.max(1, Math.round(dims[d] * spacing[d] / newSpacing[d]));
			double scale = newSpacing[d] / affine.columnNorm(d);
			for (int r = 0; r < 3; r++) {
				m[r * 4 + d] *= scale;
			}
		}
		for (int r = 0; r < 3; r++) {
			// The new first voxel centre lies half a new voxel inside the kept corner.
			m[r * 4 + 3] = corner[r] + 0.5 * (m[r * 4] + m[r * 4 + 1] + m[r * 4 + 2]);
		}
		return new Geometry(n, newSpacing, Affine.ofRowMajor(m));
	}

	/** Same dims and affines within {@code toleranceMm} (see {@link Affine#approximatelyEquals}). */
	public boolean sameGrid(Geometry other, double toleranceMm) {
		return Arrays.equals(dims, other.dims) && affine.approximatelyEquals(other.affine, toleranceMm);
	}

	/** One-line description, e.g. {@code 240x240x155 @ 1.000x1.000x1.000 mm}. */
	public String describe() {
		return String.format("%dx%dx%d @ %.3fx%.3fx%.3f mm", dims[0], dims[1], dims[2], spacing[0], spacing[1], spacing[2]);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Geometry g && Arrays.equals(dims, g.dims) && Arrays.equals(spacing, g.spacing)
			&& affine.equals(g.affine);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(dims) + Arrays.hashCode(spacing)) + affine.hashCode();
	}

	@Override
	public String toString() {
		return "Geometry[" + describe() + "]";
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.TrilinearInterpolator;

/**
 * One case's change of anatomy: a small affine transform (rotation, anisotropic
 * scaling, translation) about the brain's centre, plus a smooth random displacement
 * field. It maps each voxel of the output grid to the point of the reference anatomy
 * it shows (a pull-back), so warping is one interpolation per voxel.
 */
final class RandomDeformation {

	/** Largest rotation about each axis, degrees, at scale 1 ({@link GeneratorSettings#deformationScale()}). */
	static final double MAX_ROTATION_DEG = 6;
	/** Largest scaling change per axis (relative), at scale 1. */
	static final double MAX_SCALING = 0.07;
	/** Largest translation per axis, mm, at scale 1. */
	static final double MAX_TRANSLATION_MM = 4;
	/** Standard deviation of each displacement component, mm, at scale 1. */
	static final double DISPLACEMENT_SD_MM = 2.0;
	/** Correlation width (Gaussian sigma) of the displacement, mm. */
	static final double DISPLACEMENT_SIGMA_MM = 14;

	private final Geometry grid;
	/** Output voxel index to reference voxel index, affine part. */
	private final Affine indexMap;
	/** Displacement in reference voxel units, per output voxel. */
	private final float[][] displacement;

	private RandomDeformation(Geometry grid, Affine indexMap, float[][] displacement) {
		this.grid = grid;
		this.indexMap = indexMap;
		this.displacement = displacement;
	}

	/**
	 * Draws a deformation of the anatomy on {@code grid} (both the reference and the
	 * output live on it) about the world point {@code centre}, with every amplitude
	 * (not the displacement's correlation width) times {@code scale}.
	 */
	static RandomDeformation sample(SplittableRandom rng, Geometry grid, double[] centre, double scale) {
		// At scale 1 these products are the constants exactly, so the standard warp is unchanged to the bit.
		double maxRotation = MAX_ROTATION_DEG * scale;
		double maxScaling = MAX_SCALING * scale;
		double maxTranslation = MAX_TRANSLATION_MM * scale;
		double displacementSd = DISPLACEMENT_SD_MM * scale;
		double[] angles = new double[3];
		double[] scales = new double[3];
		double[] shift = new double[3];
		for (int d = 0; d < 3; d++) {
			angles[d] = StrictMath.toRadians(maxRotation * uniform(rng));
			scales[d] = 1 + maxScaling * uniform(rng);
			shift[d] = maxTranslation * uniform(rng);
		}
		Affine worldMap = aboutCentre(rotation(angles).compose(Affine.scaling(scales[0], scales[1], scales[2])), centre, shift);
		Affine toIndex = grid.affine().inverse();
		Affine indexMap = toIndex.compose(worldMap).compose(grid.affine());
		int[] dims = grid.dims();
		double[] spacing = grid.spacing();
		// One isotropic width in voxels: the grids this runs on are (nearly) isotropic.
		double sigmaVoxels = DISPLACEMENT_SIGMA_MM * 3 / (spacing[0] + spacing[1] + spacing[2]);
		float[][] world = new float[3][];
		for (int d = 0; d < 3; d++) {
			world[d] = RandomField.smooth(rng, dims, sigmaVoxels);
		}
		float[][] displacement = new float[3][];
		// World displacements (mm) into reference index units through the inverse's linear part.
		for (int r = 0; r < 3; r++) {
			float[] out = new float[world[0].length];
			double m0 = toIndex.get(r, 0) * displacementSd;
			double m1 = toIndex.get(r, 1) * displacementSd;
			double m2 = toIndex.get(r, 2) * displacementSd;
			for (int p = 0; p < out.length; p++) {
				out[p] = (float) (m0 * world[0][p] + m1 * world[1][p] + m2 * world[2][p]);
			}
			displacement[r] = out;
		}
		return new RandomDeformation(grid, indexMap, displacement);
	}

	/** The reference tissue maps as this case sees them; 0 where the pull-back leaves the grid. */
	TissueMaps warp(TissueMaps reference) {
		if (!reference.geometry().sameGrid(grid, Geometry.DEFAULT_TOLERANCE_MM)) {
			throw new IllegalArgumentException("the anatomy is on " + reference.geometry().describe()
				+ ", the deformation on " + grid.describe());
		}
		return new TissueMaps(grid, warp(reference.csf()), warp(reference.grey()), warp(reference.white()));
	}

	/** The reference head maps as this case sees them; 0 (air) where the pull-back leaves the grid. */
	HeadMaps warp(HeadMaps reference) {
		if (!reference.geometry().sameGrid(grid, Geometry.DEFAULT_TOLERANCE_MM)) {
			throw new IllegalArgumentException("the head is on " + reference.geometry().describe()
				+ ", the deformation on " + grid.describe());
		}
		return new HeadMaps(grid, warp(reference.fluid()), warp(reference.bone()), warp(reference.soft()),
			warp(reference.fat()));
	}

	private float[] warp(float[] map) {
		int[] dims = grid.dims();
		float[] out = new float[map.length];
		TrilinearInterpolator at = new TrilinearInterpolator(map, dims);
		IntStream.range(0, dims[2]).parallel().forEach(k -> {
			for (int j = 0; j < dims[1]; j++) {
				int p = dims[0] * (j + dims[1] * k);
				for (int i = 0; i < dims[0]; i++, p++) {
					double[] q = indexMap.apply(i, j, k);
					double x = q[0] + displacement[0][p];
					double y = q[1] + displacement[1][p];
					double z = q[2] + displacement[2][p];
					if (x < -0.5 || y < -0.5 || z < -0.5 || x > dims[0] - 0.5 || y > dims[1] - 0.5 || z > dims[2] - 0.5) {
						continue;
					}
					out[p] = (float) at.at(x, y, z);
				}
			}
		});
		return out;
	}

	private static double uniform(SplittableRandom rng) {
		return 2 * rng.nextDouble() - 1;
	}

	private static Affine rotation(double[] a) {
		double cx = StrictMath.cos(a[0]), sx = StrictMath.sin(a[0]);
		double cy = StrictMath.cos(a[1]), sy = StrictMath.sin(a[1]);
		double cz = StrictMath.cos(a[2]), sz = StrictMath.sin(a[2]);
		Affine rx = Affine.ofRowMajor(1, 0, 0, 0, 0, cx, -sx, 0, 0, sx, cx, 0, 0, 0, 0, 1);
		Affine ry = Affine.ofRowMajor(cy, 0, sy, 0, 0, 1, 0, 0, -sy, 0, cy, 0, 0, 0, 0, 1);
		Affine rz = Affine.ofRowMajor(cz, -sz, 0, 0, sz, cz, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
		return rz.compose(ry).compose(rx);
	}

	/** y -> c + L (y - c) + shift. */
	private static Affine aboutCentre(Affine linear, double[] c, double[] shift) {
		double[] m = linear.toRowMajor();
		for (int r = 0; r < 3; r++) {
			m[r * 4 + 3] = c[r] + shift[r] - (m[r * 4] * c[0] + m[r * 4 + 1] * c[1] + m[r * 4 + 2] * c[2]);
		}
		return Affine.ofRowMajor(m);
	}
}

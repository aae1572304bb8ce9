/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Resamples images and label maps from one voxel grid onto another through world
 * coordinates: target voxel v takes the source value at the fractional source index
 * {@code source.affine()^-1 * target.affine() * v}. The two grids may differ in size,
 * spacing, origin and orientation; nothing else about them is assumed.
 * <p>
 * The source covers its voxels' cells: positions from half a voxel before the first
 * voxel centre to half a voxel after the last, along each axis. Positions inside that
 * extent but beyond the outermost centres take the edge value; positions outside it
 * take the fill value (0 unless given). This is point sampling: before downsampling an
 * image, smooth it ({@link GaussianFilter}, e.g. sigma = 0.4 target voxels measured in
 * source voxels) or it will alias.
 * <p>
 * Stateless and thread-safe; sources are read, never modified; results are new arrays.
 * Target slices are computed in parallel on the common fork-join pool; every voxel is
 * computed on its own, so the result does not depend on the number of threads.
 */
public final class Resampler {

	/** Tolerance in source voxels on the half-voxel border, so a grid resampled onto itself loses no voxel. */
	private static final double EDGE_TOLERANCE = 1e-6;

	private Resampler() {
	}

	/** Every channel of {@code source} by trilinear interpolation onto {@code target}; fill value 0. */
	public static Volume linear(Volume source, Geometry target) {
		float[][] channels = new float[source.channelCount()][];
		for (int c = 0; c < channels.length; c++) {
			channels[c] = linear(source.channel(c), source.geometry(), target, 0f);
		}
		return new Volume(target, source.channelNames(), channels);
	}

	/** One channel by trilinear interpolation; {@code fill} where the target lies outside the source. */
	public static float[] linear(float[] source, Geometry sourceGeometry, Geometry target, float fill) {
		requireSize(source.length, sourceGeometry);
		TrilinearInterpolator interpolator = new TrilinearInterpolator(source, sourceGeometry.dims());
		float[] out = new float[Math.toIntExact(target.voxelCount())];
		forEachPosition(sourceGeometry, target, (index, x, y, z, inside) -> out[index] = inside
			? (float) interpolator.at(x, y, z)
			: fill);
		return out;
	}

	/**
	 * A label map by nearest-neighbour sampling onto {@code target} (labels are never
	 * blended); 0 outside the source. A position exactly halfway between two voxel
	 * centres takes the higher index.
	 */
	public static LabelVolume nearest(LabelVolume source, Geometry target) {
		Geometry g = source.geometry();
		byte[] in = source.labels();
		int nx = g.nx();
		int ny = g.ny();
		int nz = g.nz();
		byte[] out = new byte[Math.toIntExact(target.voxelCount())];
		forEachPosition(g, target, (index, x, y, z, inside) -> {
			if (inside) {
				int i = Math.min(nx - 1, Math.max(0, (int) Math.floor(x + 0.5)));
				int j = Math.min(ny - 1, Math.max(0, (int) Math.floor(y + 0.5)));
				int k = Math.min(nz - 1, Math.max(0, (int) Math.floor(z + 0.5)));
				out[index] = in[i + nx * (j + ny * k)];
			}
		});
		return new LabelVolume(target, out);
	}

	/** Receives each target voxel's source position and whether it lies within the source's extent. */
	@FunctionalInterface
	private interface PositionSink {
		void accept(int targetIndex, double x, double y, double z, boolean inside);
	}

	private static void forEachPosition(Geometry source, Geometry target, PositionSink sink) {
		Affine m = source.affine().inverse().compose(target.affine());
		int[] sd = source.dims();
		int tx = target.nx();
		int ty = target.ny();
		int tz = target.nz();
		// Rows of the target grid are independent: split them over the available cores.
		IntConsumer slab = k -> {
			for (int j = 0; j < ty; j++) {
				double[] p0 = m.apply(0, j, k);
				double dx = m.get(0, 0);
				double dy = m.get(1, 0);
				double dz = m.get(2, 0);
				int base = tx * (j + ty * k);
				for (int i = 0; i < tx; i++) {
					double x = p0[0] + i * dx;
					double y = p0[1] + i * dy;
					double z = p0[2] + i * dz;
					sink.accept(base + i, x, y, z, within(x, sd[0]) && within(y, sd[1]) && within(z, sd[2]));
				}
			}
		};
		IntStream.range(0, tz).parallel().forEach(slab);
	}

	private static boolean within(double v, int n) {
		return v >= -0.5 - EDGE_TOLERANCE && v <= n - 0.5 + EDGE_TOLERANCE;
	}

	private static void requireSize(int length, Geometry g) {
		if (length != g.voxelCount()) {
			throw new IllegalArgumentException("the source has " + length + " values but its geometry "
				+ g.describe() + " needs " + g.voxelCount());
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.SplittableRandom;

/**
 * Random augmentation of a training patch: mirroring along each axis, in-plane
 * rotations by multiples of 90 degrees (only 180 degrees when the patch is not square
 * in-plane), and per-channel intensity changes (scale and shift in z-score units, and a
 * gamma curve), then the {@link IntensityTransforms} of the nnU-Net level. Geometric
 * changes move image and classes together; intensity changes touch the image only.
 * Deterministic given the random source. Thread-safe.
 *
 * @param mirror       mirror each axis with probability 1/2
 * @param rotate       rotate in the i-j plane by 0, 90, 180 or 270 degrees
 * @param scaleShift   probability of a scale in [1 - s, 1 + s] and a shift in [-t, t] per channel
 * @param gamma        probability of a gamma in [0.7, 1.5] per channel
 * @param scaleRange   s
 * @param shiftRange   t
 * @param scanner      further intensity transforms after these (none draws nothing, so
 *                     the light level's batches stay what they were before it existed)
 */
public record Augmentation(boolean mirror, boolean rotate, double scaleShift, double gamma, double scaleRange,
	double shiftRange, IntensityTransforms scanner) {

	public Augmentation {
		if (scanner == null) {
			scanner = IntensityTransforms.none();
		}
	}

	/** Without further intensity transforms. */
	public Augmentation(boolean mirror, boolean rotate, double scaleShift, double gamma, double scaleRange,
		double shiftRange) {
		this(mirror, rotate, scaleShift, gamma, scaleRange, shiftRange, IntensityTransforms.none());
	}

	/** The {@code light} level: everything on, intensity changes on a third of the patches, ±10 %. */
	public static Augmentation defaults() {
		return new Augmentation(true, true, 1.0 / 3, 1.0 / 3, 0.1, 0.1);
	}

	/**
	 * The {@code nnunet} level: the same mirroring and rotations, then nnU-Net's intensity
	 * transforms and a bias field ({@link IntensityTransforms#nnUnet()}) instead of the
	 * light scale, shift and gamma.
	 */
	public static Augmentation nnUnet() {
		return new Augmentation(true, true, 0, 0, 0, 0, IntensityTransforms.nnUnet());
	}

	/** No change (validation). */
	public static Augmentation none() {
		return new Augmentation(false, false, 0, 0, 0, 0);
	}

	/** An augmented copy of the patch. */
	public Patch apply(Patch p, SplittableRandom random) {
		int w = p.size()[0];
		int h = p.size()[1];
		int d = p.size()[2];
		boolean fx = mirror && random.nextBoolean();
		boolean fy = mirror && random.nextBoolean();
		boolean fz = mirror && random.nextBoolean();
		int turns = 0;
		if (rotate) {
			turns = w == h ? random.nextInt(4) : 2 * random.nextInt(2);
		}
		Patch out = (fx || fy || fz || turns != 0) ? transform(p, fx, fy, fz, turns) : copy(p);
		for (int c = 0; c < p.channels(); c++) {
			if (random.nextDouble() < scaleShift) {
				double scale = 1 + (2 * random.nextDouble() - 1) * scaleRange;
				double shift = (2 * random.nextDouble() - 1) * shiftRange;
				scaleShift(out, c, scale, shift);
			}
			if (random.nextDouble() < gamma) {
				gamma(out, c, 0.7 + random.nextDouble() * 0.8);
			}
		}
		scanner.apply(out, random);
		return out;
	}

	/**
	 * Output voxel (x, y, z) takes input voxel: (x, y) turned {@code turns} times by 90
	 * degrees, then each axis mirrored if asked.
	 */
	static Patch transform(Patch p, boolean fx, boolean fy, boolean fz, int turns) {
		int w = p.size()[0];
		int h = p.size()[1];
		int d = p.size()[2];
		int voxels = p.voxels();
		int[] source = new int[voxels];
		for (int z = 0; z < d; z++) {
			int sz = fz ? d - 1 - z : z;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					int a = x;
					int b = y;
					for (int t = 0; t < turns; t++) {
						int na = b;
						b = (t % 2 == 0 ? w : h) - 1 - a;
						a = na;
					}
					int sx = fx ? w - 1 - a : a;
					int sy = fy ? h - 1 - b : b;
					source[(z * h + y) * w + x] = (sz * h + sy) * w + sx;
				}
			}
		}
		float[] image = new float[p.image().length];
		byte[] classes = new byte[voxels];
		for (int i = 0; i < voxels; i++) {
			classes[i] = p.classes()[source[i]];
		}
		for (int c = 0; c < p.channels(); c++) {
			int base = c * voxels;
			for (int i = 0; i < voxels; i++) {
				image[base + i] = p.image()[base + source[i]];
			}
		}
		return new Patch(p.size(), p.channels(), image, classes);
	}

	private static Patch copy(Patch p) {
		return new Patch(p.size(), p.channels(), p.image().clone(), p.classes().clone());
	}

	private static void scaleShift(Patch p, int c, double scale, double shift) {
		float[] v = p.image();
		for (int i = c * p.voxels(), end = i + p.voxels(); i < end; i++) {
			v[i] = (float) (v[i] * scale + shift);
		}
	}

	/** Gamma on the channel's own range, which is kept. */
	private static void gamma(Patch p, int c, double g) {
		float[] v = p.image();
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		int from = c * p.voxels();
		int to = from + p.voxels();
		for (int i = from; i < to; i++) {
			min = Math.min(min, v[i]);
			max = Math.max(max, v[i]);
		}
		double range = max - min;
		if (!(range > 0)) {
			return;
		}
		for (int i = from; i < to; i++) {
			v[i] = (float) (min + range * Math.pow((v[i] - min) / range, g));
		}
	}
}

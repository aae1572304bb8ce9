/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

/**
 * How strongly a map (e.g. one class's probabilities) carries a period-2 pattern: per
 * axis, the spectral energy of its lines at the Nyquist frequency (period 2 voxels)
 * divided by their mean energy over the rest of the upper half band (periods from 4
 * down to just above 2 voxels); the score is the largest of the three axes.
 * <p>
 * Why this ratio: a smooth map, and the sharp edges of a segmentation, have spectra
 * that fall off towards high frequencies, so the Nyquist bin holds no more than its
 * neighbours (ratio about 1 or less). The checkerboard a stride-2 transposed
 * convolution prints is locked to the voxel grid, so it piles its energy into the
 * Nyquist bin alone (ratio well above 1), even at a few per cent of amplitude.
 * Each line has its mean removed and a Hann window applied, so that the jump between
 * its two ends does not leak into the high frequencies.
 */
public final class NyquistPeak {

	/**
	 * Scores above this mean a period-2 pattern: smooth maps and network outputs
	 * without the artefact stay below it (docs/net-engine.md gives the measured values).
	 */
	public static final double PATTERN_THRESHOLD = 2.0;

	/** Lines shorter than this have too few high-frequency bins to compare with. */
	public static final int MIN_LENGTH = 8;

	private NyquistPeak() {
	}

	/** The scores of one map, per axis (x, y, z; NaN for an axis shorter than {@link #MIN_LENGTH}). */
	public record Score(double[] perAxis) {

		public Score {
			perAxis = perAxis.clone();
		}

		@Override
		public double[] perAxis() {
			return perAxis.clone();
		}

		/** The largest per-axis score (the pattern need not run along every axis). */
		public double max() {
			double m = Double.NaN;
			for (double v : perAxis) {
				if (!Double.isNaN(v) && !(v <= m)) {
					m = v;
				}
			}
			return m;
		}

		/** Whether {@link #max()} is above {@link #PATTERN_THRESHOLD}. */
		public boolean periodic() {
			return max() > PATTERN_THRESHOLD;
		}
	}

	/**
	 * Scores {@code values}, a {@code nx * ny * nz} map with x fastest (the layout of a
	 * {@code Volume} channel).
	 */
	public static Score of(float[] values, int nx, int ny, int nz) {
		if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz != values.length) {
			throw new IllegalArgumentException("a " + nx + " x " + ny + " x " + nz + " map needs " + (long) nx * ny * nz
				+ " values, got " + values.length);
		}
		int[] size = { nx, ny, nz };
		int[] stride = { 1, nx, nx * ny };
		double[] scores = new double[3];
		for (int axis = 0; axis < 3; axis++) {
			scores[axis] = axisScore(values, size, stride, axis);
		}
		return new Score(scores);
	}

	/** The box {@code [x0, x1) x [y0, y1) x [z0, z1)} of a map, x fastest (to score a region). */
	public static float[] crop(float[] values, int nx, int ny, int[] from, int[] to) {
		int cx = to[0] - from[0];
		int cy = to[1] - from[1];
		int cz = to[2] - from[2];
		float[] out = new float[cx * cy * cz];
		for (int z = 0; z < cz; z++) {
			for (int y = 0; y < cy; y++) {
				System.arraycopy(values, from[0] + nx * (from[1] + y + ny * (from[2] + z)), out, cx * (y + cy * z), cx);
			}
		}
		return out;
	}

	private static double axisScore(float[] v, int[] size, int[] stride, int axis) {
		int n = size[axis] & ~1;
		if (n < MIN_LENGTH) {
			return Double.NaN;
		}
		int a = (axis + 1) % 3;
		int b = (axis + 2) % 3;
		int lowest = n / 4;
		int half = n / 2;
		double[] cos = new double[n * (half + 1)];
		double[] sin = new double[n * (half + 1)];
		for (int k = lowest; k <= half; k++) {
			for (int t = 0; t < n; t++) {
				double phase = 2 * Math.PI * ((long) k * t % n) / n;
				cos[k * n + t] = Math.cos(phase);
				sin[k * n + t] = Math.sin(phase);
			}
		}
		double[] window = new double[n];
		for (int t = 0; t < n; t++) {
			window[t] = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / n);
		}
		double nyquist = 0;
		double band = 0;
		double total = 0;
		double[] line = new double[n];
		for (int j = 0; j < size[b]; j++) {
			for (int i = 0; i < size[a]; i++) {
				int start = i * stride[a] + j * stride[b];
				double mean = 0;
				for (int t = 0; t < n; t++) {
					line[t] = v[start + t * stride[axis]];
					mean += line[t];
				}
				mean /= n;
				for (int t = 0; t < n; t++) {
					line[t] = (line[t] - mean) * window[t];
					total += line[t] * line[t];
				}
				for (int k = lowest; k <= half; k++) {
					double re = 0;
					double im = 0;
					for (int t = 0; t < n; t++) {
						re += line[t] * cos[k * n + t];
						im -= line[t] * sin[k * n + t];
					}
					double e = re * re + im * im;
					if (k == half) {
						nyquist += e;
					} else {
						band += e;
					}
				}
			}
		}
		band /= half - lowest;
		// A constant map has no spectrum to compare; float rounding alone must not score.
		double floor = 1e-12 * n * total + Double.MIN_NORMAL;
		return nyquist / (band + floor);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The period-2 score on hand-made maps: what the checkerboard of a transposed
 * convolution looks like (a few per cent of grid-locked alternation inside a blob)
 * scores high; smooth blobs, hard-edged blobs and coarser periodic patterns score low.
 */
class NyquistPeakTest {

	private static final int N = 40;

	/** A soft ball of probability ~1 inside radius 10 (logistic edge, width {@code edge} voxels). */
	private static float[] blob(double edge) {
		float[] v = new float[N * N * N];
		for (int z = 0; z < N; z++) {
			for (int y = 0; y < N; y++) {
				for (int x = 0; x < N; x++) {
					double d = Math.sqrt(Math.pow(x - 19.3, 2) + Math.pow((y - 20.6) * 1.2, 2) + Math.pow(z - 18.8, 2));
					v[x + N * (y + N * z)] = edge == 0 ? (d < 10 ? 1f : 0f) : (float) (1 / (1 + Math.exp((d - 10) / edge)));
				}
			}
		}
		return v;
	}

	/** {@code v} minus {@code amplitude} x v on every other voxel of a 3D checkerboard. */
	private static float[] withCheckerboard(float[] v, double amplitude) {
		float[] out = v.clone();
		for (int z = 0; z < N; z++) {
			for (int y = 0; y < N; y++) {
				for (int x = 0; x < N; x++) {
					int i = x + N * (y + N * z);
					out[i] -= (float) (amplitude * v[i] * ((x + y + z) % 2));
				}
			}
		}
		return out;
	}

	@Test
	void smoothBlobScoresLow() {
		NyquistPeak.Score s = NyquistPeak.of(blob(1.5), N, N, N);
		assertTrue(s.max() < 0.1, "a smooth blob has no period-2 content: " + Arrays.toString(s.perAxis()));
		assertFalse(s.periodic());
	}

	@Test
	void hardEdgedBlobScoresBelowTheThreshold() {
		// A binary ball: its edges reach the Nyquist frequency, but no more than the bins beside it.
		NyquistPeak.Score s = NyquistPeak.of(blob(0), N, N, N);
		assertTrue(s.max() < 1.5, "sharp edges are not a pattern: " + Arrays.toString(s.perAxis()));
	}

	@Test
	void aFewPerCentOfCheckerboardInsideTheBlobScoresHigh() {
		for (float[] base : new float[][] { blob(1.5), blob(0.5) }) {
			double clean = NyquistPeak.of(base, N, N, N).max();
			NyquistPeak.Score s = NyquistPeak.of(withCheckerboard(base, 0.03), N, N, N);
			assertTrue(clean < 0.05 * NyquistPeak.PATTERN_THRESHOLD, "without the pattern: " + clean);
			assertTrue(s.periodic() && s.max() > 2 * NyquistPeak.PATTERN_THRESHOLD,
				"3 % checkerboard: " + Arrays.toString(s.perAxis()) + ", without it " + clean);
		}
	}

	@Test
	void stripesAlongOneAxisAreFoundOnThatAxisOnly() {
		float[] v = blob(1.5);
		for (int i = 0; i < v.length; i++) {
			int y = (i / N) % N;
			v[i] *= y % 2 == 0 ? 1f : 0.96f;
		}
		double[] s = NyquistPeak.of(v, N, N, N).perAxis();
		assertTrue(s[1] > 5 * NyquistPeak.PATTERN_THRESHOLD && s[0] < 0.1 && s[2] < 0.1, Arrays.toString(s));
	}

	@Test
	void aPeriodFourPatternIsNotPeriodTwo() {
		float[] v = blob(1.5);
		for (int i = 0; i < v.length; i++) {
			int x = i % N;
			v[i] *= (float) (1 - 0.03 * Math.cos(Math.PI * x / 2));
		}
		assertFalse(NyquistPeak.of(v, N, N, N).periodic());
	}

	@Test
	void constantAndShortMapsDoNotScore() {
		float[] flat = new float[N * N * N];
		Arrays.fill(flat, 0.7f);
		assertEquals(0, NyquistPeak.of(flat, N, N, N).max(), 1e-9);
		NyquistPeak.Score thin = NyquistPeak.of(new float[N * N * 4], N, N, 4);
		assertTrue(Double.isNaN(thin.perAxis()[2]) && !Double.isNaN(thin.max()));
		assertThrows(IllegalArgumentException.class, () -> NyquistPeak.of(new float[10], 2, 2, 2));
	}

	@Test
	void cropKeepsTheBox() {
		float[] v = new float[4 * 3 * 2];
		for (int i = 0; i < v.length; i++) {
			v[i] = i;
		}
		// x in [1, 3), y in [1, 3), z in [1, 2): indices x + 4 * (y + 3 * z)
		assertEquals(Arrays.toString(new float[] { 17, 18, 21, 22 }),
			Arrays.toString(NyquistPeak.crop(v, 4, 3, new int[] { 1, 1, 1 }, new int[] { 3, 3, 2 })));
	}
}

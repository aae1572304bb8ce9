/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The separable transform against brute force: every voxel to every feature voxel. */
class DistanceTransformTest {

	@Test
	void matchesBruteForceOnAnisotropicGrids() {
		SplittableRandom random = new SplittableRandom(11);
		for (int trial = 0; trial < 20; trial++) {
			int[] dims = { 3 + random.nextInt(8), 3 + random.nextInt(8), 2 + random.nextInt(6) };
			double[] spacing = { 0.5 + random.nextDouble() * 2, 0.5 + random.nextDouble() * 2, 0.5 + random.nextDouble() * 4 };
			boolean[] feature = new boolean[dims[0] * dims[1] * dims[2]];
			double density = random.nextDouble() * 0.2;
			for (int i = 0; i < feature.length; i++) {
				feature[i] = random.nextDouble() < density;
			}
			feature[random.nextInt(feature.length)] = true;
			double[] fast = DistanceTransform.squared(feature, dims, spacing);
			for (int i = 0; i < feature.length; i++) {
				assertEquals(bruteForce(feature, dims, spacing, i), fast[i], 1e-9, "trial " + trial + " voxel " + i);
			}
		}
	}

	@Test
	void noFeatureMeansInfinity() {
		double[] d = DistanceTransform.squared(new boolean[8], new int[] { 2, 2, 2 }, new double[] { 1, 1, 1 });
		for (double v : d) {
			assertEquals(Double.POSITIVE_INFINITY, v);
		}
	}

	private static double bruteForce(boolean[] feature, int[] dims, double[] spacing, int at) {
		int ai = at % dims[0];
		int aj = (at / dims[0]) % dims[1];
		int ak = at / (dims[0] * dims[1]);
		double best = Double.POSITIVE_INFINITY;
		for (int i = 0; i < feature.length; i++) {
			if (!feature[i]) {
				continue;
			}
			double dx = (i % dims[0] - ai) * spacing[0];
			double dy = ((i / dims[0]) % dims[1] - aj) * spacing[1];
			double dz = (i / (dims[0] * dims[1]) - ak) * spacing[2];
			best = Math.min(best, dx * dx + dy * dy + dz * dz);
		}
		return best;
	}
}

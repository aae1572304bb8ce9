/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianImportanceTest {

	@Test
	void weightsAreTheSeparableGaussianWithSigmaAnEighthOfThePatch() {
		int[] size = { 17, 9, 8 };
		float[] w = GaussianImportance.weights(size);
		double[] sigma = { 17 / 8.0, 9 / 8.0, 1.0 };
		double[] centre = { 8, 4, 3.5 };
		double peak = Math.exp(-0.5 * Math.pow(0.5 / sigma[2], 2)); // z has no voxel at its centre
		for (int z = 0; z < 8; z++) {
			for (int y = 0; y < 9; y++) {
				for (int x = 0; x < 17; x++) {
					double e = Math.exp(-0.5 * (Math.pow((x - centre[0]) / sigma[0], 2) + Math.pow((y - centre[1]) / sigma[1], 2)
						+ Math.pow((z - centre[2]) / sigma[2], 2))) / peak;
					assertEquals(e, w[(z * 9 + y) * 17 + x], 1e-6 * Math.max(1e-6, e), x + "," + y + "," + z);
					assertTrue(w[(z * 9 + y) * 17 + x] > 0, "no zero weights");
				}
			}
		}
		assertEquals(1.0, w[(3 * 9 + 4) * 17 + 8], 1e-7, "1 at the maximum");
		assertEquals(w[(3 * 9 + 4) * 17 + 8], w[(4 * 9 + 4) * 17 + 8], 0, "symmetric about the centre");
	}
}

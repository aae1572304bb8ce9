/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StudentTTest {

	@Test
	void quantilesMatchTheTables() {
		// Two-sided 95 % critical values from any statistics table.
		assertEquals(12.706, StudentT.quantile(0.975, 1), 1e-3);
		assertEquals(4.303, StudentT.quantile(0.975, 2), 1e-3);
		assertEquals(2.571, StudentT.quantile(0.975, 5), 1e-3);
		assertEquals(2.093, StudentT.quantile(0.975, 19), 1e-3);
		assertEquals(2.042, StudentT.quantile(0.975, 30), 1e-3);
		assertEquals(3.250, StudentT.quantile(0.995, 9), 1e-3);
		assertEquals(-2.093, StudentT.quantile(0.025, 19), 1e-3);
	}

	@Test
	void cdfHasClosedFormsForOneAndTwoDegrees() {
		// df 1 is Cauchy: 1/2 + atan(t)/pi; df 2: 1/2 + t / (2 sqrt(2 + t^2)).
		for (double t : new double[] { -3, -0.5, 0, 0.7, 2, 10 }) {
			assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-9);
			assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-9);
		}
	}

	@Test
	void refusesNonsense() {
		assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 3));
		assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.5, 0));
	}
}

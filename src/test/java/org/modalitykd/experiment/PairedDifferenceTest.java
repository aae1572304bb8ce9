/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

	@Test
	void handComputedInterval() {
		// Differences 0.1, 0.2, 0.3: mean 0.2, sd 0.1, n 3; t(0.975, 2) = 4.3027.
		PairedDifference d = PairedDifference.of(new double[] { 0.6, 0.7, 0.9 }, new double[] { 0.5, 0.5, 0.6 }, 0.95);
		double half = 4.302653 * 0.1 / Math.sqrt(3);
		assertEquals(0.2, d.mean(), 1e-12);
		assertEquals(0.2 - half, d.low(), 1e-5);
		assertEquals(0.2 + half, d.high(), 1e-5);
		assertEquals(3, d.pairs());
		assertFalse(d.significant());
	}

	@Test
	void pairingRemovesTheCaseEffect() {
		// The cases differ a lot, the method beats the baseline by 0.05 on each: an unpaired
		// comparison could not tell, the paired interval is a point away from zero.
		double[] base = { 0.2, 0.5, 0.9, 0.4 };
		double[] method = { 0.25, 0.55, 0.95, 0.45 };
		PairedDifference d = PairedDifference.of(method, base, 0.95);
		assertEquals(0.05, d.mean(), 1e-12);
		assertEquals(0.05, d.low(), 1e-9);
		assertTrue(d.significant());
	}

	@Test
	void needsMatchingPairs() {
		assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[] { 1 }, new double[] { 1 }, 0.95));
		assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[] { 1, 2 }, new double[] { 1 }, 0.95));
	}
}

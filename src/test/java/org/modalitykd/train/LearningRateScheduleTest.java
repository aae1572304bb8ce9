/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

	@Test
	void polyFollowsNnUNet() {
		LearningRateSchedule s = LearningRateSchedule.poly(0.01, 1000);
		assertEquals(0.01, s.at(0), 1e-15);
		assertEquals(0.01 * Math.pow(0.5, 0.9), s.at(500), 1e-15);
		assertEquals(0, s.at(1000), 0);
		assertEquals(0, s.at(2000), 0, "stays at 0 past the end");
	}

	@Test
	void cosineGoesFromBaseToMinimum() {
		LearningRateSchedule s = LearningRateSchedule.cosine(1e-3, 100, 1e-5);
		assertEquals(1e-3, s.at(0), 1e-15);
		assertEquals((1e-3 + 1e-5) / 2, s.at(50), 1e-15);
		assertEquals(1e-5, s.at(100), 1e-15);
		assertEquals(1e-5, s.at(150), 1e-15);
	}

	@Test
	void warmupRampsLinearly() {
		LearningRateSchedule s = LearningRateSchedule.constant(1.0).withWarmup(4);
		assertEquals(0.25, s.at(0), 0);
		assertEquals(1.0, s.at(3), 0);
		assertEquals(1.0, s.at(10), 0);
	}
}

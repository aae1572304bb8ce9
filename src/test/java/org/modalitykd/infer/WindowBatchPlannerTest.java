/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modalitykd.net.UNetConfig;

class WindowBatchPlannerTest {

	private static final UNetConfig TINY = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);

	@Test
	void bytesPerWindowByHand() {
		// 16^3 = 4096 voxels; input + output 8 channels, twice: 4096 * 8 * 4 * 2 = 262144.
		// Levels of 4, 8, 16 filters on 4096, 512, 64 voxels, 12 copies of 4 bytes:
		// (4096 * 4 + 512 * 8 + 64 * 16) * 48 = 21504 * 48 = 1032192.
		long expected = 262144 + 1032192;
		assertEquals(expected, WindowBatchPlanner.bytesPerWindow(TINY, new int[] { 16, 16, 16 }, false));
		assertEquals(8 * expected, WindowBatchPlanner.bytesPerWindow(TINY, new int[] { 16, 16, 16 }, true));
	}

	@Test
	void windowsGrowWithFreeMemoryUpToTheCapAndNeverBelowOne() {
		int[] patch = { 16, 16, 16 };
		long one = WindowBatchPlanner.bytesPerWindow(TINY, patch, false);
		assertEquals(1, WindowBatchPlanner.windowsPerCall(TINY, patch, false, 0, 8));
		assertEquals(3, WindowBatchPlanner.windowsPerCall(TINY, patch, false, 6 * one + 1, 8));
		assertEquals(8, WindowBatchPlanner.windowsPerCall(TINY, patch, false, 1000 * one, 8));
		assertEquals(1, WindowBatchPlanner.windowsPerCall(TINY, patch, true, 6 * one, 8), "mirroring needs 8x");
	}

	@Test
	void availableMemoryIsReadable() {
		assertTrue(WindowBatchPlanner.availableBytes() > 0);
		assertTrue(WindowBatchPlanner.availableBytes(true) > 0, "without nvidia-smi, host memory");
	}

	@Test
	void nvidiaSmiFreeMemoryOfTheFirstGpu() {
		assertEquals(79_000L * 1024 * 1024, WindowBatchPlanner.parseNvidiaSmiFreeMiB("79000\n12000\n"));
		assertEquals(-1, WindowBatchPlanner.parseNvidiaSmiFreeMiB("NVIDIA-SMI has failed"));
		assertEquals(-1, WindowBatchPlanner.parseNvidiaSmiFreeMiB(""));
	}
}

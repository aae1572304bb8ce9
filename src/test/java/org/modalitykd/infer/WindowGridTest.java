/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowGridTest {

	@Test
	void knownShapes() {
		assertArrayEquals(new int[] { 0, 56, 112 }, WindowGrid.starts(240, 128, 0.5), "BraTS width, 128 patch");
		assertArrayEquals(new int[] { 0, 30, 61, 91 }, WindowGrid.starts(155, 64, 0.5), "BraTS depth, 64 patch");
		assertArrayEquals(new int[] { 0 }, WindowGrid.starts(128, 128, 0.5), "equal to the patch: one window");
		assertArrayEquals(new int[] { 0 }, WindowGrid.starts(100, 128, 0.5), "smaller: one padded window");
		assertArrayEquals(new int[] { 0, 1 }, WindowGrid.starts(129, 128, 0.5));
		assertArrayEquals(new int[] { 0, 128 }, WindowGrid.starts(256, 128, 0), "no overlap: tiles");
		assertThrows(IllegalArgumentException.class, () -> WindowGrid.starts(10, 4, 1.0));
	}

	@Test
	void alignedStartsAreMultiplesAndMarginsShortenTheStep() {
		assertArrayEquals(new int[] { 0, 56, 112 }, WindowGrid.starts(240, 128, 0.5, 8, 0), "already multiples of 8");
		assertArrayEquals(new int[] { 0, 32, 64, 96 }, WindowGrid.starts(155, 64, 0.5, 8, 0),
			"91 rounded up to 96: the region grows to 160");
		assertArrayEquals(new int[] { 0, 16, 32 }, WindowGrid.starts(96, 64, 0.5, 4, 24), "step at most 64 - 2*24");
		assertThrows(IllegalArgumentException.class, () -> WindowGrid.starts(96, 64, 0.5, 8, 30),
			"64 - 60 leaves no room for a step of 8");
		for (int size = 65; size < 300; size += 11) {
			int[] s = WindowGrid.starts(size, 64, 0.5, 8, 12);
			for (int i = 0; i < s.length; i++) {
				assertEquals(0, s[i] % 8);
				if (i > 0) {
					assertTrue(s[i] - s[i - 1] <= 64 - 24, "neighbours' unmasked parts touch");
				}
			}
			assertTrue(s[s.length - 1] + 64 >= size, "the last window reaches the end");
			assertTrue(s[s.length - 1] + 64 < size + 8, "and overshoots by less than the alignment");
		}
	}

	@Test
	void windowsCoverTheRegionWithAtLeastTheOverlap() {
		for (int size = 1; size < 300; size += 7) {
			for (int patch : new int[] { 16, 48, 64 }) {
				for (double overlap : new double[] { 0, 0.25, 0.5, 0.75 }) {
					int[] s = WindowGrid.starts(size, patch, overlap);
					assertEquals(0, s[0]);
					assertEquals(Math.max(0, size - patch), s[s.length - 1], "the last window ends at the region's end");
					int step = Math.max(1, (int) Math.floor(patch * (1 - overlap)));
					for (int i = 1; i < s.length; i++) {
						assertTrue(s[i] > s[i - 1] && s[i] - s[i - 1] <= step,
							"gap " + (s[i] - s[i - 1]) + " > step " + step + " at size " + size);
					}
				}
			}
		}
	}
}

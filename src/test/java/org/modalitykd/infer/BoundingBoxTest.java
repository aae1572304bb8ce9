/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The box's crop and place, which the Segmenter uses to normalise and predict only the brain. */
class BoundingBoxTest {

	@Test
	void cropThenPlaceRestoresTheBoxAndLeavesTheRest() {
		int[] dims = { 7, 5, 4 };
		float[] whole = new float[7 * 5 * 4];
		for (int i = 0; i < whole.length; i++) {
			whole[i] = i + 1;
		}
		BoundingBox box = new BoundingBox(new int[] { 2, 1, 1 }, new int[] { 6, 4, 3 });
		assertArrayEquals(new int[] { 4, 3, 2 }, box.dims());
		float[] crop = box.crop(whole, dims);
		assertEquals(4 * 3 * 2, crop.length);
		// Box voxel (x, y, z) = whole voxel (x + 2, y + 1, z + 1).
		assertEquals(whole[((1 + 1) * 5 + 2 + 1) * 7 + 3 + 2], crop[(1 * 3 + 2) * 4 + 3]);
		float[] target = new float[whole.length];
		box.place(crop, target, dims);
		for (int z = 0; z < 4; z++) {
			for (int y = 0; y < 5; y++) {
				for (int x = 0; x < 7; x++) {
					int i = (z * 5 + y) * 7 + x;
					boolean inside = x >= 2 && x < 6 && y >= 1 && y < 4 && z >= 1 && z < 3;
					assertEquals(inside ? whole[i] : 0f, target[i], "voxel " + x + "," + y + "," + z);
				}
			}
		}
		byte[] labels = new byte[whole.length];
		box.place(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 },
			labels, dims);
		assertEquals(24, labels[((2 * 5) + 3) * 7 + 5], "the last box voxel, (5, 3, 2)");
	}
}

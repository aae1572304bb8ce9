/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

/**
 * The default ({@code light}) augmentation and the sampling stay bit-identical for a
 * given seed: the checksums below were recorded from the code before the nnU-Net level
 * was added, so shipped models and earlier experiment records stay reproducible.
 */
class LightAugmentationPinTest {

	/** Two channels of seeded noise on a 24 x 22 x 20 grid, with a tumour block. */
	static TrainingCase noiseCase(long seed) {
		Geometry g = Geometry.axisAligned(24, 22, 20, 1, 1, 1);
		int n = (int) g.voxelCount();
		SplittableRandom r = new SplittableRandom(seed);
		float[] a = new float[n];
		float[] b = new float[n];
		byte[] classes = new byte[n];
		int[] fg = new int[4 * 4 * 4];
		int f = 0;
		for (int i = 0; i < n; i++) {
			a[i] = (float) (r.nextDouble() * 2 - 1);
			b[i] = (float) (r.nextDouble() * 3);
			int x = i % 24;
			int y = (i / 24) % 22;
			int z = i / (24 * 22);
			if (x >= 10 && x < 14 && y >= 8 && y < 12 && z >= 6 && z < 10) {
				classes[i] = (byte) (1 + (x + y + z) % 3);
				fg[f++] = i;
			}
		}
		Volume v = new Volume(g, List.of("t1", "t2"), new float[][] { a, b });
		return new TrainingCase("noise", v, classes, fg);
	}

	static String checksum(Augmentation augmentation, int steps) throws NoSuchAlgorithmException {
		BatchSource source = new BatchSource(List.of(noiseCase(5)), new PatchSampler(new int[] { 12, 10, 8 }),
			augmentation, 3, 1.0 / 3, 11, 0, 1);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (source) {
			for (int step = 0; step < steps; step++) {
				PatchBatch b = source.batch(step);
				ByteBuffer buf = ByteBuffer.allocate(b.images().length * 4);
				for (float v : b.images()) {
					buf.putInt(Float.floatToRawIntBits(v));
				}
				sha.update(buf.array());
				sha.update(b.labels());
			}
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	@Test
	void defaultBatchesAreBitIdenticalToBeforeTheNnUnetLevel() throws NoSuchAlgorithmException {
		String sum = checksum(Augmentation.defaults(), 40);
		assertEquals("db6bcbacf50f8defe83f3d78932db7c84aa0a7063b9196978d3b6ce5ca6dea7e", sum);
	}
}

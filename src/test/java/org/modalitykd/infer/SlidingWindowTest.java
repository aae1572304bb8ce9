/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** Tiling, padding, cropping, blending and mirroring against fake networks (no TensorFlow). */
class SlidingWindowTest {

	private static float[][] randomVolume(int channels, int[] dims, long seed) {
		Random r = new Random(seed);
		float[][] v = new float[channels][dims[0] * dims[1] * dims[2]];
		for (float[] c : v) {
			for (int i = 0; i < c.length; i++) {
				c[i] = (float) r.nextGaussian();
			}
		}
		return v;
	}

	@Test
	void constantPredictionGivesASeamFreeConstantMap() {
		int[] dims = { 21, 13, 9 };
		FakePredictors.Constant net = new FakePredictors.Constant(2, 0.1f, 0.2f, 0.3f, 0.4f);
		for (boolean mirror : new boolean[] { false, true }) {
			SlidingWindow sw = new SlidingWindow(net, new int[] { 8, 8, 4 },
				InferenceSettings.defaults().withCropToNonZero(false).withMirror(mirror).withBatchSize(3));
			float[][] p = sw.probabilities(randomVolume(2, dims, 1), dims, Progress.NONE);
			for (int k = 0; k < 4; k++) {
				for (float v : p[k]) {
					assertEquals(net.probabilities[k], v, 1e-6, "class " + k);
				}
			}
		}
	}

	@Test
	void windowCountAndBatching() {
		int[] dims = { 20, 20, 20 };
		FakePredictors.Constant net = new FakePredictors.Constant(1, 1f, 0f);
		SlidingWindow sw = new SlidingWindow(net, new int[] { 8, 8, 8 },
			InferenceSettings.defaults().withCropToNonZero(false).withBatchSize(5));
		// Per axis: step 4, ceil((20 - 8) / 4) + 1 = 4 windows; 64 in all.
		assertEquals(64, sw.windows(BoundingBox.whole(dims)).size());
		int[] reported = new int[2];
		sw.probabilities(randomVolume(1, dims, 2), dims, (done, total) -> {
			reported[0] = done;
			reported[1] = total;
		});
		assertEquals(13, net.calls.size(), "64 windows, 5 per call");
		assertTrue(net.calls.stream().allMatch(n -> n <= 5));
		assertEquals(64, net.calls.stream().mapToInt(Integer::intValue).sum());
		assertEquals(64, reported[0]);
		assertEquals(64, reported[1]);
		net.calls.clear();
		new SlidingWindow(net, new int[] { 8, 8, 8 },
			InferenceSettings.defaults().withCropToNonZero(false).withBatchSize(5).withMirror(true))
			.probabilities(randomVolume(1, dims, 2), dims, Progress.NONE);
		assertEquals(13 * 8, net.calls.size(), "8 mirrorings per batch");
	}

	/** The tiled result equals the network applied to the whole volume at once, everywhere. */
	private static void assertPointwiseExact(int[] dims, int[] patch, InferenceSettings settings) {
		assertPointwiseExact(dims, patch, settings, 1e-6);
	}

	private static void assertPointwiseExact(int[] dims, int[] patch, InferenceSettings settings, double tolerance) {
		float[][] volume = randomVolume(2, dims, 3);
		FakePredictors.Pointwise net = new FakePredictors.Pointwise(2, 3);
		float[][] p = new SlidingWindow(net, patch, settings).probabilities(volume, dims, Progress.NONE);
		for (int v = 0; v < volume[0].length; v++) {
			float[] expected = FakePredictors.Pointwise.at(new float[] { volume[0][v], volume[1][v] }, 3);
			for (int k = 0; k < 3; k++) {
				assertEquals(expected[k], p[k][v], tolerance, "voxel " + v + " class " + k);
			}
		}
	}

	@Test
	void tiledEqualsUntiledForALocalNetwork() {
		assertPointwiseExact(new int[] { 23, 17, 11 }, new int[] { 8, 6, 4 }, InferenceSettings.defaults()
			.withCropToNonZero(false));
		// Up to 96 windows x 8 mirrorings add into one float32 sum per voxel: rounding reaches ~1e-5.
		assertPointwiseExact(new int[] { 23, 17, 11 }, new int[] { 8, 6, 4 }, InferenceSettings.defaults()
			.withCropToNonZero(false).withMirror(true).withOverlap(0.75).withBatchSize(4), 5e-5);
	}

	@Test
	void volumesSmallerThanThePatchArePadded() {
		assertPointwiseExact(new int[] { 5, 7, 3 }, new int[] { 8, 8, 8 }, InferenceSettings.defaults()
			.withCropToNonZero(false));
		assertPointwiseExact(new int[] { 12, 5, 3 }, new int[] { 8, 8, 8 }, InferenceSettings.defaults()
			.withCropToNonZero(false));
	}

	@Test
	void croppingPredictsInsideTheNonZeroBoxAndBackgroundOutside() {
		int[] dims = { 20, 16, 12 };
		float[][] volume = new float[2][dims[0] * dims[1] * dims[2]];
		Random r = new Random(4);
		for (int z = 3; z < 9; z++) {
			for (int y = 2; y < 13; y++) {
				for (int x = 5; x < 11; x++) {
					int v = (z * 16 + y) * 20 + x;
					volume[0][v] = (float) r.nextGaussian();
					volume[1][v] = (float) r.nextGaussian() + 1;
				}
			}
		}
		BoundingBox box = BoundingBox.ofNonZero(volume, dims);
		assertEquals(java.util.List.of(5, 2, 3, 11, 13, 9), java.util.List.of(box.lo()[0], box.lo()[1], box.lo()[2],
			box.hi()[0], box.hi()[1], box.hi()[2]));
		FakePredictors.Pointwise net = new FakePredictors.Pointwise(2, 3);
		float[][] p = new SlidingWindow(net, new int[] { 8, 8, 8 }, InferenceSettings.defaults())
			.probabilities(volume, dims, Progress.NONE);
		for (int z = 0; z < 12; z++) {
			for (int y = 0; y < 16; y++) {
				for (int x = 0; x < 20; x++) {
					int v = (z * 16 + y) * 20 + x;
					boolean inside = x >= 5 && x < 11 && y >= 2 && y < 13 && z >= 3 && z < 9;
					float[] expected = inside ? FakePredictors.Pointwise.at(new float[] { volume[0][v], volume[1][v] }, 3)
						: new float[] { 1, 0, 0 };
					for (int k = 0; k < 3; k++) {
						assertEquals(expected[k], p[k][v], 1e-6, x + "," + y + "," + z);
					}
				}
			}
		}
		float[][] empty = new SlidingWindow(net, new int[] { 8, 8, 8 }, InferenceSettings.defaults())
			.probabilities(new float[2][dims[0] * dims[1] * dims[2]], dims, Progress.NONE);
		assertEquals(dims[0] * dims[1] * dims[2], (int) sum(empty[0]), "an empty image is all background");
	}

	private static double sum(float[] v) {
		double s = 0;
		for (float x : v) {
			s += x;
		}
		return s;
	}

	@Test
	void outOfMemoryHalvesTheBatchInsteadOfFailing() {
		int[] dims = { 23, 17, 11 };
		float[][] volume = randomVolume(2, dims, 3);
		FakePredictors.Limited net = new FakePredictors.Limited(new FakePredictors.Pointwise(2, 3), 2);
		float[][] p = new SlidingWindow(net, new int[] { 8, 6, 4 }, InferenceSettings.defaults().withCropToNonZero(false)
			.withBatchSize(5)).probabilities(volume, dims, Progress.NONE);
		for (int v = 0; v < volume[0].length; v++) {
			float[] expected = FakePredictors.Pointwise.at(new float[] { volume[0][v], volume[1][v] }, 3);
			for (int k = 0; k < 3; k++) {
				assertEquals(expected[k], p[k][v], 1e-6);
			}
		}
		assertEquals(java.util.List.of(5, 2, 2, 1), net.calls.subList(0, 4), "5 fails, then 2 + 2 + 1 of the first batch");
		assertTrue(net.calls.subList(1, net.calls.size()).stream().allMatch(n -> n <= 2), "the smaller size is kept");
		FakePredictors.Limited none = new FakePredictors.Limited(new FakePredictors.Pointwise(2, 3), 0);
		PatchPredictor.OutOfMemory e = assertThrows(PatchPredictor.OutOfMemory.class, () -> new SlidingWindow(none,
			new int[] { 8, 6, 4 }, InferenceSettings.defaults()).probabilities(volume, dims, Progress.NONE));
		assertTrue(e.getMessage().startsWith("one window of 8x6x4 does not fit"), e.getMessage());
	}

	@Test
	void interruptionCancels() {
		int[] dims = { 20, 20, 20 };
		SlidingWindow sw = new SlidingWindow(new FakePredictors.Constant(1, 1f, 0f), new int[] { 8, 8, 8 },
			InferenceSettings.defaults().withCropToNonZero(false));
		Thread.currentThread().interrupt();
		try {
			assertThrows(CancellationException.class, () -> sw.probabilities(randomVolume(1, dims, 5), dims, Progress.NONE));
		} finally {
			Thread.interrupted();
		}
	}

	@Test
	void argmaxMapsInternalClassesToBratsLabels() {
		float[][] p = { { 0.7f, 0.1f, 0.1f, 0.25f }, { 0.1f, 0.6f, 0.1f, 0.25f }, { 0.1f, 0.2f, 0.1f, 0.25f },
			{ 0.1f, 0.1f, 0.7f, 0.25f } };
		byte[] labels = Segmenter.argmax(p, new int[] { 0, 1, 2, 4 });
		assertEquals(java.util.List.of((byte) 0, (byte) 1, (byte) 4, (byte) 0),
			java.util.List.of(labels[0], labels[1], labels[2], labels[3]), "ties go to the lower class");
	}
}

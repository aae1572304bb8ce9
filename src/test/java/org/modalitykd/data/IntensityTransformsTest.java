/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.data.IntensityTransforms.Transform;
import org.modalitykd.volume.TrilinearInterpolator;

/**
 * Each intensity transform of the nnU-Net level against an independent computation
 * (scipy's Gaussian filter, a trilinear interpolator, formulas by hand), its chances
 * over many draws, the classes it leaves alone, and the determinism resume relies on.
 */
class IntensityTransformsTest {

	private static final Transform OFF = Transform.OFF;

	@TempDir
	Path tmp;

	/** Only {@code t} at slot {@code slot} (0 bias .. 7 gamma) is on. */
	private static IntensityTransforms only(int slot, Transform t) {
		Transform[] s = { OFF, OFF, OFF, OFF, OFF, OFF, OFF, OFF };
		s[slot] = t;
		return new IntensityTransforms(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
	}

	private static Patch randomPatch(int[] size, int channels, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		int n = size[0] * size[1] * size[2];
		float[] image = new float[n * channels];
		for (int i = 0; i < image.length; i++) {
			image[i] = (float) (r.nextDouble() * 4 - 2);
		}
		byte[] classes = new byte[n];
		for (int i = 0; i < n; i++) {
			classes[i] = (byte) r.nextInt(4);
		}
		return new Patch(size, channels, image, classes);
	}

	private static Patch copy(Patch p) {
		return new Patch(p.size(), p.channels(), p.image().clone(), p.classes().clone());
	}

	@Test
	void noiseHasTheDrawnStandardDeviation() {
		int[] size = { 64, 64, 16 };
		Patch p = new Patch(size, 1, new float[64 * 64 * 16], new byte[64 * 64 * 16]);
		only(1, new Transform(1, 1, 0.07, 0.07)).apply(p, new SplittableRandom(3));
		double sum = 0;
		double sq = 0;
		for (float v : p.image()) {
			sum += v;
			sq += v * v;
		}
		int n = p.voxels();
		double mean = sum / n;
		double std = Math.sqrt(sq / n - mean * mean);
		// 65536 samples: the standard error of the std is 0.07 / sqrt(2n) = 0.0002.
		assertEquals(0.07, std, 0.001);
		assertEquals(0, mean, 0.001);
	}

	@Test
	void blurMatchesScipyGaussianFilter() throws IOException {
		References.requireScipy();
		int[] size = { 12, 10, 9 };
		Patch p = randomPatch(size, 1, 4);
		float[] before = p.image().clone();
		only(2, new Transform(1, 1, 0.8, 0.8)).apply(p, new SplittableRandom(5));
		// Our kernel reaches ceil(3 sigma) = 3 voxels; beyond the patch the edge repeats (scipy's 'nearest').
		float[] scipy = python(before, size, "ndimage.gaussian_filter(a, 0.8, mode='nearest', radius=3)");
		assertArrayEquals(scipy, p.image(), 1e-5f);
	}

	@Test
	void lowResolutionIsNearestDownsamplingThenTrilinearUpsampling() {
		int[] size = { 12, 10, 9 };
		Patch p = randomPatch(size, 2, 6);
		float[] before = p.image().clone();
		double zoom = 0.55;
		// Channel 1's block only.
		PatchFilters.lowResolution(p.image(), p.voxels(), size, zoom);
		int n = p.voxels();
		assertArrayEquals(Arrays.copyOf(before, n), Arrays.copyOf(p.image(), n), "channel 0 untouched");
		int[] low = { 7, 6, 5 }; // round(12, 10, 9 times 0.55)
		assertArrayEquals(low, PatchFilters.lowSize(size, zoom));
		// Downsampling by hand: low voxel o takes voxel floor((o + 0.5) * in / out).
		float[] down = new float[low[0] * low[1] * low[2]];
		for (int z = 0; z < low[2]; z++) {
			for (int y = 0; y < low[1]; y++) {
				for (int x = 0; x < low[0]; x++) {
					int sx = (int) Math.floor((x + 0.5) * size[0] / low[0]);
					int sy = (int) Math.floor((y + 0.5) * size[1] / low[1]);
					int sz = (int) Math.floor((z + 0.5) * size[2] / low[2]);
					down[x + low[0] * (y + low[1] * z)] = before[n + sx + size[0] * (sy + size[1] * sz)];
				}
			}
		}
		// Upsampling with an independent trilinear interpolator at half-voxel-centred positions.
		TrilinearInterpolator up = new TrilinearInterpolator(down, low);
		for (int z = 0; z < size[2]; z++) {
			for (int y = 0; y < size[1]; y++) {
				for (int x = 0; x < size[0]; x++) {
					double expected = up.at((x + 0.5) * low[0] / size[0] - 0.5, (y + 0.5) * low[1] / size[1] - 0.5,
						(z + 0.5) * low[2] / size[2] - 0.5);
					assertEquals(expected, p.image()[n + p.index(x, y, z)], 1e-5, "voxel " + x + "," + y + "," + z);
				}
			}
		}
	}

	@Test
	void biasFieldIsSmoothAndWithinItsRange() {
		int[] size = { 16, 14, 12 };
		int n = 16 * 14 * 12;
		double strength = 0.3;
		boolean varies = false;
		for (long seed = 0; seed < 20; seed++) {
			float[] ones = new float[n];
			Arrays.fill(ones, 1f);
			Patch p = new Patch(size, 1, ones, new byte[n]);
			only(0, new Transform(1, 1, strength, strength)).apply(p, new SplittableRandom(seed));
			double[] log = new double[n];
			for (int i = 0; i < n; i++) {
				float f = p.image()[i];
				assertTrue(f >= Math.exp(-strength) - 1e-6 && f <= Math.exp(strength) + 1e-6, "factor " + f);
				log[i] = Math.log(f);
			}
			varies |= Arrays.stream(log).max().getAsDouble() - Arrays.stream(log).min().getAsDouble() > 0.05;
			// Smooth: the log of the field is a polynomial of degree 2, so third differences vanish along each axis.
			int[] stride = { 1, 16, 16 * 14 };
			for (int axis = 0; axis < 3; axis++) {
				for (int z = 0; z < size[2]; z++) {
					for (int y = 0; y < size[1]; y++) {
						for (int x = 0; x < size[0]; x++) {
							int[] at = { x, y, z };
							if (at[axis] + 3 >= size[axis]) {
								continue;
							}
							int i = p.index(x, y, z);
							int s = stride[axis];
							double third = log[i + 3 * s] - 3 * log[i + 2 * s] + 3 * log[i + s] - log[i];
							assertEquals(0, third, 2e-6, "third difference along axis " + axis);
						}
					}
				}
			}
		}
		assertTrue(varies, "the field is not flat");
	}

	@Test
	void gammaByHandWithRetainedStatistics() {
		float[] v = { -1.0f, 0.5f, 2.0f, 3.0f };
		for (boolean invert : new boolean[] { false, true }) {
			double g = 1.3;
			double s = invert ? -1 : 1;
			double[] x = { s * -1.0, s * 0.5, s * 2.0, s * 3.0 };
			double min = Arrays.stream(x).min().getAsDouble();
			double range = Arrays.stream(x).max().getAsDouble() - min;
			double mean = Arrays.stream(x).average().getAsDouble();
			double sd = Math.sqrt(Arrays.stream(x).map(a -> (a - mean) * (a - mean)).sum() / 4);
			double[] y = Arrays.stream(x).map(a -> min + range * Math.pow((a - min) / (range + 1e-7), g)).toArray();
			double mean2 = Arrays.stream(y).average().getAsDouble();
			double sd2 = Math.sqrt(Arrays.stream(y).map(a -> (a - mean2) * (a - mean2)).sum() / 4);
			float[] expected = new float[4];
			for (int i = 0; i < 4; i++) {
				expected[i] = (float) (s * ((y[i] - mean2) / (sd2 + 1e-8) * sd + mean));
			}
			float[] ours = v.clone();
			IntensityTransforms.gamma(ours, 0, 4, g, invert);
			assertArrayEquals(expected, ours, 1e-6f, "inverted " + invert);
		}
		// With gamma 1.3 the curve bends: the values move, but not the mean.
		float[] ours = v.clone();
		IntensityTransforms.gamma(ours, 0, 4, 1.3, false);
		assertFalse(Arrays.equals(v, ours));
		assertEquals(1.125, (ours[0] + ours[1] + ours[2] + ours[3]) / 4.0, 1e-6);
	}

	@Test
	void brightnessAndContrastByHand() {
		float[] v = { -1f, 0f, 1f, 4f };
		IntensityTransforms.multiply(v, 0, 4, 1.2);
		assertArrayEquals(new float[] { -1.2f, 0f, 1.2f, 4.8f }, v, 1e-6f);
		float[] c = { -1f, 0f, 1f, 4f };
		// Mean 1; factor 1.5 stretches around it, then the old range [-1, 4] is kept.
		IntensityTransforms.contrast(c, 0, 4, 1.5);
		assertArrayEquals(new float[] { -1f, -0.5f, 1f, 4f }, c, 1e-6f);
	}

	@Test
	void eachTransformHappensAsOftenAsItsProbabilitySays() {
		int[] size = { 6, 6, 6 };
		int draws = 3000;
		// slot, probability per patch, per channel: a channel changes with their product.
		double[][] cases = { { 3, 0.15, 1 }, { 2, 0.2, 0.5 }, { 5, 0.25, 0.5 }, { 7, 0.3, 1 }, { 1, 0.1, 1 }, { 0, 0.2, 1 } };
		SplittableRandom r = new SplittableRandom(11);
		for (double[] c : cases) {
			Transform t = new Transform(c[1], c[2], c[0] == 5 ? 0.5 : c[0] == 1 || c[0] == 0 ? 0.05 : 0.75,
				c[0] == 5 ? 0.6 : c[0] == 1 || c[0] == 0 ? 0.1 : 0.9);
			IntensityTransforms x = only((int) c[0], t);
			int changed = 0;
			for (int k = 0; k < draws; k++) {
				Patch p = randomPatch(size, 2, k);
				float[] before = p.image().clone();
				x.apply(p, r);
				int n = p.voxels();
				changed += Arrays.equals(before, 0, n, p.image(), 0, n) ? 0 : 1;
			}
			double q = c[1] * c[2];
			double mean = draws * q;
			double sd = Math.sqrt(draws * q * (1 - q));
			// 4.5 standard deviations: a false alarm about once in 150,000 runs.
			assertTrue(Math.abs(changed - mean) < 4.5 * sd, "slot " + (int) c[0] + ": " + changed + " of " + draws
				+ " channels changed, expected " + mean + " +- " + sd);
		}
	}

	@Test
	void theNnUnetLevelNeverChangesClassesAndMovesThemLikeTheImage() {
		Augmentation geometric = new Augmentation(true, true, 0, 0, 0, 0);
		Augmentation nnunet = AugmentationLevel.NNUNET.augmentation();
		int differ = 0;
		for (long seed = 0; seed < 200; seed++) {
			Patch p = randomPatch(new int[] { 8, 8, 6 }, 2, seed);
			Patch a = nnunet.apply(copy(p), new SplittableRandom(seed));
			Patch b = geometric.apply(copy(p), new SplittableRandom(seed));
			// The same geometric draws come first: the classes are those of mirroring and turning alone.
			assertArrayEquals(b.classes(), a.classes(), "seed " + seed);
			differ += Arrays.equals(a.image(), b.image()) ? 0 : 1;
		}
		// Some transform fires on a patch with probability 1 - prod(1 - p) = 0.82.
		assertTrue(differ > 140 && differ < 190, "intensity changed on " + differ + " of 200 patches");
	}

	@Test
	void nnUnetBatchesDependOnlyOnSeedAndStep() throws Exception {
		List<TrainingCase> cases = List.of(LightAugmentationPinTest.noiseCase(5));
		PatchSampler sampler = new PatchSampler(new int[] { 12, 10, 8 });
		Augmentation nnunet = AugmentationLevel.NNUNET.augmentation();
		try (BatchSource straight = new BatchSource(cases, sampler, nnunet, 3, 1.0 / 3, 42, 0, 2);
			BatchSource resumed = new BatchSource(cases, sampler, nnunet, 3, 1.0 / 3, 42, 5, 2)) {
			PatchBatch[] first = new PatchBatch[7];
			for (int s = 0; s < 7; s++) {
				first[s] = straight.next();
			}
			for (int s = 5; s < 7; s++) {
				PatchBatch b = resumed.next();
				assertArrayEquals(first[s].images(), b.images(), "step " + s);
				assertArrayEquals(first[s].labels(), b.labels(), "step " + s);
				assertArrayEquals(first[s].images(), straight.batch(s).images(), "recomputed step " + s);
			}
		}
		assertNotEquals(LightAugmentationPinTest.checksum(AugmentationLevel.LIGHT.augmentation(), 10),
			LightAugmentationPinTest.checksum(nnunet, 10));
		assertEquals(LightAugmentationPinTest.checksum(Augmentation.defaults(), 10),
			LightAugmentationPinTest.checksum(AugmentationLevel.LIGHT.augmentation(), 10));
	}

	@Test
	void levelsParseByNameAndRefuseOthers() {
		assertEquals(AugmentationLevel.LIGHT, AugmentationLevel.defaultLevel());
		assertEquals(AugmentationLevel.NNUNET, AugmentationLevel.parse(" NNUNet "));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AugmentationLevel.parse("heavy"));
		assertEquals("unknown augmentation level 'heavy'; expected light or nnunet", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new Transform(1.5, 1, 0, 1));
		assertThrows(IllegalArgumentException.class, () -> new Transform(0.5, 1, 2, 1));
	}

	/** Runs {@code expression} on array {@code a} (z, y, x) in python and returns the result in our layout. */
	private float[] python(float[] data, int[] size, String expression) throws IOException {
		Path in = tmp.resolve("in.f32");
		Path out = tmp.resolve("out.f32");
		ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float f : data) {
			b.putFloat(f);
		}
		Files.write(in, b.array());
		String script = "import numpy as np\nfrom scipy import ndimage\n"
			+ "a = np.fromfile('" + in + "', dtype='<f4').astype(np.float64).reshape(" + size[2] + "," + size[1] + ","
			+ size[0] + ")\n" + "r = " + expression + "\n" + "r.astype('<f4').tofile('" + out + "')\n";
		References.Run r = References.run(List.of(References.PYTHON.toString(), "-c", script));
		assertEquals(0, r.exitCode(), "scipy reference failed: " + r.stderr());
		ByteBuffer res = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
		float[] f = new float[data.length];
		for (int i = 0; i < f.length; i++) {
			f[i] = res.getFloat();
		}
		return f;
	}
}

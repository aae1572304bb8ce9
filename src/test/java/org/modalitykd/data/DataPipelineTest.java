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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

class DataPipelineTest {

	private static final Geometry GRID = Geometry.axisAligned(20, 18, 16, 1, 1, 1);

	/**
	 * Two channels that encode the voxel position (channel 0 = i + 100 j + 10000 k,
	 * channel 1 = its negative) on a brain-like non-zero block, and a small tumour.
	 */
	private static TrainingCase positionCase() {
		int n = (int) GRID.voxelCount();
		float[] a = new float[n];
		float[] b = new float[n];
		byte[] labels = new byte[n];
		for (int k = 0; k < 16; k++) {
			for (int j = 0; j < 18; j++) {
				for (int i = 0; i < 20; i++) {
					int idx = i + 20 * (j + 18 * k);
					a[idx] = i + 100 * j + 10000 * k + 1;
					b[idx] = -a[idx];
					if (i >= 14 && i < 17 && j >= 3 && j < 5 && k >= 10 && k < 12) {
						labels[idx] = (byte) (i == 15 ? 4 : 2);
					}
				}
			}
		}
		Volume v = new Volume(GRID, List.of("t1", "t2"), new float[][] { a, b });
		// No normalisation, so positions can be read back from patches.
		return new TrainingCase("pos", v, convert(labels), foreground(labels));
	}

	private static byte[] convert(byte[] labels) {
		byte[] c = new byte[labels.length];
		for (int i = 0; i < c.length; i++) {
			c[i] = (byte) BratsLabels.toClass(labels[i]);
		}
		return c;
	}

	private static int[] foreground(byte[] labels) {
		List<Integer> f = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] != 0) {
				f.add(i);
			}
		}
		return f.stream().mapToInt(Integer::intValue).toArray();
	}

	@Test
	void zScoreOverNonZeroVoxelsByHand() {
		float[] v = { 0, 2, 4, 0, 6 };
		float[] z = ZScoreNormalizer.normalise(v);
		double std = Math.sqrt((4 + 0 + 4) / 3.0);
		assertArrayEquals(new float[] { 0, (float) (-2 / std), 0, 0, (float) (2 / std) }, z, 1e-6f);
	}

	@Test
	void trainingCaseConvertsBratsLabelsAndRefusesOthers() {
		Geometry g = Geometry.axisAligned(4, 1, 1, 1, 1, 1);
		Volume v = Volume.of(g, "t1", new float[] { 1, 2, 3, 4 });
		TrainingCase c = TrainingCase.of("x", v, new LabelVolume(g, new byte[] { 0, 1, 2, 4 }), new ZScoreNormalizer());
		assertArrayEquals(new byte[] { 0, 1, 2, 3 }, c.classes());
		assertArrayEquals(new int[] { 1, 2, 3 }, c.foreground());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> TrainingCase.of("y", v, new LabelVolume(g, new byte[] { 0, 3, 0, 0 }), new ZScoreNormalizer()));
		assertTrue(e.getMessage().contains("y: label 3"), e.getMessage());
	}

	@Test
	void patchesHoldTheSourceRegionInNdhwcOrderAndPadOutside() {
		TrainingCase c = positionCase();
		Patch p = new PatchSampler(new int[] { 6, 5, 4 }).extract(c, new int[] { 17, -2, 3 });
		for (int z = 0; z < 4; z++) {
			for (int y = 0; y < 5; y++) {
				for (int x = 0; x < 6; x++) {
					int i = 17 + x;
					int j = -2 + y;
					int k = 3 + z;
					boolean inside = i < 20 && j >= 0;
					float expected = inside ? i + 100 * j + 10000 * k + 1 : 0;
					assertEquals(expected, p.value(0, x, y, z), "x" + x + " y" + y + " z" + z);
					assertEquals(-expected, p.value(1, x, y, z), 0);
				}
			}
		}
	}

	@Test
	void forcedPatchesContainTumourAndRandomOnesStayInside() {
		TrainingCase c = positionCase();
		PatchSampler sampler = new PatchSampler(new int[] { 8, 8, 8 });
		SplittableRandom r = new SplittableRandom(1);
		for (int n = 0; n < 200; n++) {
			assertTrue(sampler.sample(c, true, r).containsTumour());
			Patch random = sampler.sample(c, false, r);
			for (float v : random.image()) {
				assertNotEquals(0f, v, "a random patch of a large volume lies inside it");
			}
		}
	}

	@Test
	void smallVolumesArePaddedAroundTheCentre() {
		Geometry g = Geometry.axisAligned(2, 2, 2, 1, 1, 1);
		float[] ones = { 1, 1, 1, 1, 1, 1, 1, 1 };
		TrainingCase c = new TrainingCase("s", Volume.of(g, "t1", ones), new byte[8], new int[0]);
		Patch p = new PatchSampler(new int[] { 4, 4, 4 }).sample(c, false, new SplittableRandom(2));
		double sum = 0;
		for (float v : p.image()) {
			sum += v;
		}
		assertEquals(8, sum);
		assertEquals(1f, p.image()[p.index(1, 1, 1)]);
		assertEquals(1f, p.image()[p.index(2, 2, 2)]);
	}

	@Test
	void geometricAugmentationMovesImageAndClassesTogether() {
		TrainingCase c = positionCase();
		Patch p = new PatchSampler(new int[] { 8, 8, 6 }).sample(c, true, new SplittableRandom(3));
		SplittableRandom r = new SplittableRandom(4);
		Augmentation geometric = new Augmentation(true, true, 0, 0, 0, 0);
		Set<String> seen = new HashSet<>();
		for (int n = 0; n < 50; n++) {
			Patch a = geometric.apply(p, r);
			// Every output voxel still pairs the image position code with that position's class.
			for (int i = 0; i < a.voxels(); i++) {
				float code = a.image()[i];
				assertEquals(-code, a.image()[a.voxels() + i]);
				assertEquals(classAt(c, code), a.classes()[i], "voxel " + i);
			}
			seen.add(java.util.Arrays.toString(java.util.Arrays.copyOf(a.image(), 4)));
		}
		assertTrue(seen.size() > 8, "different mirrors and rotations occur: " + seen.size());
	}

	private static byte classAt(TrainingCase c, float code) {
		if (code == 0) {
			return 0;
		}
		int v = (int) code - 1;
		int i = v % 100;
		int j = (v / 100) % 100;
		int k = v / 10000;
		return c.classes()[i + 20 * (j + 18 * k)];
	}

	@Test
	void fourQuarterTurnsAndDoubleMirrorsAreIdentity() {
		Patch p = new PatchSampler(new int[] { 5, 5, 3 }).sample(positionCase(), true, new SplittableRandom(5));
		Patch q = p;
		for (int t = 0; t < 4; t++) {
			q = Augmentation.transform(q, false, false, false, 1);
		}
		assertArrayEquals(p.image(), q.image());
		Patch m = Augmentation.transform(Augmentation.transform(p, true, true, true, 0), true, true, true, 0);
		assertArrayEquals(p.image(), m.image());
		assertArrayEquals(p.classes(), m.classes());
		Patch nonSquare = new PatchSampler(new int[] { 6, 4, 3 }).sample(positionCase(), true, new SplittableRandom(6));
		Patch half = Augmentation.transform(Augmentation.transform(nonSquare, false, false, false, 2), false, false, false, 2);
		assertArrayEquals(nonSquare.image(), half.image());
	}

	@Test
	void intensityAugmentationLeavesClassesAlone() {
		Patch p = new PatchSampler(new int[] { 6, 6, 6 }).sample(positionCase(), true, new SplittableRandom(7));
		Augmentation intensity = new Augmentation(false, false, 1, 1, 0.1, 0.1);
		Patch a = intensity.apply(p, new SplittableRandom(8));
		assertArrayEquals(p.classes(), a.classes());
		assertFalse(java.util.Arrays.equals(p.image(), a.image()));
	}

	@Test
	void batchesDependOnlyOnSeedAndStepSoResumeSeesTheSameData() throws InterruptedException {
		List<TrainingCase> cases = List.of(positionCase());
		PatchSampler sampler = new PatchSampler(new int[] { 8, 8, 8 });
		List<PatchBatch> straight = new ArrayList<>();
		try (BatchSource s = new BatchSource(cases, sampler, Augmentation.defaults(), 3, 1.0 / 3, 42, 0, 2)) {
			for (int n = 0; n < 6; n++) {
				straight.add(s.next());
			}
		}
		try (BatchSource resumed = new BatchSource(cases, sampler, Augmentation.defaults(), 3, 1.0 / 3, 42, 4, 2)) {
			PatchBatch b4 = resumed.next();
			assertArrayEquals(straight.get(4).images(), b4.images());
			assertArrayEquals(straight.get(5).labels(), resumed.next().labels());
		}
		assertFalse(java.util.Arrays.equals(straight.get(0).images(), straight.get(1).images()));
		assertArrayEquals(new long[] { 3, 2, 8, 8, 8 }, straight.get(0).imageShape());
		// The last round(3 / 3) = 1 patch of every batch holds tumour.
		for (int step = 0; step < straight.size(); step++) {
			boolean tumour = false;
			for (int i = 2 * 512; i < 3 * 512; i++) {
				tumour |= straight.get(step).labels()[i] != 0;
			}
			assertTrue(tumour, "step " + step);
		}
	}

	@Test
	void splitIsDeterministicDisjointAndComplete() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add("case" + i);
		}
		CaseSplit a = CaseSplit.of(ids, 0.2, 9);
		List<String> reversed = new ArrayList<>(ids);
		java.util.Collections.reverse(reversed);
		CaseSplit b = CaseSplit.of(reversed, 0.2, 9);
		assertEquals(a, b);
		assertEquals(4, a.validation().size());
		Set<String> all = new HashSet<>(a.training());
		all.addAll(a.validation());
		assertEquals(new HashSet<>(ids), all);
		assertNotEquals(a, CaseSplit.of(ids, 0.2, 10));
		assertEquals(1, CaseSplit.of(List.of("a", "b"), 0.01, 1).validation().size());
	}
}

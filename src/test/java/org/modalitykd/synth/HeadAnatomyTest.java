/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;

/** The skull and scalp around each anatomy's brain, and the distance transform they are built with. */
class HeadAnatomyTest {

	/**
	 * Walking out from the brain's centre along the six axis directions but down (the
	 * skull base and neck are open), one leaves the brain, meets bone within 15 mm and
	 * then reaches air; the bone's volume is that of an adult skull's vault and base (300-900 mL).
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "colin27", "parametric" })
	void aSkullSurroundsTheBrain(String anatomy) {
		HeadMaps head = SynthFixtures.head(anatomy);
		TissueMaps brain = anatomy.equals("colin27") ? SynthFixtures.colin27(1) : SynthFixtures.parametric(1);
		Geometry g = head.geometry();
		double bone = 0;
		double[] centre = new double[3];
		double weight = 0;
		for (int p = 0; p < head.bone().length; p++) {
			bone += head.bone()[p];
			float b = brain.brain(p);
			centre[0] += b * (p % g.nx());
			centre[1] += b * ((p / g.nx()) % g.ny());
			centre[2] += b * (p / (g.nx() * g.ny()));
			weight += b;
		}
		double boneMl = bone * g.voxelVolumeMl();
		assertTrue(boneMl > 300 && boneMl < 900, anatomy + ": skull " + boneMl + " mL");
		int[] c = { (int) (centre[0] / weight), (int) (centre[1] / weight), (int) (centre[2] / weight) };
		int[][] directions = { { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 } };
		for (int[] d : directions) {
			int[] at = c.clone();
			int step = 0;
			while (brain.brain(index(g, at)) >= 0.5f) {
				move(at, d);
				step++;
			}
			int leftBrain = step;
			double maxBone = 0;
			boolean air = false;
			while (inside(g, at)) {
				int p = index(g, at);
				if (step - leftBrain <= 15) {
					maxBone = Math.max(maxBone, head.bone()[p]);
				}
				if (brain.brain(p) + head.tissue(p) < 0.01f && maxBone > 0) {
					air = true;
					break;
				}
				move(at, d);
				step++;
			}
			assertTrue(maxBone >= 0.5, anatomy + ": bone within 15 mm of the brain towards " + java.util.Arrays.toString(d)
				+ ": " + maxBone);
			assertTrue(air, anatomy + ": air beyond the skull towards " + java.util.Arrays.toString(d));
		}
	}

	@Test
	void distancesMatchABruteForceSearch() {
		int[] dims = { 13, 9, 7 };
		double[] spacing = { 1.0, 1.5, 2.0 };
		Geometry g = new Geometry(dims, spacing, Affine.ofRowMajor(1, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1));
		boolean[] set = new boolean[13 * 9 * 7];
		SplittableRandom rng = new SplittableRandom(3);
		for (int i = 0; i < 6; i++) {
			set[rng.nextInt(set.length)] = true;
		}
		float[] d = DistanceMap.to(set, g);
		for (int p = 0; p < set.length; p++) {
			double best = Double.POSITIVE_INFINITY;
			for (int q = 0; q < set.length; q++) {
				if (set[q]) {
					double dx = (p % 13 - q % 13) * spacing[0];
					double dy = ((p / 13) % 9 - (q / 13) % 9) * spacing[1];
					double dz = (p / 117 - q / 117) * spacing[2];
					best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
				}
			}
			assertEquals(best, d[p], 1e-4, "voxel " + p);
		}
	}

	private static int index(Geometry g, int[] at) {
		return at[0] + g.nx() * (at[1] + g.ny() * at[2]);
	}

	private static boolean inside(Geometry g, int[] at) {
		return at[0] >= 0 && at[1] >= 0 && at[2] >= 0 && at[0] < g.nx() && at[1] < g.ny() && at[2] < g.nz();
	}

	private static void move(int[] at, int[] d) {
		for (int i = 0; i < 3; i++) {
			at[i] += d[i];
		}
	}
}

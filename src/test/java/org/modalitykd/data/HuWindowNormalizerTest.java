/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

/** CT's normalisation: a fixed Hounsfield window scaled to [0, 1]; and the check that a CT is in HU. */
class HuWindowNormalizerTest {

	private static final Geometry G = new Geometry(new int[] { 4, 2, 1 }, new double[] { 1, 1, 1 }, Affine.identity());

	@Test
	void clipsToTheWindowAndScalesToZeroOne() {
		float[] hu = { -1000, -100, -40, 50, 200, 1500, Float.NaN, 20 };
		float[] out = HuWindowNormalizer.standard().normalise(hu);
		// By hand: (clip(v, -100, 200) + 100) / 300.
		assertArrayEquals(new float[] { 0, 0, 0.2f, 0.5f, 1, 1, 0, 0.4f }, out, 1e-6f);
		assertThrows(IllegalArgumentException.class, () -> new HuWindowNormalizer(200, -100));
	}

	@Test
	void ctChannelsAreWindowedAndMriChannelsZScored() {
		float[] ct = { -1000, -100, 0, 40, 80, 1200, -1000, 30 };
		float[] t1 = { 0, 0, 300, 500, 700, 0, 0, 400 };
		Volume v = new Volume(G, List.of("t1", "ct"), new float[][] { t1, ct });
		Volume out = HuWindowNormalizer.standard().apply(v);
		assertArrayEquals(ZScoreNormalizer.normalise(t1), out.channel("t1"));
		assertArrayEquals(HuWindowNormalizer.standard().normalise(ct), out.channel("ct"));
		assertEquals(0f, out.channel("ct")[0], "air is the network's background, 0");
	}

	@Test
	void aHeadCtPassesTheCheckAndMriOrOtherScalesDoNot() {
		int n = 1000;
		float[] ct = new float[n];
		float[] mri = new float[n];
		float[] raw = new float[n];
		float[] tenth = new float[n];
		for (int i = 0; i < n; i++) {
			// A head CT: a third air, some fat, brain, a little bone.
			ct[i] = i < 330 ? -1000 : i < 380 ? -100 : i < 900 ? 35 : 1200;
			mri[i] = i < 330 ? 0 : 400 + i;
			raw[i] = ct[i] + 1024;
			tenth[i] = ct[i] * 10;
		}
		assertNull(HounsfieldCheck.problem(ct));
		String mriProblem = HounsfieldCheck.problem(mri);
		assertNotNull(mriProblem);
		assertTrue(mriProblem.contains("no air"), mriProblem);
		assertNotNull(HounsfieldCheck.problem(raw), "a CT stored without its -1024 intercept");
		String scaled = HounsfieldCheck.problem(tenth);
		assertTrue(scaled != null && scaled.contains("not Hounsfield units"), scaled);
		assertNotNull(HounsfieldCheck.problem(new float[] { Float.NaN }));
	}

	@Test
	void aCtScaledToZeroOneIsNamedAsSuchWithItsValues() {
		float[] ct = new float[1000];
		float[] unit = new float[ct.length];
		for (int i = 0; i < ct.length; i++) {
			ct[i] = i < 330 ? -1000 : i < 380 ? -100 : i < 900 ? 35 : 1200;
			unit[i] = (ct[i] + 1000) / 2200;
		}
		assertEquals("holds values 0 to 1 only: a rescaled or normalised image, not Hounsfield units, in which a head "
			+ "CT spans air (-1000) to bone (over 300)", HounsfieldCheck.problem(unit));
		String eightBit = HounsfieldCheck.problem(new float[] { 0, 255 });
		assertTrue(eightBit.contains("values 0 to 255)"), "numbers without trailing zeros: " + eightBit);
		assertEquals("1517.25", HounsfieldCheck.number(1517.25));
		assertEquals("-1024", HounsfieldCheck.number(-1024));
		assertEquals("0.5", HounsfieldCheck.number(0.5));
	}
}

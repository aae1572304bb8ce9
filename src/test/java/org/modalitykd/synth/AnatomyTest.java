/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;

/** Both anatomies give a brain of plausible size and composition; the choice falls back cleanly. */
class AnatomyTest {

	@TempDir
	Path empty;

	/** Volumes in mL of CSF, GM, WM. */
	private static double[] volumes(TissueMaps t) {
		double[] v = new double[3];
		for (int p = 0; p < t.csf().length; p++) {
			v[0] += t.csf()[p];
			v[1] += t.grey()[p];
			v[2] += t.white()[p];
			float sum = t.csf()[p] + t.grey()[p] + t.white()[p];
			assertTrue(t.csf()[p] >= 0 && t.grey()[p] >= 0 && t.white()[p] >= 0 && sum <= 1.0001f, "fractions at " + p);
		}
		for (int c = 0; c < 3; c++) {
			v[c] *= t.geometry().voxelVolumeMl();
		}
		return v;
	}

	private static void assertBrainLike(double[] ml, String what) {
		double total = ml[0] + ml[1] + ml[2];
		assertTrue(total > 1100 && total < 1900, what + ": brain of " + total + " mL");
		assertTrue(ml[0] / total > 0.05 && ml[0] / total < 0.25, what + ": CSF share " + ml[0] / total);
		assertTrue(ml[1] / total > 0.25 && ml[1] / total < 0.55, what + ": GM share " + ml[1] / total);
		assertTrue(ml[2] / total > 0.3 && ml[2] / total < 0.65, what + ": WM share " + ml[2] / total);
	}

	@Test
	void parametricHeadNeedsNothingInstalledAndIsBrainSized() {
		AnatomySource source = AnatomyChoice.AUTO.resolve(empty);
		assertInstanceOf(ParametricHead.class, source, "auto falls back to the phantom without Colin27");
		assertEquals("parametric", source.name());
		TissueMaps t = SynthFixtures.parametric(3);
		assertBrainLike(volumes(t), "phantom");
	}

	@Test
	void colin27IsClassifiedIntoPlausibleTissueVolumes() throws IOException {
		References.mricron(Colin27Anatomy.T1_FILE);
		AnatomySource source = AnatomyChoice.AUTO.resolve(References.MRICRON);
		assertInstanceOf(Colin27Anatomy.class, source, "auto prefers Colin27 when installed");
		TissueMaps native1mm = source.tissues();
		assertEquals(181, native1mm.geometry().nx());
		double[] fine = volumes(native1mm);
		assertBrainLike(fine, "Colin27");
		// Resampling to a coarser grid keeps each tissue's volume (partial volume, not point samples).
		double[] coarse = volumes(SynthFixtures.colin27(3));
		for (int c = 0; c < 3; c++) {
			assertEquals(fine[c], coarse[c], 0.02 * fine[c], "tissue " + c + " volume at 3 mm");
		}
	}

	@Test
	void explicitColin27WithoutTheFilesSaysHowToGetThem() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnatomyChoice.COLIN27.resolve(empty));
		assertTrue(e.getMessage().contains("mricron-data") && e.getMessage().contains("parametric"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> AnatomyChoice.parse("mni"));
		assertEquals(AnatomyChoice.PARAMETRIC, AnatomyChoice.parse("Parametric"));
	}

	@Test
	void unmixingFindsTheThreeClassCentresAndMixesBetweenThem() {
		SplittableRandom rng = new SplittableRandom(3);
		float[] values = new float[30_000];
		double[] centres = { 30, 80, 110 };
		int[] share = { 3_000, 14_000, 13_000 };
		for (int c = 0, i = 0; c < 3; c++) {
			for (int n = 0; n < share[c]; n++) {
				values[i++] = (float) (centres[c] + 4 * rng.nextGaussian());
			}
		}
		TissueUnmixing u = TissueUnmixing.fit(values);
		assertEquals(30, u.csfCentre(), 0.5);
		assertEquals(80, u.greyCentre(), 0.5);
		assertEquals(110, u.whiteCentre(), 0.5);
		float[] csf = new float[1];
		float[] grey = new float[1];
		float[] white = new float[1];
		u.unmix((u.greyCentre() + u.whiteCentre()) / 2, 0, csf, grey, white);
		assertEquals(0, csf[0]);
		assertEquals(0.5, grey[0], 1e-6);
		assertEquals(0.5, white[0], 1e-6);
	}
}

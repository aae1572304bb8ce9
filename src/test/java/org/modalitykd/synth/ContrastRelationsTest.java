/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modalitykd.synth.SynthFixtures.FLAIR;
import static org.modalitykd.synth.SynthFixtures.T1;
import static org.modalitykd.synth.SynthFixtures.T1CE;
import static org.modalitykd.synth.SynthFixtures.T2;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each tumour sub-region shows where real MRI shows it, measured on generated images:
 * mean intensities per tissue, per case (a case's scaling and bias are its own).
 * Normal tissue is taken where the case's tissue maps are nearly pure and unlabelled
 * (grey matter: little CSF, whose partial volume would brighten it on T2).
 */
class ContrastRelationsTest {

	/** Mean intensity per modality of: WM, GM, CSF, edema, enhancing tumour. */
	private record Means(double[] wm, double[] gm, double[] csf, double[] edema, double[] enhancing) {
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "colin27", "parametric" })
	void subRegionsShowInTheModalitiesWhereMriShowsThem(String anatomy) {
		List<SyntheticCase> cases = SynthFixtures.cases(anatomy, 3, 7, 8);
		int withEnhancement = 0;
		for (SyntheticCase c : cases) {
			Means m = measure(c);
			String id = anatomy + " " + c.id();
			// FLAIR: fluid suppressed, edema brightest.
			assertTrue(m.edema()[FLAIR] > 1.1 * m.gm()[FLAIR], id + ": FLAIR edema " + m.edema()[FLAIR] + " vs GM " + m.gm()[FLAIR]);
			assertTrue(m.csf()[FLAIR] < 0.6 * m.gm()[FLAIR], id + ": FLAIR CSF " + m.csf()[FLAIR] + " vs GM " + m.gm()[FLAIR]);
			// T2: CSF brightest of normal tissue and edema; WM darkest.
			assertTrue(m.csf()[T2] > Math.max(m.gm()[T2], m.edema()[T2]) && m.gm()[T2] > m.wm()[T2], id + ": T2 CSF > GM > WM, CSF > edema");
			assertTrue(m.edema()[T2] > m.gm()[T2], id + ": T2 edema bright");
			// T1: WM > GM > CSF.
			assertTrue(m.wm()[T1] > m.gm()[T1] && m.gm()[T1] > m.csf()[T1], id + ": T1 WM > GM > CSF");
			if (c.labelVolumeMl(4) > 0) {
				withEnhancement++;
				assertTrue(m.enhancing()[T1CE] > 1.05 * m.wm()[T1CE], id + ": T1ce ET " + m.enhancing()[T1CE] + " vs WM " + m.wm()[T1CE]);
				// Before contrast the enhancing rim is about as bright as grey matter: hard to see.
				assertTrue(Math.abs(m.enhancing()[T1] - m.gm()[T1]) < 0.15 * m.wm()[T1],
					id + ": T1 ET " + m.enhancing()[T1] + " vs GM " + m.gm()[T1]);
				assertTrue(m.enhancing()[T1CE] > 1.3 * m.enhancing()[T1] * m.wm()[T1CE] / m.wm()[T1],
					id + ": contrast agent brightens the rim relative to WM");
			}
		}
		assertTrue(withEnhancement >= 4, "enough enhancing cases were checked: " + withEnhancement);
	}

	private static Means measure(SyntheticCase c) {
		double[][] sum = new double[5][4];
		long[] count = new long[5];
		TissueMaps t = c.tissues();
		byte[] labels = c.labels().labels();
		float[][] images = new float[4][];
		for (int m = 0; m < 4; m++) {
			images[m] = c.images().channel(m);
		}
		for (int p = 0; p < labels.length; p++) {
			if (images[0][p] == 0) {
				continue;
			}
			int cls = switch (labels[p]) {
				case 0 -> t.white()[p] > 0.9f ? 0 : t.grey()[p] > 0.75f && t.csf()[p] < 0.1f ? 1 : t.csf()[p] > 0.9f ? 2 : -1;
				case 2 -> 3;
				case 4 -> 4;
				default -> -1;
			};
			if (cls < 0) {
				continue;
			}
			count[cls]++;
			for (int m = 0; m < 4; m++) {
				sum[cls][m] += images[m][p];
			}
		}
		double[][] mean = new double[5][4];
		for (int cls = 0; cls < 5; cls++) {
			for (int m = 0; m < 4; m++) {
				mean[cls][m] = count[cls] > 0 ? sum[cls][m] / count[cls] : Double.NaN;
			}
		}
		for (int cls = 0; cls < 4; cls++) {
			assertTrue(count[cls] >= 20, c.id() + ": class " + cls + " has only " + count[cls] + " voxels");
		}
		return new Means(mean[0], mean[1], mean[2], mean[3], mean[4]);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modalitykd.volume.Geometry;

/** The label maps follow the BraTS convention and the configured tumour model. */
class LabelRelationsTest {

	private static final double SPACING = 3;

	private static List<SyntheticCase> cases() {
		return SynthFixtures.cases("parametric", SPACING, 11, 12);
	}

	@Test
	void labelsAreOnlyBratsValuesAndTumourLiesInsideTheBrainImage() {
		for (SyntheticCase c : cases()) {
			long[] h = c.labels().histogram();
			for (int v = 0; v < h.length; v++) {
				if (v != 0 && v != 1 && v != 2 && v != 4) {
					assertEquals(0, h[v], c.id() + ": label " + v);
				}
			}
			assertTrue(h[2] > 0 || h[1] > 0, c.id() + " has a tumour");
			byte[] l = c.labels().labels();
			for (int m = 0; m < 4; m++) {
				float[] image = c.images().channel(m);
				for (int p = 0; p < l.length; p++) {
					if (l[p] != 0) {
						assertTrue(image[p] > 0, c.id() + ": tumour voxel " + p + " outside the brain of " + c.images().channelNames().get(m));
					}
				}
			}
		}
	}

	@Test
	void regionsNestEtInTcInWt() {
		long coreFaces = 0;
		long coreFacesOnTissue = 0;
		for (SyntheticCase c : cases()) {
			double wt = c.labelVolumeMl(1) + c.labelVolumeMl(2) + c.labelVolumeMl(4);
			double tc = c.labelVolumeMl(1) + c.labelVolumeMl(4);
			double et = c.labelVolumeMl(4);
			assertTrue(et < tc && tc < wt || !c.enhancing() && et == 0 && tc < wt, c.id() + ": ET < TC < WT");
			byte[] l = c.labels().labels();
			Geometry g = c.labels().geometry();
			int[] offsets = { 1, -1, g.nx(), -g.nx(), g.nx() * g.ny(), -g.nx() * g.ny() };
			for (int p = 0; p < l.length; p++) {
				if (l[p] == 0 || l[p] == 2 || onBorder(g, p)) {
					continue;
				}
				for (int o : offsets) {
					int q = l[p + o];
					if (c.enhancing() && l[p] == 1) {
						// Necrosis is enclosed by the enhancing rim on every side.
						assertTrue(q == 1 || q == 4, c.id() + ": necrotic voxel " + p + " touches label " + q);
					}
					if (q != 1 && q != 4) {
						coreFaces++;
						if (q == 0 && c.tissues().parenchyma(p + o) >= 0.5f) {
							coreFacesOnTissue++;
						}
					}
				}
			}
		}
		// Edema surrounds the core, except where the core meets fluid or edema ran short.
		assertTrue(coreFacesOnTissue < 0.2 * coreFaces, "core faces on unlabelled tissue: " + coreFacesOnTissue + " of " + coreFaces);
	}

	@Test
	void eachLesionIsOneConnectedBlob() {
		for (SyntheticCase c : cases()) {
			assertEquals(c.lesions().size(), components(c.labels().labels(), c.labels().geometry()),
				c.id() + ": connected whole-tumour regions");
		}
	}

	/** Number of 6-connected regions of non-zero labels (breadth-first search). */
	private static int components(byte[] labels, Geometry g) {
		boolean[] seen = new boolean[labels.length];
		int[] queue = new int[labels.length];
		int nx = g.nx();
		int ny = g.ny();
		int count = 0;
		for (int start = 0; start < labels.length; start++) {
			if (labels[start] == 0 || seen[start]) {
				continue;
			}
			count++;
			int head = 0;
			int tail = 0;
			queue[tail++] = start;
			seen[start] = true;
			while (head < tail) {
				int p = queue[head++];
				int i = p % nx;
				int j = (p / nx) % ny;
				int k = p / (nx * ny);
				int[] next = { i > 0 ? p - 1 : -1, i < nx - 1 ? p + 1 : -1, j > 0 ? p - nx : -1, j < ny - 1 ? p + nx : -1,
					k > 0 ? p - nx * ny : -1, k < g.nz() - 1 ? p + nx * ny : -1 };
				for (int q : next) {
					if (q >= 0 && labels[q] != 0 && !seen[q]) {
						seen[q] = true;
						queue[tail++] = q;
					}
				}
			}
		}
		return count;
	}

	@Test
	void lesionVolumesStayInTheConfiguredRange() {
		TumourSettings standard = TumourSettings.standard();
		double voxelMl = SynthFixtures.parametric(SPACING).geometry().voxelVolumeMl();
		int lesions = 0;
		for (SyntheticCase c : cases()) {
			double wt = 0;
			double tc = 0;
			double et = 0;
			for (Lesion lesion : c.lesions()) {
				lesions++;
				assertTrue(lesion.wholeTumourMl() >= standard.minWholeTumourMl() - voxelMl
					&& lesion.wholeTumourMl() <= standard.maxWholeTumourMl() + voxelMl, c.id() + ": " + lesion);
				assertTrue(lesion.enhancingMl() <= lesion.coreMl() && lesion.coreMl() < lesion.wholeTumourMl(), c.id() + ": " + lesion);
				wt += lesion.wholeTumourMl();
				tc += lesion.coreMl();
				et += lesion.enhancingMl();
			}
			assertEquals(c.labelVolumeMl(1) + c.labelVolumeMl(2) + c.labelVolumeMl(4), wt, 1e-9, c.id() + " WT");
			assertEquals(c.labelVolumeMl(1) + c.labelVolumeMl(4), tc, 1e-9, c.id() + " TC");
			assertEquals(c.labelVolumeMl(4), et, 1e-9, c.id() + " ET");
		}
		assertTrue(lesions >= 12);
	}

	@Test
	void drawnVolumesAreMetToAVoxel() {
		TissueMaps reference = SynthFixtures.parametric(SPACING);
		double voxelMl = reference.geometry().voxelVolumeMl();
		for (double ml : new double[] { 1, 30, 100 }) {
			CaseGenerator generator = new CaseGenerator(reference, new TumourSettings(ml, ml, 0, 0));
			SyntheticCase c = generator.generate("fixed", 5);
			double wt = c.labelVolumeMl(1) + c.labelVolumeMl(2) + c.labelVolumeMl(4);
			assertEquals(ml, wt, voxelMl, "whole tumour of a " + ml + " mL lesion");
		}
	}

	@Test
	void enhancementFreeAndSecondLesionsFollowTheirProbabilities() {
		TissueMaps reference = SynthFixtures.parametric(SPACING);
		CaseGenerator never = new CaseGenerator(reference, new TumourSettings(5, 20, 1, 1));
		CaseGenerator always = new CaseGenerator(reference, new TumourSettings(5, 20, 0, 0));
		List<SyntheticCase> free = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			free.add(never.generate("free" + i, 100 + i));
			SyntheticCase enhancing = always.generate("enh" + i, 200 + i);
			assertTrue(enhancing.enhancing() && enhancing.labelVolumeMl(4) > 0, enhancing.id());
			assertEquals(1, enhancing.lesions().size(), enhancing.id());
		}
		for (SyntheticCase c : free) {
			assertFalse(c.enhancing());
			assertEquals(0, c.labelVolumeMl(4), c.id() + " has no enhancing tumour");
			assertTrue(c.labelVolumeMl(1) > 0, c.id() + " has a non-enhancing core");
			assertEquals(2, c.lesions().size(), c.id() + ": two lesions fit in a brain");
			double[] a = c.lesions().get(0).centreMm();
			double[] b = c.lesions().get(1).centreMm();
			double d = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
			assertTrue(d > 20, c.id() + ": lesions " + d + " mm apart");
		}
	}

	private static boolean onBorder(Geometry g, int p) {
		int i = p % g.nx();
		int j = (p / g.nx()) % g.ny();
		int k = p / (g.nx() * g.ny());
		return i == 0 || j == 0 || k == 0 || i == g.nx() - 1 || j == g.ny() - 1 || k == g.nz() - 1;
	}
}

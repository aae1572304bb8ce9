/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modalitykd.volume.Geometry;

/**
 * The synthetic CT shows each tissue at its Hounsfield units, measured on generated
 * cases (3 mm, both anatomies): mean HU per tissue where the case's tissue maps are
 * nearly pure and neither bone nor air lies in the 3 x 3 x 3 neighbourhood (the
 * point-spread blur would carry their 1,700 and -1,000 HU into their neighbours), tumour sub-regions where all six
 * neighbours have the same label (the rim also over all its voxels), and the ordering of a contrast-enhanced head
 * CT: bone &gt; enhancing rim &gt; grey &gt; white &gt; core, edema &gt; CSF &gt; fat &gt; air.
 */
class CtContrastRelationsTest {

	private static final List<String> BOTH = List.of("t1", "t1ce", "t2", "flair", "ct");

	private enum Kind {
		AIR, FAT, CSF, WM, GM, EDEMA, CORE, ENHANCING, BONE, RIM
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "colin27", "parametric" })
	void tissuesHaveTheirHounsfieldUnits(String anatomy) {
		List<SyntheticCase> cases = SynthFixtures.cases(anatomy, 3, 7, 8, BOTH);
		int withEnhancement = 0;
		int withEdema = 0;
		for (SyntheticCase c : cases) {
			double[] m = measure(c, 5);
			String id = anatomy + " " + c.id() + " " + describe(m);
			assertInRange(m, Kind.AIR, -1005, -995, id);
			// The phantom's scalp fat (4 mm) has no voxel of pure fat at 3 mm; Colin27's has.
			if (anatomy.equals("colin27") || !Double.isNaN(m[Kind.FAT.ordinal()])) {
				assertInRange(m, Kind.FAT, -130, -60, id);
			}
			assertInRange(m, Kind.CSF, 0, 15, id);
			assertInRange(m, Kind.WM, 21, 31, id);
			assertInRange(m, Kind.GM, 31, 42, id);
			assertTrue(m[Kind.BONE.ordinal()] > 500, id + ": bone");
			assertTrue(max(c.images().channel("ct")) > 1000, id + ": the densest bone is over 1,000 HU");
			// Tumour: edema and core hypodense (below white matter), above CSF.
			if (!Double.isNaN(m[Kind.EDEMA.ordinal()])) {
				withEdema++;
				assertTrue(m[Kind.EDEMA.ordinal()] < m[Kind.WM.ordinal()] - 3 && m[Kind.EDEMA.ordinal()] > m[Kind.CSF.ordinal()],
					id + ": edema hypodense");
			}
			if (!Double.isNaN(m[Kind.CORE.ordinal()])) {
				assertTrue(m[Kind.CORE.ordinal()] < m[Kind.WM.ordinal()] && m[Kind.CORE.ordinal()] > m[Kind.CSF.ordinal()],
					id + ": core hypodense");
			}
			assertTrue(m[Kind.GM.ordinal()] > m[Kind.WM.ordinal()] + 3, id + ": grey above white");
			assertTrue(!(m[Kind.CSF.ordinal()] <= m[Kind.FAT.ordinal()]) && !(m[Kind.FAT.ordinal()] <= m[Kind.AIR.ordinal()]), id);
			if (c.labelVolumeMl(4) > 0) {
				withEnhancement++;
				// Over the whole rim, thin as it is at 3 mm and blurred with the core; inside it, more.
				assertTrue(m[Kind.RIM.ordinal()] > m[Kind.GM.ordinal()] + 5, id + ": the rim enhances");
				if (!Double.isNaN(m[Kind.ENHANCING.ordinal()])) {
					assertTrue(m[Kind.ENHANCING.ordinal()] > m[Kind.GM.ordinal()] + 15, id + ": the rim enhances");
				}
				assertTrue(m[Kind.BONE.ordinal()] > m[Kind.RIM.ordinal()], id);
			}
		}
		assertTrue(withEnhancement >= 4, "enough enhancing cases were checked: " + withEnhancement);
		assertTrue(withEdema >= 4, "enough cases with edema were checked: " + withEdema);
	}

	/** CT has no bias field: white matter reads the same HU at the front and back, left and right. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "colin27", "parametric" })
	void noBiasFieldAndNoiseOfAFewHu(String anatomy) {
		for (SyntheticCase c : SynthFixtures.cases(anatomy, 3, 7, 8, BOTH)) {
			float[] ct = c.images().channel("ct");
			TissueMaps t = c.tissues();
			Geometry g = c.images().geometry();
			double[][] sum = new double[2][2];
			long[][] n = new long[2][2];
			byte[] labels = c.labels().labels();
			for (int p = 0; p < ct.length; p++) {
				if (labels[p] == 0 && t.white()[p] > 0.9f) {
					int i = p % g.nx();
					int j = (p / g.nx()) % g.ny();
					sum[0][i < g.nx() / 2 ? 0 : 1] += ct[p];
					n[0][i < g.nx() / 2 ? 0 : 1]++;
					sum[1][j < g.ny() / 2 ? 0 : 1] += ct[p];
					n[1][j < g.ny() / 2 ? 0 : 1]++;
				}
			}
			for (int axis = 0; axis < 2; axis++) {
				double a = sum[axis][0] / n[axis][0];
				double b = sum[axis][1] / n[axis][1];
				assertEquals(a, b, 1.5, c.id() + ": white matter HU on both halves along axis " + axis);
			}
			// Noise: the air in the grid's corner is -1000 HU with a standard deviation of a few HU.
			double s = 0;
			double s2 = 0;
			int count = 0;
			for (int k = 0; k < 3; k++) {
				for (int j = 0; j < 3; j++) {
					for (int i = 0; i < 3; i++) {
						double v = ct[i + g.nx() * (j + g.ny() * k)];
						s += v;
						s2 += v * v;
						count++;
					}
				}
			}
			double sd = Math.sqrt(s2 / count - (s / count) * (s / count));
			assertTrue(sd >= 1 && sd <= 7, c.id() + ": noise " + sd + " HU");
		}
	}

	/** MRI-only, CT-only and both: the same case, the MRI byte for byte, the CT the same with or without MRI. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "parametric" })
	void askingForCtChangesNoOtherImage(String anatomy) {
		List<SyntheticCase> mri = SynthFixtures.cases(anatomy, 3, 7, 2);
		List<SyntheticCase> both = SynthFixtures.cases(anatomy, 3, 7, 2, BOTH);
		List<SyntheticCase> ctOnly = SynthFixtures.cases(anatomy, 3, 7, 2, List.of("ct"));
		for (int i = 0; i < mri.size(); i++) {
			assertEquals(List.of("ct"), ctOnly.get(i).images().channelNames());
			assertArrayEquals(mri.get(i).labels().labels(), ctOnly.get(i).labels().labels());
			assertArrayEquals(mri.get(i).labels().labels(), both.get(i).labels().labels());
			for (String m : ContrastTable.MODALITIES) {
				assertArrayEquals(mri.get(i).images().channel(m), both.get(i).images().channel(m), m);
			}
			assertArrayEquals(both.get(i).images().channel("ct"), ctOnly.get(i).images().channel("ct"));
		}
	}

	private static void assertInRange(double[] m, Kind k, double lo, double hi, String id) {
		double v = m[k.ordinal()];
		assertTrue(v >= lo && v <= hi, id + ": " + k + " " + v + " HU, expected " + lo + " to " + hi);
	}

	private static String describe(double[] m) {
		StringBuilder b = new StringBuilder("[");
		for (Kind k : Kind.values()) {
			b.append(String.format(Locale.ROOT, " %s %.1f", k, m[k.ordinal()]));
		}
		return b.append(" ]").toString();
	}

	private static double max(float[] v) {
		double m = Double.NEGATIVE_INFINITY;
		for (float x : v) {
			m = Math.max(m, x);
		}
		return m;
	}

	/** Mean HU per {@link Kind}; NaN where no voxel qualifies. */
	private static double[] measure(SyntheticCase c, int minVoxels) {
		TissueMaps t = c.tissues();
		HeadMaps h = c.head();
		Geometry g = c.images().geometry();
		float[] ct = c.images().channel("ct");
		byte[] labels = c.labels().labels();
		float[] extreme = new float[ct.length];
		for (int p = 0; p < ct.length; p++) {
			extreme[p] = Math.max(h.bone()[p], 1 - t.brain(p) - h.tissue(p));
		}
		boolean[] nearExtreme = near(extreme, g.dims(), 1);
		double[] sum = new double[Kind.values().length];
		long[] count = new long[sum.length];
		for (int p = 0; p < ct.length; p++) {
			float brain = t.brain(p);
			float air = 1 - brain - h.tissue(p);
			Kind k = null;
			if (h.bone()[p] > 0.6f) {
				k = Kind.BONE;
			} else if (air > 0.99f) {
				k = Kind.AIR;
			} else if (nearExtreme[p]) {
				continue;
			} else if (h.fat()[p] > 0.8f) {
				k = Kind.FAT;
			} else if (brain > 0.99f) {
				if (labels[p] == 4) {
					sum[Kind.RIM.ordinal()] += ct[p];
					count[Kind.RIM.ordinal()]++;
				}
				k = !interior(labels, p, g.dims()) ? null : switch (labels[p]) {
					case 0 -> t.white()[p] > 0.9f ? Kind.WM : t.grey()[p] > 0.75f && t.csf()[p] < 0.1f ? Kind.GM
						: t.csf()[p] > 0.9f ? Kind.CSF : null;
					case 1 -> Kind.CORE;
					case 2 -> Kind.EDEMA;
					case 4 -> Kind.ENHANCING;
					default -> null;
				};
			}
			if (k != null) {
				sum[k.ordinal()] += ct[p];
				count[k.ordinal()]++;
			}
		}
		double[] mean = new double[sum.length];
		for (int k = 0; k < sum.length; k++) {
			mean[k] = count[k] >= minVoxels ? sum[k] / count[k] : Double.NaN;
		}
		for (Kind k : List.of(Kind.AIR, Kind.CSF, Kind.WM, Kind.GM, Kind.BONE)) {
			assertTrue(count[k.ordinal()] >= minVoxels, c.id() + ": " + k + " has only " + count[k.ordinal()] + " voxels");
		}
		return mean;
	}

	/** Whether the six face neighbours of {@code p} have its label (false at the grid's edge). */
	private static boolean interior(byte[] labels, int p, int[] dims) {
		int nx = dims[0];
		int plane = nx * dims[1];
		int i = p % nx;
		int j = (p / nx) % dims[1];
		int k = p / plane;
		if (i == 0 || j == 0 || k == 0 || i == nx - 1 || j == dims[1] - 1 || k == dims[2] - 1) {
			return false;
		}
		byte l = labels[p];
		return labels[p - 1] == l && labels[p + 1] == l && labels[p - nx] == l && labels[p + nx] == l
			&& labels[p - plane] == l && labels[p + plane] == l;
	}

	/** Voxels with more than 3% of {@code share} within {@code reach} voxels (a cube). */
	private static boolean[] near(float[] share, int[] dims, int reach) {
		boolean[] out = new boolean[share.length];
		int nx = dims[0];
		int ny = dims[1];
		int nz = dims[2];
		for (int k = 0; k < nz; k++) {
			for (int j = 0; j < ny; j++) {
				for (int i = 0; i < nx; i++) {
					if (share[i + nx * (j + ny * k)] <= 0.03f) {
						continue;
					}
					for (int c = Math.max(0, k - reach); c <= Math.min(nz - 1, k + reach); c++) {
						for (int b = Math.max(0, j - reach); b <= Math.min(ny - 1, j + reach); b++) {
							for (int a = Math.max(0, i - reach); a <= Math.min(nx - 1, i + reach); a++) {
								out[a + nx * (b + ny * c)] = true;
							}
						}
					}
				}
			}
		}
		return out;
	}
}

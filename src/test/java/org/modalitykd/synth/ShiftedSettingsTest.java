/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modalitykd.synth.ShiftedSettingsTest.Compared.CSF;
import static org.modalitykd.synth.ShiftedSettingsTest.Compared.EDEMA;
import static org.modalitykd.synth.ShiftedSettingsTest.Compared.ET;
import static org.modalitykd.synth.ShiftedSettingsTest.Compared.GM;
import static org.modalitykd.synth.ShiftedSettingsTest.Compared.WM;
import static org.modalitykd.synth.SynthFixtures.FLAIR;
import static org.modalitykd.synth.SynthFixtures.T1;
import static org.modalitykd.synth.SynthFixtures.T1CE;
import static org.modalitykd.synth.SynthFixtures.T2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modalitykd.volume.Geometry;

/**
 * The shifted settings make cases outside the standard ranges where they say, measured
 * on generated images (3 mm, the same seeds as the standard cases of
 * {@link ContrastRelationsTest}): the bias field, the noise, the warp and the tumours
 * move as set, and the clinical orderings still hold in every case.
 */
class ShiftedSettingsTest {

	private static final long SEED = 7;
	private static final int CASES = 8;

	private static List<SyntheticCase> standard(String anatomy) {
		return SynthFixtures.cases(anatomy, 3, SEED, CASES);
	}

	private static List<SyntheticCase> shifted(String anatomy) {
		return SynthFixtures.cases(anatomy, 3, SEED, CASES, GeneratorSettings.shifted());
	}

	@Test
	void onlyStandardAndShiftedAreNamedAndStandardIsWhatTheGeneratorAlwaysUsed() {
		assertEquals(GeneratorSettings.standard(), GeneratorSettings.named("standard"));
		assertEquals(ContrastTable.standard(), GeneratorSettings.standard().contrasts());
		assertEquals(GeneratorSettings.shifted(), GeneratorSettings.named("shifted"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.named("Shifted2"));
		assertTrue(e.getMessage().contains("standard or shifted"), e.getMessage());
		GeneratorSettings s = GeneratorSettings.standard();
		GeneratorSettings x = GeneratorSettings.shifted();
		// Every knob of the shifted settings lies outside the standard one's range, in its documented direction.
		assertEquals(3 * s.contrastJitter(), x.contrastJitter(), 1e-12);
		assertEquals(1, s.contrastGamma());
		assertTrue(x.contrastGamma() > 1);
		assertEquals(2 * s.biasStrength(), x.biasStrength(), 1e-12);
		assertTrue(x.minNoise() > s.maxNoise());
		assertEquals(1.5 * s.deformationScale(), x.deformationScale(), 1e-12);
		assertTrue(x.tumours().maxWholeTumourMl() >= 2 * s.tumours().maxWholeTumourMl());
		assertTrue(x.tumours().secondLesionProbability() > 2 * s.tumours().secondLesionProbability());
	}

	@Test
	void theSameSeedGivesAnotherCase() {
		SyntheticCase a = standard("parametric").get(0);
		SyntheticCase b = shifted("parametric").get(0);
		assertEquals(a.seed(), b.seed());
		for (String m : ContrastTable.MODALITIES) {
			assertFalse(Arrays.equals(a.images().channel(m), b.images().channel(m)), m);
		}
		assertFalse(Arrays.equals(a.labels().labels(), b.labels().labels()));
	}

	@Test
	void theBiasFieldVariesTwiceAsMuch() {
		// The same seed draws the same bias coefficients, scaled by the strength: the
		// spread of white matter between octants grows as the strength does.
		double standard = 0;
		double shifted = 0;
		for (int i = 0; i < CASES; i++) {
			for (int m : new int[] { T1, T1CE }) {
				standard += biasSpread(standard("parametric").get(i), m);
				shifted += biasSpread(shifted("parametric").get(i), m);
			}
		}
		double expected = GeneratorSettings.shifted().biasStrength() / GeneratorSettings.standard().biasStrength();
		double ratio = shifted / standard;
		assertTrue(Math.abs(ratio - expected) < 0.15 * expected, "bias spread ratio " + ratio + ", expected " + expected);
	}

	@Test
	void theNoiseLiesInTheShiftedRangeAboveTheStandardOne() {
		// Measured on T1 and T1ce, whose brightest normal tissue (the noise's reference) is
		// white matter in both tables whatever the jitter and gamma. The texture adds a
		// little (about 1% of white matter), the bias field moves the reference by a few
		// percent: hence 10% of room. The standard cases check the measurement.
		GeneratorSettings standard = GeneratorSettings.standard();
		GeneratorSettings shifted = GeneratorSettings.shifted();
		for (int i = 0; i < CASES; i++) {
			for (int m : new int[] { T1, T1CE }) {
				double s = relativeNoise(standard("parametric").get(i), m);
				double x = relativeNoise(shifted("parametric").get(i), m);
				String id = "case " + i + " modality " + m;
				assertTrue(s > 0.9 * standard.minNoise() && s < 1.1 * standard.maxNoise(), id + ": standard noise " + s);
				assertTrue(x > 0.9 * shifted.minNoise() && x < 1.1 * shifted.maxNoise(), id + ": shifted noise " + x);
				assertTrue(x > standard.maxNoise(), id + ": shifted noise " + x + " not above the standard's top");
			}
		}
	}

	@Test
	void theWarpMovesTheBrainHalfAsFarAgain() {
		// The same seed draws the same warp, its amplitudes times 1.5: the brain's centroid
		// (moved by the translation; rotation and scaling are about the centre) moves 1.5x as far.
		TissueMaps reference = SynthFixtures.parametric(3);
		double dot = 0;
		double norm = 0;
		for (int i = 0; i < CASES; i++) {
			double[] s = centroidShift(standard("parametric").get(i), reference);
			double[] x = centroidShift(shifted("parametric").get(i), reference);
			for (int d = 0; d < 3; d++) {
				dot += s[d] * x[d];
				norm += s[d] * s[d];
			}
		}
		double slope = dot / norm;
		assertTrue(norm / CASES > 1, "the standard warp moves the brain by " + Math.sqrt(norm / CASES) + " mm on average");
		assertEquals(GeneratorSettings.shifted().deformationScale(), slope, 0.15, "centroid shift ratio");
	}

	@Test
	void tumoursHaveTheShiftedVolumesAndMoreOftenTwoLesions() {
		TumourSettings t = GeneratorSettings.shifted().tumours();
		int aboveStandard = 0;
		int twoLesions = 0;
		for (SyntheticCase c : shifted("parametric")) {
			double voxel = c.labels().geometry().voxelVolumeMl();
			double sum = 0;
			for (Lesion l : c.lesions()) {
				assertTrue(l.wholeTumourMl() >= t.minWholeTumourMl() - voxel && l.wholeTumourMl() <= t.maxWholeTumourMl() + voxel,
					c.id() + ": lesion of " + l.wholeTumourMl() + " mL");
				aboveStandard += l.wholeTumourMl() > TumourSettings.standard().maxWholeTumourMl() ? 1 : 0;
				sum += l.wholeTumourMl();
			}
			// The lesions are what the label map holds.
			assertEquals(c.labelVolumeMl(1) + c.labelVolumeMl(2) + c.labelVolumeMl(4), sum, 1e-6, c.id());
			twoLesions += c.lesions().size() == 2 ? 1 : 0;
		}
		assertTrue(aboveStandard >= 2, aboveStandard + " lesions above the standard's largest");
		assertTrue(twoLesions >= 2, twoLesions + " cases with two lesions");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "colin27", "parametric" })
	void theClinicalOrderingsHoldInEveryShiftedCase(String anatomy) {
		int withEnhancement = 0;
		for (SyntheticCase c : shifted(anatomy)) {
			Compared[] cls = classes(c);
			String id = anatomy + " " + c.id();
			assertBrighter(c, cls, T1, WM, GM, id + ": T1 WM > GM");
			assertBrighter(c, cls, T1, GM, CSF, id + ": T1 GM > CSF");
			for (Compared other : List.of(GM, WM, EDEMA)) {
				assertBrighter(c, cls, T2, CSF, other, id + ": T2 CSF above " + other);
			}
			for (Compared other : List.of(GM, WM, CSF)) {
				assertBrighter(c, cls, FLAIR, EDEMA, other, id + ": FLAIR edema above " + other);
			}
			if (c.labelVolumeMl(4) > 0) {
				withEnhancement++;
				assertBrighter(c, cls, FLAIR, EDEMA, ET, id + ": FLAIR edema above the rim");
				for (Compared other : List.of(WM, GM, CSF, EDEMA)) {
					assertBrighter(c, cls, T1CE, ET, other, id + ": T1ce rim above " + other);
				}
			}
		}
		assertTrue(withEnhancement >= 4, "enough enhancing cases were checked: " + withEnhancement);
		assertTrue(compared > 0);
	}

	/** The tissues compared: normal tissue where the tissue maps are nearly pure, edema and the enhancing rim by label. */
	enum Compared {
		WM, GM, CSF, EDEMA, ET
	}

	/** Side of the blocks within which tissues are compared, voxels (24 mm at 3 mm). */
	private static final int BLOCK = 8;
	private int compared;

	/**
	 * Tissue {@code a} is brighter than {@code b} in modality {@code m} where both lie
	 * near each other: the mean log ratio of their means within blocks of 24 mm that
	 * hold both, weighted by the smaller count. Within a block the bias field (twice the
	 * standard's, up to about +-25% across the head) is nearly flat, so this compares
	 * the tissues as a reader does, side by side; a pair with no block in common (e.g.
	 * edema far from pure CSF) is not compared in that case.
	 */
	private void assertBrighter(SyntheticCase c, Compared[] cls, int m, Compared a, Compared b, String what) {
		Geometry g = c.images().geometry();
		float[] image = c.images().channel(m);
		int bx = (g.nx() + BLOCK - 1) / BLOCK;
		int by = (g.ny() + BLOCK - 1) / BLOCK;
		int bz = (g.nz() + BLOCK - 1) / BLOCK;
		double[][] sum = new double[2][bx * by * bz];
		int[][] count = new int[2][bx * by * bz];
		for (int p = 0; p < image.length; p++) {
			int k = cls[p] == a ? 0 : cls[p] == b ? 1 : -1;
			if (k < 0) {
				continue;
			}
			int i = p % g.nx();
			int j = (p / g.nx()) % g.ny();
			int z = p / (g.nx() * g.ny());
			int block = i / BLOCK + bx * (j / BLOCK + by * (z / BLOCK));
			sum[k][block] += image[p];
			count[k][block]++;
		}
		double logRatio = 0;
		double weight = 0;
		for (int block = 0; block < sum[0].length; block++) {
			int w = Math.min(count[0][block], count[1][block]);
			if (w >= 2) {
				logRatio += w * Math.log((sum[0][block] / count[0][block]) / (sum[1][block] / count[1][block]));
				weight += w;
			}
		}
		if (weight > 0) {
			compared++;
			assertTrue(logRatio / weight > 0, what + ": mean log ratio " + logRatio / weight + " over " + weight + " voxels");
		}
	}

	/**
	 * Per voxel: WM, GM, CSF where the case's tissue maps are nearly pure and the voxel
	 * unlabelled (as in {@link ContrastRelationsTest}), EDEMA and ET by label; else null.
	 */
	private static Compared[] classes(SyntheticCase c) {
		TissueMaps t = c.tissues();
		byte[] labels = c.labels().labels();
		float[] t1 = c.images().channel(T1);
		Compared[] cls = new Compared[labels.length];
		for (int p = 0; p < labels.length; p++) {
			cls[p] = t1[p] == 0 ? null : switch (labels[p]) {
				case 0 -> t.white()[p] > 0.9f ? WM : t.grey()[p] > 0.75f && t.csf()[p] < 0.1f ? GM : t.csf()[p] > 0.9f ? CSF : null;
				case 2 -> EDEMA;
				case 4 -> ET;
				default -> null;
			};
		}
		return cls;
	}

	/** Standard deviation over the octants about the brain's centre of the mean log intensity of pure white matter. */
	static double biasSpread(SyntheticCase c, int modality) {
		Geometry g = c.images().geometry();
		double[] centre = centroidIndex(c.tissues());
		float[] image = c.images().channel(modality);
		byte[] labels = c.labels().labels();
		float[] white = c.tissues().white();
		double[] sum = new double[8];
		int[] count = new int[8];
		int nx = g.nx();
		int ny = g.ny();
		for (int p = 0; p < image.length; p++) {
			if (labels[p] != 0 || white[p] < 0.95f || image[p] <= 0) {
				continue;
			}
			int o = (p % nx >= centre[0] ? 1 : 0) + ((p / nx) % ny >= centre[1] ? 2 : 0) + (p / (nx * ny) >= centre[2] ? 4 : 0);
			sum[o] += Math.log(image[p]);
			count[o]++;
		}
		List<Double> means = new ArrayList<>();
		for (int o = 0; o < 8; o++) {
			if (count[o] >= 10) {
				means.add(sum[o] / count[o]);
			}
		}
		assertTrue(means.size() >= 6, c.id() + ": white matter in only " + means.size() + " octants");
		double mean = means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		return Math.sqrt(means.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (means.size() - 1));
	}

	/**
	 * The noise of a modality whose brightest normal tissue is white matter, relative to
	 * white matter's mean: differences of neighbouring pure white-matter voxels along x
	 * (noise is independent per voxel, the bias field and texture are smooth), their
	 * standard deviation over sqrt 2.
	 */
	static double relativeNoise(SyntheticCase c, int modality) {
		Geometry g = c.images().geometry();
		float[] image = c.images().channel(modality);
		byte[] labels = c.labels().labels();
		float[] white = c.tissues().white();
		double sumSq = 0;
		double sumMean = 0;
		long n = 0;
		for (int p = 0; p + 1 < image.length; p++) {
			int q = p + 1;
			if ((p + 1) % g.nx() == 0 || labels[p] != 0 || labels[q] != 0 || white[p] < 0.95f || white[q] < 0.95f
				|| image[p] <= 0 || image[q] <= 0) {
				continue;
			}
			double d = image[p] - image[q];
			sumSq += d * d;
			sumMean += 0.5 * (image[p] + image[q]);
			n++;
		}
		assertTrue(n >= 100, c.id() + ": only " + n + " white-matter pairs");
		return Math.sqrt(sumSq / n / 2) / (sumMean / n);
	}

	/** The brain's centroid in this case minus the reference's, mm. */
	static double[] centroidShift(SyntheticCase c, TissueMaps reference) {
		double[] a = centroidIndex(c.tissues());
		double[] r = centroidIndex(reference);
		double[] s = c.tissues().geometry().spacing();
		return new double[] { (a[0] - r[0]) * s[0], (a[1] - r[1]) * s[1], (a[2] - r[2]) * s[2] };
	}

	private static double[] centroidIndex(TissueMaps t) {
		Geometry g = t.geometry();
		double[] sum = new double[3];
		double weight = 0;
		for (int p = 0; p < t.csf().length; p++) {
			double b = t.brain(p);
			sum[0] += b * (p % g.nx());
			sum[1] += b * ((p / g.nx()) % g.ny());
			sum[2] += b * (p / (g.nx() * g.ny()));
			weight += b;
		}
		return new double[] { sum[0] / weight, sum[1] / weight, sum[2] / weight };
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.modalitykd.io.Modalities;

/**
 * Mean intensity of each {@link Tissue} in each modality, in arbitrary units before a
 * case's global scaling, plus the relative within-tissue texture of each tissue.
 * Modalities are indexed in BraTS channel order ({@link Modalities#BRATS}: t1, t1ce,
 * t2, flair). Immutable.
 * <p>
 * The {@link #standard()} values follow the appearance of gliomas in clinical MRI
 * (docs/synth.md gives the reason for each): T1 orders WM &gt; GM &gt; CSF with the
 * tumour hypo-intense and the enhancing rim close to GM; T1ce is T1 with the
 * enhancing rim very bright and necrosis dark; on T2 CSF is brightest, edema and
 * necrosis bright, WM darkest; on FLAIR CSF is suppressed and edema brightest.
 */
public final class ContrastTable {

	/** Modalities in column order. */
	public static final List<String> MODALITIES = Modalities.BRATS;

	private final double[][] means;
	private final double[] texture;

	private ContrastTable(double[][] means, double[] texture) {
		this.means = means;
		this.texture = texture;
	}

	/** The documented default table. */
	public static ContrastTable standard() {
		double[][] m = new double[Tissue.values().length][];
		double[] tex = new double[Tissue.values().length];
		//                                   T1    T1ce  T2    FLAIR  texture
		set(m, tex, Tissue.CSF,               0.30, 0.32, 1.00, 0.16, 0.03);
		set(m, tex, Tissue.GREY_MATTER,       0.68, 0.70, 0.60, 0.62, 0.04);
		set(m, tex, Tissue.WHITE_MATTER,      0.95, 0.97, 0.42, 0.48, 0.03);
		set(m, tex, Tissue.EDEMA,             0.58, 0.60, 0.90, 0.95, 0.07);
		set(m, tex, Tissue.NECROSIS,          0.34, 0.36, 0.95, 0.58, 0.10);
		set(m, tex, Tissue.NON_ENHANCING_CORE, 0.50, 0.52, 0.85, 0.82, 0.08);
		set(m, tex, Tissue.ENHANCING,         0.68, 1.60, 0.68, 0.74, 0.10);
		return new ContrastTable(m, tex);
	}

	/**
	 * Other contrast levels with the same clinical orderings, for cases unlike the
	 * standard ones (docs/synth.md, "Shifted settings"): less T1 contrast (CSF and grey
	 * matter brighter, tumour less hypo-intense), a weaker enhancement (the rim 1.36 x
	 * white matter on T1ce instead of 1.65), edema less bright on T2 and FLAIR, CSF less
	 * suppressed on FLAIR. Every ordering the shifted settings keep (T1: WM &gt; GM &gt;
	 * CSF; T2: CSF above GM, WM and edema; FLAIR: edema above GM, WM, CSF and the rim;
	 * T1ce: the rim above every other tissue) holds with a ratio of at least 1.35, so a
	 * 12% jitter of both entries (at most a factor 1.27) cannot undo it.
	 */
	public static ContrastTable shifted() {
		double[][] m = new double[Tissue.values().length][];
		double[] tex = new double[Tissue.values().length];
		//                                   T1    T1ce  T2    FLAIR  texture
		set(m, tex, Tissue.CSF,               0.36, 0.38, 1.00, 0.26, 0.03);
		set(m, tex, Tissue.GREY_MATTER,       0.70, 0.72, 0.64, 0.62, 0.04);
		set(m, tex, Tissue.WHITE_MATTER,      0.95, 0.97, 0.46, 0.50, 0.03);
		set(m, tex, Tissue.EDEMA,             0.62, 0.64, 0.74, 0.86, 0.07);
		set(m, tex, Tissue.NECROSIS,          0.40, 0.42, 0.92, 0.56, 0.10);
		set(m, tex, Tissue.NON_ENHANCING_CORE, 0.54, 0.56, 0.80, 0.72, 0.08);
		set(m, tex, Tissue.ENHANCING,         0.72, 1.32, 0.62, 0.62, 0.10);
		return new ContrastTable(m, tex);
	}

	private static void set(double[][] m, double[] tex, Tissue t, double t1, double t1ce, double t2, double flair,
		double texture) {
		m[t.ordinal()] = new double[] { t1, t1ce, t2, flair };
		tex[t.ordinal()] = texture;
	}

	/** Mean intensity of {@code tissue} in modality {@code modality} (index into {@link #MODALITIES}). */
	public double mean(Tissue tissue, int modality) {
		return means[tissue.ordinal()][modality];
	}

	/** Relative standard deviation of the within-tissue texture. */
	public double texture(Tissue tissue) {
		return texture[tissue.ordinal()];
	}

	/**
	 * The largest mean of a normal tissue (CSF, GM, WM) in a modality: the scale its
	 * noise level is measured against, independent of what the tumour looks like.
	 */
	public double brightestNormal(int modality) {
		return Math.max(mean(Tissue.CSF, modality), Math.max(mean(Tissue.GREY_MATTER, modality),
			mean(Tissue.WHITE_MATTER, modality)));
	}

	/**
	 * This table with every mean multiplied by its own factor, uniform in
	 * {@code [1 - relative, 1 + relative]}: scanners and patients differ. Small
	 * values (a few percent) keep every ordering the table is built on.
	 */
	public ContrastTable jittered(SplittableRandom rng, double relative) {
		double[][] m = new double[means.length][];
		for (int t = 0; t < means.length; t++) {
			m[t] = means[t].clone();
			for (int c = 0; c < m[t].length; c++) {
				m[t][c] *= 1 + relative * (2 * rng.nextDouble() - 1);
			}
		}
		return new ContrastTable(m, texture.clone());
	}

	/**
	 * This table with the means m of each modality replaced by B (m / B)^g, B the
	 * modality's brightest normal tissue and g drawn per modality log-uniformly in
	 * {@code [1 / maxGamma, maxGamma]}: the contrast between tissues grows (g &gt; 1) or
	 * shrinks (g &lt; 1) as between scanners and sequence settings, every ordering stays,
	 * and the brightest normal tissue (the noise level's reference) keeps its value.
	 */
	public ContrastTable withGamma(SplittableRandom rng, double maxGamma) {
		double[][] m = new double[means.length][];
		for (int t = 0; t < means.length; t++) {
			m[t] = means[t].clone();
		}
		for (int c = 0; c < MODALITIES.size(); c++) {
			double gamma = StrictMath.exp(StrictMath.log(maxGamma) * (2 * rng.nextDouble() - 1));
			double brightest = brightestNormal(c);
			for (int t = 0; t < means.length; t++) {
				m[t][c] = brightest * StrictMath.pow(means[t][c] / brightest, gamma);
			}
		}
		return new ContrastTable(m, texture.clone());
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ContrastTable t && Arrays.deepEquals(means, t.means) && Arrays.equals(texture, t.texture);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.deepHashCode(means) + Arrays.hashCode(texture);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

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
}

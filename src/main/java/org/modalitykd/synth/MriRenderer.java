/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.SplittableRandom;

import org.modalitykd.volume.GaussianFilter;
import org.modalitykd.volume.Geometry;

/**
 * Paints the four modalities of a case from its tissue fractions and tumour labels:
 * per voxel the fraction-weighted mean intensities of the {@link ContrastTable} with
 * a within-tissue texture, then a point-spread blur (partial volume at the tumour's
 * edges), a bias field, a global intensity scale, Rician noise, and finally the brain
 * mask (skull-stripped like BraTS: 0 outside the brain) and rounding to whole numbers
 * (scanners store integers; it also lets the files compress well).
 */
final class MriRenderer {

	/** Correlation width of the tissue texture, mm. */
	static final double TEXTURE_SIGMA_MM = 2.0;
	/** Sigma of the point-spread blur, in voxels. */
	static final double PSF_SIGMA_VOXELS = 0.5;
	/** The global scale of a case's modality is this times a factor in [1/2, 2]. */
	static final double BASE_SCALE = 1000;
	/** Share of the normal tissue's signal that edema keeps (it swells tissue, not replaces it). */
	static final double EDEMA_TISSUE_SHARE = 0.1;

	private final ContrastTable table;
	private final GeneratorSettings settings;

	/**
	 * @param table    this case's contrasts
	 * @param settings its bias strength and noise range
	 */
	MriRenderer(ContrastTable table, GeneratorSettings settings) {
		this.table = table;
		this.settings = settings;
	}

	/**
	 * One image per modality of {@link ContrastTable#MODALITIES}.
	 *
	 * @param coreSolidity how the core (label 1) looks: 0 necrotic fluid, 1 solid
	 *                     non-enhancing tumour, in between a mix
	 */
	float[][] render(TissueMaps tissues, byte[] labels, double coreSolidity, SplittableRandom rng) {
		Geometry g = tissues.geometry();
		int[] dims = g.dims();
		int n = labels.length;
		boolean[] mask = new boolean[n];
		for (int p = 0; p < n; p++) {
			mask[p] = tissues.brain(p) >= 0.5f || labels[p] != 0;
		}
		double textureSigma = TEXTURE_SIGMA_MM / meanSpacing(g);
		float[] sharedTexture = RandomField.smooth(rng, dims, textureSigma);
		int modalities = ContrastTable.MODALITIES.size();
		float[][] images = new float[modalities][];
		for (int m = 0; m < modalities; m++) {
			float[] ownTexture = RandomField.smooth(rng, dims, textureSigma);
			float[] value = meanIntensities(m, tissues, labels, mask, coreSolidity, sharedTexture, ownTexture);
			value = GaussianFilter.smooth(value, dims, PSF_SIGMA_VOXELS);
			float[] bias = BiasField.sample(rng, dims, settings.biasStrength());
			double scale = BASE_SCALE * StrictMath.exp(Math.log(2) * (2 * rng.nextDouble() - 1));
			double minNoise = settings.minNoise();
			double sigma = (minNoise + (settings.maxNoise() - minNoise) * rng.nextDouble()) * table.brightestNormal(m) * scale;
			float[] out = new float[n];
			for (int p = 0; p < n; p++) {
				// Drawn for every voxel, inside the mask or not, so the noise does not depend on the mask.
				double real = value[p] * bias[p] * scale + sigma * rng.nextGaussian();
				double imaginary = sigma * rng.nextGaussian();
				out[p] = mask[p] ? (float) Math.rint(Math.sqrt(real * real + imaginary * imaginary)) : 0f;
			}
			images[m] = out;
		}
		return images;
	}

	private float[] meanIntensities(int m, TissueMaps tissues, byte[] labels, boolean[] mask, double coreSolidity,
		float[] sharedTexture, float[] ownTexture) {
		double csfMean = table.mean(Tissue.CSF, m);
		double greyMean = table.mean(Tissue.GREY_MATTER, m);
		double whiteMean = table.mean(Tissue.WHITE_MATTER, m);
		double edemaMean = table.mean(Tissue.EDEMA, m);
		double coreMean = (1 - coreSolidity) * table.mean(Tissue.NECROSIS, m)
			+ coreSolidity * table.mean(Tissue.NON_ENHANCING_CORE, m);
		double coreTexture = (1 - coreSolidity) * table.texture(Tissue.NECROSIS)
			+ coreSolidity * table.texture(Tissue.NON_ENHANCING_CORE);
		double enhancingMean = table.mean(Tissue.ENHANCING, m);
		float[] csf = tissues.csf();
		float[] grey = tissues.grey();
		float[] white = tissues.white();
		int n = labels.length;
		float[] value = new float[n];
		for (int p = 0; p < n; p++) {
			if (!mask[p]) {
				// Outside the brain the blur should see CSF-like signal, not a dark skull: the
				// mask is applied again at the end, as skull stripping would.
				value[p] = (float) csfMean;
				continue;
			}
			// Correlated across modalities (same tissue) but not identical.
			double t = 0.6 * sharedTexture[p] + 0.8 * ownTexture[p];
			double c = csf[p];
			double gm = grey[p];
			double wm = white[p];
			double brain = Math.max(c + gm + wm, 1e-6);
			double csfPart = c * csfMean * (1 + table.texture(Tissue.CSF) * t);
			double parenchyma = gm * greyMean * (1 + table.texture(Tissue.GREY_MATTER) * t)
				+ wm * whiteMean * (1 + table.texture(Tissue.WHITE_MATTER) * t);
			double v;
			switch (labels[p]) {
				case 2 -> {
					double share = gm + wm;
					double edema = share * edemaMean * (1 + table.texture(Tissue.EDEMA) * t);
					v = (csfPart + EDEMA_TISSUE_SHARE * parenchyma + (1 - EDEMA_TISSUE_SHARE) * edema) / brain;
				}
				case 1 -> v = coreMean * (1 + coreTexture * t);
				case 4 -> v = enhancingMean * (1 + table.texture(Tissue.ENHANCING) * t);
				default -> v = (csfPart + parenchyma) / brain;
			}
			value[p] = (float) v;
		}
		return value;
	}

	private static double meanSpacing(Geometry g) {
		double[] s = g.spacing();
		return (s[0] + s[1] + s[2]) / 3;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.SplittableRandom;

import org.modalitykd.volume.GaussianFilter;
import org.modalitykd.volume.Geometry;

/**
 * Paints a contrast-enhanced head CT of a case in Hounsfield units: per voxel the
 * fraction-weighted attenuation of every tissue in it (brain, tumour, fluid, bone,
 * soft tissue, fat; the rest air), each with a smooth texture, then a point-spread
 * blur (partial volume), Gaussian quantum noise of a few HU, rounding to whole HU and
 * the scanner's range [-1024, 3071]. No bias field (CT has none to speak of) and no
 * skull stripping: the file keeps the head, with air at about -1000 around it.
 */
final class CtRenderer {

	/** Per-case shift of each brain tissue's mean, HU. */
	static final double JITTER_HU = 1.5;
	/** Per-case relative change of bone's attenuation. */
	static final double BONE_JITTER = 0.08;
	/** Range of the noise's standard deviation, HU. */
	static final double MIN_NOISE_HU = 2;
	static final double MAX_NOISE_HU = 5;
	/** The range a 12-bit CT stores. */
	static final float MIN_HU = -1024;
	static final float MAX_HU = 3071;

	private final HounsfieldTable table;

	CtRenderer(HounsfieldTable table) {
		this.table = table;
	}

	/**
	 * @param coreSolidity how the core (label 1) looks: 0 necrotic fluid, 1 solid
	 *                     non-enhancing tumour, in between a mix (as for MRI)
	 */
	float[] render(TissueMaps tissues, HeadMaps head, byte[] labels, double coreSolidity, SplittableRandom rng) {
		Geometry g = tissues.geometry();
		int[] dims = g.dims();
		int n = labels.length;
		double[] s = g.spacing();
		float[] texture = RandomField.smooth(rng, dims, MriRenderer.TEXTURE_SIGMA_MM * 3 / (s[0] + s[1] + s[2]));
		float[] value = new float[n];
		double air = table.mean(HounsfieldTable.Head.AIR);
		double coreMean = (1 - coreSolidity) * table.mean(Tissue.NECROSIS) + coreSolidity * table.mean(Tissue.NON_ENHANCING_CORE);
		double coreTexture = (1 - coreSolidity) * table.texture(Tissue.NECROSIS) + coreSolidity * table.texture(Tissue.NON_ENHANCING_CORE);
		for (int p = 0; p < n; p++) {
			double t = texture[p];
			double c = tissues.csf()[p];
			double gm = tissues.grey()[p];
			double wm = tissues.white()[p];
			double brain = c + gm + wm;
			double csfPart = c * hu(Tissue.CSF, t);
			double parenchyma = gm * hu(Tissue.GREY_MATTER, t) + wm * hu(Tissue.WHITE_MATTER, t);
			double inBrain;
			switch (labels[p]) {
				case 2 -> {
					double edema = (gm + wm) * hu(Tissue.EDEMA, t);
					inBrain = csfPart + MriRenderer.EDEMA_TISSUE_SHARE * parenchyma + (1 - MriRenderer.EDEMA_TISSUE_SHARE) * edema;
				}
				case 1 -> inBrain = brain * (coreMean + coreTexture * t);
				case 4 -> inBrain = brain * hu(Tissue.ENHANCING, t);
				default -> inBrain = csfPart + parenchyma;
			}
			double fluid = head.fluid()[p];
			double bone = head.bone()[p];
			double soft = head.soft()[p];
			double fat = head.fat()[p];
			double rest = Math.max(0, 1 - brain - fluid - bone - soft - fat);
			value[p] = (float) (inBrain + fluid * hu(HounsfieldTable.Head.FLUID, t) + bone * hu(HounsfieldTable.Head.BONE, t)
				+ soft * hu(HounsfieldTable.Head.SOFT, t) + fat * hu(HounsfieldTable.Head.FAT, t) + rest * air);
		}
		// The same scanner blur as the MRI (docs/synth.md).
		value = GaussianFilter.smooth(value, dims, MriRenderer.PSF_SIGMA_VOXELS);
		double sigma = MIN_NOISE_HU + (MAX_NOISE_HU - MIN_NOISE_HU) * rng.nextDouble();
		for (int p = 0; p < n; p++) {
			double v = Math.rint(value[p] + sigma * rng.nextGaussian());
			value[p] = (float) Math.max(MIN_HU, Math.min(MAX_HU, v));
		}
		return value;
	}

	private double hu(Tissue tissue, double t) {
		return table.mean(tissue) + table.texture(tissue) * t;
	}

	private double hu(HounsfieldTable.Head tissue, double t) {
		return table.mean(tissue) + table.texture(tissue) * t;
	}
}

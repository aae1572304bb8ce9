/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.SplittableRandom;

/**
 * Mean CT attenuation in Hounsfield units of each tissue of a contrast-enhanced head
 * CT, plus the within-tissue texture (standard deviation, HU). Immutable. The
 * {@link #standard()} values, and why, are in docs/synth.md: air -1000, fat -100,
 * CSF 8, white matter 27, grey matter 38, soft tissue 40, cortical bone 1700; tumour
 * hypodense (edema 18, necrosis 12, solid non-enhancing core 22) and the enhancing rim
 * 65 after iodinated contrast.
 */
public final class HounsfieldTable {

	/** What CT shows beyond the brain's tissues. */
	enum Head {
		AIR, FAT, SOFT, BONE, FLUID
	}

	private final double[] brain;
	private final double[] brainTexture;
	private final double[] head;
	private final double[] headTexture;

	private HounsfieldTable(double[] brain, double[] brainTexture, double[] head, double[] headTexture) {
		this.brain = brain;
		this.brainTexture = brainTexture;
		this.head = head;
		this.headTexture = headTexture;
	}

	/** The documented default table. */
	public static HounsfieldTable standard() {
		double[] b = new double[Tissue.values().length];
		double[] bt = new double[Tissue.values().length];
		//                                        HU   texture (HU)
		set(b, bt, Tissue.CSF,                     8, 1.0);
		set(b, bt, Tissue.GREY_MATTER,            38, 1.5);
		set(b, bt, Tissue.WHITE_MATTER,           27, 1.2);
		set(b, bt, Tissue.EDEMA,                  18, 2.0);
		set(b, bt, Tissue.NECROSIS,               12, 2.5);
		set(b, bt, Tissue.NON_ENHANCING_CORE,     22, 2.5);
		set(b, bt, Tissue.ENHANCING,              65, 5.0);
		double[] h = new double[Head.values().length];
		double[] ht = new double[Head.values().length];
		h[Head.AIR.ordinal()] = -1000;
		h[Head.FAT.ordinal()] = -100;
		ht[Head.FAT.ordinal()] = 8;
		h[Head.SOFT.ordinal()] = 40;
		ht[Head.SOFT.ordinal()] = 4;
		h[Head.BONE.ordinal()] = 1700;
		ht[Head.BONE.ordinal()] = 120;
		h[Head.FLUID.ordinal()] = 8;
		ht[Head.FLUID.ordinal()] = 1;
		return new HounsfieldTable(b, bt, h, ht);
	}

	private static void set(double[] b, double[] bt, Tissue t, double hu, double texture) {
		b[t.ordinal()] = hu;
		bt[t.ordinal()] = texture;
	}

	public double mean(Tissue t) {
		return brain[t.ordinal()];
	}

	public double texture(Tissue t) {
		return brainTexture[t.ordinal()];
	}

	double mean(Head h) {
		return head[h.ordinal()];
	}

	double texture(Head h) {
		return headTexture[h.ordinal()];
	}

	/**
	 * This table with each brain and tumour tissue shifted by up to {@code brainHu}
	 * (scanners' calibration differs by a few HU), fat by up to 3 x that and bone
	 * scaled by up to {@code boneRelative}; air stays -1000 (the scale's anchor). Small
	 * shifts (2 HU) keep every ordering the table is built on.
	 */
	HounsfieldTable jittered(SplittableRandom rng, double brainHu, double boneRelative) {
		double[] b = brain.clone();
		for (int t = 0; t < b.length; t++) {
			b[t] += brainHu * (2 * rng.nextDouble() - 1);
		}
		double[] h = head.clone();
		h[Head.FAT.ordinal()] += 3 * brainHu * (2 * rng.nextDouble() - 1);
		h[Head.SOFT.ordinal()] += brainHu * (2 * rng.nextDouble() - 1);
		h[Head.FLUID.ordinal()] = b[Tissue.CSF.ordinal()];
		h[Head.BONE.ordinal()] *= 1 + boneRelative * (2 * rng.nextDouble() - 1);
		return new HounsfieldTable(b, brainTexture.clone(), h, headTexture.clone());
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss of a training run and how it is minimised: Dice + cross-entropy, the method's
 * own terms ({@link MethodLosses}: none, KD-Net, ProtoKD, unpaired) and AdamW.
 *
 * @param segmentation the Dice and cross-entropy weights
 * @param methodLosses the method, with its weights and temperature
 * @param optimizer    AdamW settings
 */
public record Objective(DiceCrossEntropy segmentation, MethodLosses methodLosses, OptimizerSettings optimizer) {

	public Objective {
		if (segmentation == null || methodLosses == null || optimizer == null) {
			throw new IllegalArgumentException("the segmentation loss, the method and the optimiser must be set");
		}
	}

	/** The defaults of a method (Dice + CE with unit weights, the method's own defaults, default AdamW). */
	public static Objective defaults(TrainingMethod method) {
		return new Objective(DiceCrossEntropy.defaults(), MethodLosses.defaults(method), OptimizerSettings.defaults());
	}

	public TrainingMethod method() {
		return methodLosses.method();
	}

	public Objective withSegmentationWeights(double dice, double ce) {
		return new Objective(new DiceCrossEntropy(dice, ce, segmentation.form()), methodLosses, optimizer);
	}

	/** The same loss with the segmentation loss in form {@code f} ({@link TrainingOption#SEG_LOSS}). */
	public Objective withSegmentationLoss(SegmentationLossForm f) {
		return new Objective(segmentation.withForm(f), methodLosses, optimizer);
	}

	/** The same loss with another method's terms (or the same method's with other weights). */
	public Objective withMethodLosses(MethodLosses m) {
		return new Objective(segmentation, m, optimizer);
	}

	public Objective withOptimizer(OptimizerSettings o) {
		return new Objective(segmentation, methodLosses, o);
	}

	/** The weights and temperature that apply, for the model card. */
	public Map<String, Double> describe() {
		Map<String, Double> m = new LinkedHashMap<>();
		segmentation.describe(m);
		methodLosses.describe(m);
		m.put("weight_decay", optimizer.weightDecay());
		return m;
	}

	/** The choices that are not numbers (segmentation loss form, KD-Net's latent loss), for the model card. */
	public Map<String, String> describeOptions() {
		Map<String, String> m = new LinkedHashMap<>();
		segmentation.describeOptions(m);
		methodLosses.describeOptions(m);
		return m;
	}
}

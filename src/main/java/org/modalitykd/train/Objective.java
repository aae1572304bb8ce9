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
 * @param segmentation       the Dice and cross-entropy weights
 * @param methodLosses       the method, with its weights and temperature
 * @param optimizer          AdamW settings
 * @param distillationWarmup share of the steps, in [0, 1), over which the method's
 *                           distillation terms rise linearly from weight 0 to their own
 *                           ({@link TrainingOption#KD_WARMUP}); 0 for none
 */
public record Objective(DiceCrossEntropy segmentation, MethodLosses methodLosses, OptimizerSettings optimizer,
	double distillationWarmup) {

	public Objective {
		if (segmentation == null || methodLosses == null || optimizer == null) {
			throw new IllegalArgumentException("the segmentation loss, the method and the optimiser must be set");
		}
		InvalidOptionException.warmup(TrainingOption.KD_WARMUP, distillationWarmup);
		if (distillationWarmup > 0 && methodLosses.method() == TrainingMethod.SUPERVISED) {
			throw new InvalidOptionException(TrainingOption.KD_WARMUP, "method "
				+ TrainingMethod.SUPERVISED.optionValue() + " has no distillation terms to warm up; leave it out");
		}
	}

	/** Without a warm-up. */
	public Objective(DiceCrossEntropy segmentation, MethodLosses methodLosses, OptimizerSettings optimizer) {
		this(segmentation, methodLosses, optimizer, 0);
	}

	/**
	 * The defaults of a method (Dice + CE with unit weights, the method's own weights and
	 * warm-up, default AdamW).
	 */
	public static Objective defaults(TrainingMethod method) {
		MethodLosses m = MethodLosses.defaults(method);
		return new Objective(DiceCrossEntropy.defaults(), m, OptimizerSettings.defaults(), m.defaultWarmup());
	}

	public TrainingMethod method() {
		return methodLosses.method();
	}

	public Objective withSegmentationWeights(double dice, double ce) {
		return new Objective(new DiceCrossEntropy(dice, ce, segmentation.form()), methodLosses, optimizer,
			distillationWarmup);
	}

	/** The same loss with the segmentation loss in form {@code f} ({@link TrainingOption#SEG_LOSS}). */
	public Objective withSegmentationLoss(SegmentationLossForm f) {
		return new Objective(segmentation.withForm(f), methodLosses, optimizer, distillationWarmup);
	}

	/** The same loss with another method's terms (or the same method's with other weights). */
	public Objective withMethodLosses(MethodLosses m) {
		return new Objective(segmentation, m, optimizer, distillationWarmup);
	}

	public Objective withOptimizer(OptimizerSettings o) {
		return new Objective(segmentation, methodLosses, o, distillationWarmup);
	}

	/** The same loss with the distillation terms warmed up over {@code share} of the steps. */
	public Objective withDistillationWarmup(double share) {
		return new Objective(segmentation, methodLosses, optimizer, share);
	}

	/**
	 * The factor on the distillation terms' weights before step {@code step} (0-based) of
	 * {@code steps}: rising linearly from 0 to 1 over the warm-up, then 1.
	 */
	public double distillationScale(long step, long steps) {
		double warmupSteps = distillationWarmup * steps;
		return warmupSteps <= 0 || step >= warmupSteps ? 1 : step / warmupSteps;
	}

	/** The weights and temperature that apply, for the model card. */
	public Map<String, Double> describe() {
		Map<String, Double> m = new LinkedHashMap<>();
		segmentation.describe(m);
		methodLosses.describe(m);
		m.put("weight_decay", optimizer.weightDecay());
		if (distillationWarmup > 0) {
			m.put(TrainingOption.KD_WARMUP.spelled(TrainingOption.Spelling.MACRO), distillationWarmup);
		}
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

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Map;
import java.util.Set;

/**
 * Unpaired KD (Dou et al. 2020): Dice + cross-entropy of the second modality's batch
 * ({@code dice_b}, {@code cross_entropy_b}) and {@code class_kd}, the symmetric KL of the
 * two modalities' class-wise distributions softened by tau
 * ({@link ClassWiseDistillation}), weighted by kdWeight.
 *
 * @param kdWeight weight of the class-wise KD term ({@link TrainingOption#KD_WEIGHT})
 * @param tau      softening temperature ({@link TrainingOption#TAU})
 */
public record UnpairedLosses(double kdWeight, double tau) implements MethodLosses {

	public UnpairedLosses {
		InvalidOptionException.weight(TrainingOption.KD_WEIGHT, kdWeight);
		InvalidOptionException.temperature(TrainingOption.TAU, tau);
	}

	public static UnpairedLosses defaults() {
		return new UnpairedLosses(ClassWiseDistillation.DEFAULT_WEIGHT, ClassWiseDistillation.DEFAULT_TAU);
	}

	static UnpairedLosses of(Map<TrainingOption, Double> given) {
		return new UnpairedLosses(given.getOrDefault(TrainingOption.KD_WEIGHT, ClassWiseDistillation.DEFAULT_WEIGHT),
			given.getOrDefault(TrainingOption.TAU, ClassWiseDistillation.DEFAULT_TAU));
	}

	@Override
	public TrainingMethod method() {
		return TrainingMethod.UNPAIRED;
	}

	@Override
	public Set<TrainingOption> options() {
		return Set.of(TrainingOption.KD_WEIGHT, TrainingOption.TAU);
	}

	@Override
	public void addTerms(LossInputs in, DiceCrossEntropy segmentation, LossTerms terms) {
		segmentation.addTerms(terms, in.studentB(), in.labelsB(), "_b", in.classes());
		terms.addDistillation("class_kd", kdWeight, ClassWiseDistillation.loss(terms.ops(), in.student().logits(), in.labels(),
			in.studentB().logits(), in.labelsB(), in.classes(), tau));
	}

	@Override
	public void describe(Map<String, Double> card) {
		card.put("class_kd", kdWeight);
		card.put("tau", tau);
	}
}

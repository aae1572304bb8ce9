/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Map;
import java.util.Set;

/** A teacher or a one-modality baseline: Dice + cross-entropy and nothing else. */
public record NoDistillation() implements MethodLosses {

	@Override
	public TrainingMethod method() {
		return TrainingMethod.SUPERVISED;
	}

	@Override
	public Set<TrainingOption> options() {
		return Set.of();
	}

	@Override
	public void addTerms(LossInputs in, DiceCrossEntropy segmentation, LossTerms terms) {
	}

	@Override
	public void describe(Map<String, Double> card) {
	}
}

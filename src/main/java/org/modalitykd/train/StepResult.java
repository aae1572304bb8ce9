/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Map;

/**
 * What one training step reports.
 *
 * @param step  steps completed after this one (1 after the first)
 * @param terms every loss term by name ({@code loss} is the total that was minimised;
 *              {@code dice}, {@code cross_entropy}, deep-supervision terms
 *              {@code dice_ds1}..., {@code gradient_norm} before clipping,
 *              {@code learning_rate}), in a stable order
 */
public record StepResult(long step, Map<String, Double> terms) {

	public double loss() {
		return terms.get("loss");
	}

	public double term(String name) {
		Double v = terms.get(name);
		if (v == null) {
			throw new IllegalArgumentException("no term " + name + "; terms are " + terms.keySet());
		}
		return v;
	}
}

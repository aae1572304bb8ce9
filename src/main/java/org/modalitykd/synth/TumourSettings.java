/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

/**
 * What tumours the generator plants.
 *
 * @param minWholeTumourMl          smallest whole-tumour volume of one lesion (labels 1, 2 and 4), mL
 * @param maxWholeTumourMl          largest whole-tumour volume of one lesion, mL
 * @param secondLesionProbability   chance that a case has a second, separate lesion
 * @param enhancementFreeProbability chance that a case's tumour has no enhancing part
 *                                  (label 4 empty, as in many low-grade gliomas)
 */
public record TumourSettings(double minWholeTumourMl, double maxWholeTumourMl, double secondLesionProbability,
	double enhancementFreeProbability) {

	public TumourSettings {
		if (!(minWholeTumourMl > 0) || !(maxWholeTumourMl >= minWholeTumourMl) || !Double.isFinite(maxWholeTumourMl)) {
			throw new IllegalArgumentException("tumour volumes must satisfy 0 < min <= max, got " + minWholeTumourMl
				+ " and " + maxWholeTumourMl + " mL");
		}
		if (!(secondLesionProbability >= 0 && secondLesionProbability <= 1)
			|| !(enhancementFreeProbability >= 0 && enhancementFreeProbability <= 1)) {
			throw new IllegalArgumentException("probabilities must lie in [0, 1]");
		}
	}

	/** 1 to 100 mL per lesion, a second lesion in 15% of cases, no enhancement in 12%. */
	public static TumourSettings standard() {
		return new TumourSettings(1, 100, 0.15, 0.12);
	}
}

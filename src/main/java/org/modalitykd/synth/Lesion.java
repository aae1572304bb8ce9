/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

/**
 * One planted lesion as it ended up in the label map.
 *
 * @param centreMm      world coordinates of its seed point, mm
 * @param wholeTumourMl labels 1, 2 and 4 of this lesion, mL
 * @param coreMl        labels 1 and 4 (tumour core), mL
 * @param enhancingMl   label 4, mL (0 for an enhancement-free lesion)
 */
public record Lesion(double[] centreMm, double wholeTumourMl, double coreMl, double enhancingMl) {

	public Lesion {
		centreMm = centreMm.clone();
	}

	@Override
	public double[] centreMm() {
		return centreMm.clone();
	}
}

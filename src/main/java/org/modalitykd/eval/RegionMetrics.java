/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

/**
 * Agreement of a predicted and a reference mask of one region.
 * <p>
 * Conventions for empty masks: both empty gives Dice 1 and HD95 0; one empty gives Dice
 * 0 and HD95 equal to the image diagonal in mm (the length of the box the voxels fill:
 * worse than any real miss). Sensitivity is NaN when the reference is empty (nothing could be found), and
 * specificity NaN when the reference fills the image.
 *
 * @param dice        2|P∩R| / (|P| + |R|)
 * @param hd95Mm      95th-percentile symmetric surface distance (see {@link SurfaceDistances})
 * @param sensitivity |P∩R| / |R|
 * @param specificity |¬P∩¬R| / |¬R|
 * @param refVolumeMl reference volume in millilitres
 * @param predVolumeMl predicted volume in millilitres
 */
public record RegionMetrics(double dice, double hd95Mm, double sensitivity, double specificity, double refVolumeMl,
	double predVolumeMl) {

	/** Column names, in the order of {@link #values()}. */
	public static final String[] NAMES = { "dice", "hd95_mm", "sensitivity", "specificity", "ref_volume_ml",
		"pred_volume_ml" };

	public double[] values() {
		return new double[] { dice, hd95Mm, sensitivity, specificity, refVolumeMl, predVolumeMl };
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

/**
 * The Dice of one row of the results table on one test case, for one seed.
 *
 * @param seed   the training seed
 * @param row    the row label ({@link ExperimentDesign.Row#label()})
 * @param caseId the test case
 * @param wt     Dice of the whole tumour
 * @param tc     Dice of the tumour core
 * @param et     Dice of the enhancing tumour
 */
public record CaseScore(long seed, String row, String caseId, double wt, double tc, double et) {

	/** Dice of region 0 (WT), 1 (TC) or 2 (ET). */
	public double dice(int region) {
		return switch (region) {
			case 0 -> wt;
			case 1 -> tc;
			case 2 -> et;
			default -> throw new IllegalArgumentException("region index 0..2, not " + region);
		};
	}
}

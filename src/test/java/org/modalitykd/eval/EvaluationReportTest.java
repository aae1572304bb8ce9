/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluationReportTest {

	private static Map<BratsRegion, RegionMetrics> metrics(double dice, double sensitivity) {
		Map<BratsRegion, RegionMetrics> m = new EnumMap<>(BratsRegion.class);
		for (BratsRegion r : BratsRegion.values()) {
			m.put(r, new RegionMetrics(dice, 2 * dice, sensitivity, 1, 10, 12));
		}
		return m;
	}

	@Test
	void summariesByHandLeavingNaNOut() {
		EvaluationReport report = new EvaluationReport();
		report.add("a", metrics(0.5, 1.0));
		report.add("b", metrics(0.7, Double.NaN));
		report.add("c", metrics(0.9, 0.5));
		assertEquals(0.7, report.summary(BratsRegion.WT, 0, "mean"), 1e-15);
		// Sample standard deviation of 0.5, 0.7, 0.9: sqrt((0.04 + 0 + 0.04) / 2) = 0.2.
		assertEquals(0.2, report.summary(BratsRegion.WT, 0, "std"), 1e-15);
		assertEquals(0.7, report.summary(BratsRegion.ET, 0, "median"), 1e-15);
		assertEquals(0.75, report.summary(BratsRegion.TC, 2, "mean"), 1e-15);
		assertEquals(0.75, report.summary(BratsRegion.TC, 2, "median"), 1e-15);
	}

	@Test
	void csvHasOneRowPerCaseAndRegionThenSummaries() {
		EvaluationReport report = new EvaluationReport();
		report.add("BraTS,1", metrics(0.5, Double.NaN));
		List<String> lines = report.toCsv().lines().toList();
		assertEquals("case_id,region,dice,hd95_mm,sensitivity,specificity,ref_volume_ml,pred_volume_ml", lines.get(0));
		assertEquals(1 + 3 + 3 * 3, lines.size());
		assertEquals("\"BraTS,1\",WT,0.500000,1.00000,,1.00000,10.0000,12.0000", lines.get(1));
		assertTrue(lines.get(4).startsWith("mean,WT,0.500000"), lines.get(4));
		assertTrue(lines.get(7).startsWith("std,WT,,"), "std of one case is undefined: " + lines.get(7));
	}
}

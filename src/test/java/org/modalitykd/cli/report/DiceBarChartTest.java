/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modalitykd.experiment.ExperimentDesign;
import org.modalitykd.experiment.ExperimentPlan;
import org.modalitykd.experiment.ExperimentReport;

class DiceBarChartTest {

	private final ExperimentDesign design = new ExperimentDesign(ExperimentPlan.quick());

	@Test
	void barsEndAtTheirMeanAndWhiskersSpanOneStd() {
		// Row i has WT 0.5, TC 0.2, ET 0.9; the first row alone has a std of 0.1 in WT.
		List<ExperimentReport.RowSummary> rows = summaries(0.1);
		BufferedImage image = DiceBarChart.render(rows, "test");
		DiceBarChart.Layout layout = DiceBarChart.layout(rows);
		assertEquals(layout.width(), image.getWidth());
		int last = rows.size() - 1;
		int y = layout.rowY(last) + DiceBarChart.ROW / 2;
		int bar = DiceBarChart.colour(rows.get(last).row()).getRGB();
		double[] means = { 0.5, 0.2, 0.9 };
		for (int region = 0; region < 3; region++) {
			int x0 = layout.panelX(region);
			assertEquals(bar, image.getRGB(x0 + (int) ((means[region] - 0.03) * DiceBarChart.PANEL), y), "region " + region);
			assertNotEquals(bar, image.getRGB(x0 + (int) ((means[region] + 0.03) * DiceBarChart.PANEL), y), "region " + region);
		}
		// The whisker's caps of the first row stand at 0.4 and 0.6 of the WT panel.
		int y0 = layout.rowY(0) + DiceBarChart.ROW / 2 - 3;
		for (double end : new double[] { 0.4, 0.6 }) {
			assertTrue(dark(image.getRGB(layout.panelX(0) + (int) Math.round(end * DiceBarChart.PANEL), y0)), "cap at " + end);
		}
	}

	@Test
	void everyLabelFitsLeftOfThePanelsWhateverItsLength() {
		List<ExperimentReport.RowSummary> rows = summaries(Double.NaN);
		BufferedImage image = DiceBarChart.render(rows, "test");
		DiceBarChart.Layout layout = DiceBarChart.layout(rows);
		assertTrue(layout.panelX(2) + DiceBarChart.PANEL < image.getWidth());
		for (int i = 0; i < rows.size(); i++) {
			// Ink of the label inside its row band, right of the margin and left of the first panel.
			int first = -1;
			for (int x = 0; x < layout.panelX(0) - 2 && first < 0; x++) {
				for (int y = layout.rowY(i); y < layout.rowY(i + 1); y++) {
					if (dark(image.getRGB(x, y))) {
						first = x;
						break;
					}
				}
			}
			assertTrue(first >= DiceBarChart.MARGIN - 1, rows.get(i).row().label() + " starts at " + first);
		}
	}

	@Test
	void theLegendOfEveryKindFitsInThePicture() {
		// The quick design has nine kinds of row: teacher, baseline, KD-Net, ProtoKD, three
		// variants, alone (half) and unpaired; short labels leave the width to the legend.
		List<ExperimentReport.RowSummary> rows = summaries(Double.NaN);
		assertEquals(9, rows.stream().map(r -> DiceBarChart.kind(r.row())).distinct().count());
		BufferedImage image = DiceBarChart.render(rows, "t");
		int rightmost = -1;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 26; y < 42; y++) {
				if (dark(image.getRGB(x, y))) {
					rightmost = x;
				}
			}
		}
		assertTrue(rightmost > 0 && rightmost < image.getWidth() - 4, "legend ends at " + rightmost + " of " + image.getWidth());
	}

	@Test
	void ablationsAreALighterShadeOfTheirMethod() {
		ExperimentDesign.Row kdnet = design.row("t1ce KD-Net");
		ExperimentDesign.Row ablation = design.row("t1ce KD-Net without latent term");
		assertEquals("KD-Net", DiceBarChart.kind(kdnet));
		assertEquals("KD-Net variant", DiceBarChart.kind(ablation));
		assertEquals("baseline variant", DiceBarChart.kind(design.row("t1ce baseline with nnU-Net augmentation")));
		assertEquals("teacher", DiceBarChart.kind(design.row("teacher (all four)")));
		Color full = DiceBarChart.colour(kdnet);
		Color light = DiceBarChart.colour(ablation);
		assertTrue(light.getRed() >= full.getRed() && light.getGreen() > full.getGreen() && light.getBlue() > full.getBlue());
	}

	@Test
	void theTitleCountsTheSeedsTheRecordsHold() {
		List<ExperimentReport.RowSummary> rows = summaries(Double.NaN);
		assertEquals("mean of 5 seeds", DiceBarChart.seedsPhrase(rows));
		ExperimentReport.RowSummary first = rows.get(0);
		rows.set(0, new ExperimentReport.RowSummary(first.row(), first.mean(), first.std(), first.low(), first.high(), 3));
		assertEquals("mean of 3 to 5 seeds", DiceBarChart.seedsPhrase(rows));
		assertEquals("mean of 3 seeds", DiceBarChart.seedsPhrase(rows.subList(0, 1)));
	}

	private List<ExperimentReport.RowSummary> summaries(double firstStd) {
		List<ExperimentReport.RowSummary> rows = new ArrayList<>();
		for (ExperimentDesign.Row r : design.rows()) {
			double std = rows.isEmpty() ? firstStd : Double.NaN;
			double[] nan = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
			rows.add(new ExperimentReport.RowSummary(r, new double[] { 0.5, 0.2, 0.9, 0.533 },
				new double[] { std, Double.NaN, Double.NaN, Double.NaN }, nan, nan, 5));
		}
		return rows;
	}

	private static boolean dark(int rgb) {
		Color c = new Color(rgb);
		return c.getRed() + c.getGreen() + c.getBlue() < 300;
	}
}

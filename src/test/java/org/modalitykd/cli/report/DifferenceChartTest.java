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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modalitykd.experiment.ExperimentDesign;
import org.modalitykd.experiment.ExperimentPlan;
import org.modalitykd.experiment.ExperimentReport;
import org.modalitykd.experiment.PairedDifference;

class DifferenceChartTest {

	private static final Color RED = new Color(200, 30, 30);
	private static final Color BLUE = new Color(30, 30, 200);

	@Test
	void barsSpanTheIntervalAndTheDotIsFilledOnlyWhenTheIntervalExcludesZero() {
		List<DifferenceChart.Line> lines = List.of(
			new DifferenceChart.Line("spans zero", RED, new PairedDifference(0.02, -0.01, 0.05, 4, 0.95)),
			new DifferenceChart.Line("a win", BLUE, new PairedDifference(0.03, 0.01, 0.05, 4, 0.95)),
			new DifferenceChart.Line("a loss, the widest", RED, new PairedDifference(-0.1, -0.17, -0.03, 4, 0.95)));
		BufferedImage image = DifferenceChart.render(lines, "test", "axis");
		DifferenceChart.Layout layout = DifferenceChart.layout(lines);
		// The widest interval reaches 0.17: the axis runs to the next 0.05 step, +-0.2.
		assertEquals(0.2, layout.range(), 1e-12);
		assertEquals(layout.width(), image.getWidth());
		for (int i = 0; i < lines.size(); i++) {
			DifferenceChart.Line l = lines.get(i);
			int y = layout.y(i);
			int colour = l.colour().getRGB();
			assertEquals(colour, image.getRGB(layout.x(l.difference().low()) + 2, y), l.label() + ": bar at its low end");
			assertEquals(colour, image.getRGB(layout.x(l.difference().high()) - 2, y), l.label() + ": bar at its high end");
			assertNotEquals(colour, image.getRGB(layout.x(l.difference().high()) + 8, y), l.label() + ": no bar past it");
			assertNotEquals(colour, image.getRGB(layout.x(l.difference().low()) - 8, y), l.label() + ": no bar before it");
		}
		int hollow = image.getRGB(layout.x(0.02), layout.y(0));
		assertEquals(Color.WHITE.getRGB(), hollow, "the interval holds 0: a hollow dot");
		assertEquals(BLUE.getRGB(), image.getRGB(layout.x(0.03), layout.y(1)), "the interval excludes 0: a filled dot");
		// The zero line is black, between the rows too.
		assertEquals(Color.BLACK.getRGB(), image.getRGB(layout.x(0), DifferenceChart.TOP + DifferenceChart.ROW));
	}

	@Test
	void ticksAreRoundStepsAtMostFourEachSide() {
		assertEquals(0.02, DifferenceChart.tickStep(0.05), 1e-12);
		assertEquals(0.05, DifferenceChart.tickStep(0.17), 1e-12);
		assertEquals(0.1, DifferenceChart.tickStep(0.25), 1e-12);
		PairedDifference wide = new PairedDifference(0.0, -0.21, 0.25, 2, 0.95);
		assertEquals(0.3, DifferenceChart.layout(List.of(new DifferenceChart.Line("x", RED, wide))).range(), 1e-12);
	}

	@Test
	void theLabelColumnFitsTheLongestLabel() {
		String longLabel = "t1ce ProtoKD prototype term without pixel KL - t1ce ProtoKD with prototype term (5 seeds)";
		List<DifferenceChart.Line> lines = List.of(
			new DifferenceChart.Line(longLabel, RED, new PairedDifference(0.0, -0.01, 0.01, 5, 0.95)));
		BufferedImage image = DifferenceChart.render(lines, "test", "axis");
		DifferenceChart.Layout layout = DifferenceChart.layout(lines);
		int y = layout.y(0);
		int lastInk = -1;
		for (int x = 0; x < layout.labelWidth(); x++) {
			for (int dy = -8; dy <= 4; dy++) {
				if (new Color(image.getRGB(x, y + dy)).getRed() < 128) {
					lastInk = x;
				}
			}
		}
		assertTrue(lastInk > 300, "the label is drawn whole: ink up to x = " + lastInk);
		assertTrue(lastInk < layout.x(-layout.range()), "the label ends before the axis starts");
	}

	@Test
	void comparisonsWithoutTwoSeedsAreLeftOutAndEachLineNamesItsSeeds() {
		ExperimentDesign design = new ExperimentDesign(ExperimentPlan.quick());
		PairedDifference d = new PairedDifference(0.01, -0.02, 0.04, 3, 0.95);
		PairedDifference[] bySeed = { d, d, d, d };
		List<ExperimentReport.Comparison> comparisons = List.of(
			new ExperimentReport.Comparison(design.row("t1ce KD-Net"), design.row("t1ce baseline"), bySeed, bySeed),
			new ExperimentReport.Comparison(design.row("t2 KD-Net"), design.row("t2 baseline"), null, bySeed));
		List<DifferenceChart.Line> lines = ComparisonChart.lines(comparisons);
		assertEquals(1, lines.size());
		assertEquals("t1ce KD-Net - t1ce baseline (3 seeds)", lines.get(0).label());
		assertEquals(DiceBarChart.colour(design.row("t1ce KD-Net")), lines.get(0).colour());
	}
}

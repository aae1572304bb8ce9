/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import org.modalitykd.experiment.ExperimentReport;
import org.modalitykd.experiment.PairedDifference;

/**
 * The experiment's answer in one picture ({@link DifferenceChart}): each compared row's
 * mean Dice minus its compared row's, paired by seed, with the 95 % interval over seeds,
 * in the colours of the Dice bar chart. Comparisons with fewer than two shared seeds have
 * no interval and are left out.
 */
public final class ComparisonChart {

	private ComparisonChart() {
	}

	public static BufferedImage render(List<ExperimentReport.Comparison> comparisons, String title) {
		return DifferenceChart.render(lines(comparisons), title,
			"difference in mean Dice (WT, TC, ET), paired by seed, 95 % interval over seeds");
	}

	static List<DifferenceChart.Line> lines(List<ExperimentReport.Comparison> comparisons) {
		return comparisons.stream().filter(c -> c.bySeed() != null)
			.map(c -> line(c, c.bySeed()[ExperimentReport.MEAN_DICE]))
			.toList();
	}

	private static DifferenceChart.Line line(ExperimentReport.Comparison c, PairedDifference mean) {
		String label = String.format(Locale.ROOT, "%s - %s (%d seeds)", c.row().label(), c.baseline().label(), mean.pairs());
		return new DifferenceChart.Line(label, DiceBarChart.colour(c.row()), mean);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import org.modalitykd.experiment.ExperimentReport;

/**
 * The experiment's answer in one picture ({@link DifferenceChart}): each compared row's
 * mean Dice minus its compared row's, paired by seed, with the 95 % interval over seeds,
 * in the colours of the Dice bar chart. Comparisons with fewer than two shared seeds have
 * no interval and are left out.
 */
public final class ComparisonChart {

	/** Index of the mean of WT, TC and ET in {@link ExperimentReport#MEASURES}. */
	private static final int MEAN_DICE = 3;

	private ComparisonChart() {
	}

	public static BufferedImage render(List<ExperimentReport.Comparison> comparisons, String title) {
		return DifferenceChart.render(lines(comparisons), title,
			"difference in mean Dice (WT, TC, ET), paired by seed, 95 % interval over seeds");
	}

	static List<DifferenceChart.Line> lines(List<ExperimentReport.Comparison> comparisons) {
		return comparisons.stream().filter(c -> c.bySeed() != null)
			.map(c -> new DifferenceChart.Line(String.format(Locale.ROOT, "%s - %s (%d seeds)", c.row().label(),
				c.baseline().label(), c.bySeed()[MEAN_DICE].pairs()), DiceBarChart.colour(c.row()), c.bySeed()[MEAN_DICE]))
			.toList();
	}
}

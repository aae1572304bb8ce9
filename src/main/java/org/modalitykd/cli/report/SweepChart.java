/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.modalitykd.experiment.ExperimentReport;
import org.modalitykd.experiment.SweepReport;
import org.modalitykd.train.TrainingMethod;

/**
 * The sweep's chart ({@link DifferenceChart}): one line per setting, its mean Dice
 * difference from its method's reference, coloured by method.
 */
public final class SweepChart {

	private SweepChart() {
	}

	public static BufferedImage render(List<SweepReport.Line> lines, String title) {
		List<DifferenceChart.Line> compared = lines.stream().filter(l -> l.difference() != null)
			.map(l -> new DifferenceChart.Line(l.point().label(), colour(l.point().method()), l.difference()[ExperimentReport.MEAN_DICE]))
			.toList();
		return DifferenceChart.render(compared, title, "difference in mean Dice (WT, TC, ET) from the reference");
	}

	private static Color colour(TrainingMethod m) {
		return switch (m) {
			case KD_NET -> new Color(214, 96, 77);
			case PROTOKD -> new Color(67, 147, 195);
			default -> new Color(110, 110, 110);
		};
	}
}

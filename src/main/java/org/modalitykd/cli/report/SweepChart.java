/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import org.modalitykd.experiment.PairedDifference;
import org.modalitykd.experiment.SweepReport;
import org.modalitykd.train.TrainingMethod;

/**
 * The sweep's chart: one line per setting, its mean Dice difference from its method's
 * reference as a dot with the 95 % interval as a bar, on a shared axis through 0, so
 * that a setting whose whole bar lies right of 0 reads as a win at a glance.
 */
public final class SweepChart {

	private static final int ROW = 22;
	private static final int TOP = 40;
	private static final int LABEL = 260;
	private static final int AXIS = 520;
	private static final int RIGHT = 30;

	private SweepChart() {
	}

	public static BufferedImage render(List<SweepReport.Line> lines, String title) {
		List<SweepReport.Line> compared = lines.stream().filter(l -> l.difference() != null).toList();
		double range = 0.05;
		for (SweepReport.Line l : compared) {
			PairedDifference d = l.difference()[3];
			range = Math.max(range, Math.max(Math.abs(d.low()), Math.abs(d.high())));
		}
		range = Math.ceil(range * 20) / 20;
		int width = LABEL + AXIS + RIGHT;
		int height = TOP + Math.max(1, compared.size()) * ROW + 40;
		ChartImage canvas = ChartImage.blank(width, height);
		BufferedImage image = canvas.image();
		Graphics2D g = canvas.graphics();
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		g.drawString(title, 10, 18);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		int bottom = TOP + compared.size() * ROW;
		for (int tick = -4; tick <= 4; tick++) {
			double v = tick * range / 4;
			int x = x(v, range);
			g.setColor(tick == 0 ? Color.BLACK : new Color(225, 225, 225));
			g.drawLine(x, TOP - 4, x, bottom);
			g.setColor(Color.DARK_GRAY);
			g.drawString(String.format(Locale.ROOT, "%+.3f", v), x - 18, bottom + 16);
		}
		g.drawString("difference in mean Dice (WT, TC, ET) from the reference", LABEL + AXIS / 2 - 150, bottom + 32);
		for (int i = 0; i < compared.size(); i++) {
			SweepReport.Line l = compared.get(i);
			PairedDifference d = l.difference()[3];
			int y = TOP + i * ROW + ROW / 2;
			g.setColor(Color.BLACK);
			g.drawString(l.point().label(), 10, y + 4);
			g.setColor(colour(l.point().method()));
			g.setStroke(new BasicStroke(3f));
			g.drawLine(x(d.low(), range), y, x(d.high(), range), y);
			g.fillOval(x(d.mean(), range) - 4, y - 4, 9, 9);
			g.setStroke(new BasicStroke(1f));
		}
		g.dispose();
		return image;
	}

	private static int x(double v, double range) {
		double clamped = Math.max(-range, Math.min(range, v));
		return LABEL + (int) Math.round((clamped + range) / (2 * range) * AXIS);
	}

	private static Color colour(TrainingMethod m) {
		return switch (m) {
			case KD_NET -> new Color(214, 96, 77);
			case PROTOKD -> new Color(67, 147, 195);
			default -> new Color(110, 110, 110);
		};
	}
}

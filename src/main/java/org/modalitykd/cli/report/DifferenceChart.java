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

/**
 * Paired differences as a forest plot: one line per comparison, the mean difference as a
 * dot and its 95 % interval as a bar, on one axis through 0, so that a comparison whose
 * whole bar lies right of 0 reads as a win at a glance. The dot is filled when the
 * interval excludes 0 and hollow when it does not. The axis is symmetric and at least
 * +-0.05 wide, so that small differences are not blown up to fill the chart; its ticks
 * are round steps (0.01, 0.02, 0.025, 0.05, 0.1, ...).
 */
public final class DifferenceChart {

	/** One comparison: its label, colour and difference. */
	public record Line(String label, Color colour, PairedDifference difference) {
	}

	static final int ROW = 22;
	static final int TOP = 48;
	static final int AXIS = 520;
	private static final int RIGHT = 30;
	private static final int MARGIN = 10;
	private static final int MIN_LABEL = 160;
	private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

	private DifferenceChart() {
	}

	/**
	 * @param axisTitle what the differences are, written under the axis
	 */
	public static BufferedImage render(List<Line> lines, String title, String axisTitle) {
		Layout layout = layout(lines);
		double range = layout.range();
		int bottom = TOP + Math.max(1, lines.size()) * ROW;
		ChartImage canvas = ChartImage.blank(layout.width(), bottom + 40);
		Graphics2D g = canvas.graphics();
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		g.drawString(title, MARGIN, 18);
		g.setFont(LABEL_FONT);
		key(g, layout.labelWidth(), 32);
		int ticks = (int) Math.round(range / layout.step());
		for (int tick = -ticks; tick <= ticks; tick++) {
			double v = tick * layout.step();
			int x = layout.x(v);
			g.setColor(tick == 0 ? Color.BLACK : new Color(225, 225, 225));
			g.drawLine(x, TOP - 4, x, bottom);
			g.setColor(Color.DARK_GRAY);
			g.drawString(String.format(Locale.ROOT, "%+.3f", v), x - 18, bottom + 16);
		}
		int titleWidth = g.getFontMetrics().stringWidth(axisTitle);
		g.drawString(axisTitle, layout.x(0) - titleWidth / 2, bottom + 32);
		if (lines.isEmpty()) {
			g.setColor(Color.DARK_GRAY);
			g.drawString("nothing to draw yet: no comparison has an interval", MARGIN, layout.y(0) + 4);
		}
		for (int i = 0; i < lines.size(); i++) {
			Line l = lines.get(i);
			PairedDifference d = l.difference();
			int y = layout.y(i);
			g.setColor(Color.BLACK);
			g.drawString(l.label(), MARGIN, y + 4);
			g.setColor(l.colour());
			g.setStroke(new BasicStroke(3f));
			g.drawLine(layout.x(d.low()), y, layout.x(d.high()), y);
			g.setStroke(new BasicStroke(1f));
			dot(g, layout.x(d.mean()), y, l.colour(), d.significant());
		}
		g.dispose();
		return canvas.image();
	}

	/** The smallest round step that divides {@code range} into at most four ticks each side. */
	static double tickStep(double range) {
		for (double step : new double[] { 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5 }) {
			if (range / step <= 4 + 1e-9) {
				return step;
			}
		}
		return 1;
	}

	private static void key(Graphics2D g, int x, int y) {
		g.setColor(Color.DARK_GRAY);
		dot(g, x + 4, y - 4, Color.DARK_GRAY, true);
		g.drawString("interval excludes 0", x + 14, y);
		dot(g, x + 164, y - 4, Color.DARK_GRAY, false);
		g.drawString("interval holds 0", x + 174, y);
	}

	private static void dot(Graphics2D g, int cx, int cy, Color colour, boolean filled) {
		if (filled) {
			g.setColor(colour);
			g.fillOval(cx - 4, cy - 4, 9, 9);
		} else {
			g.setColor(Color.WHITE);
			g.fillOval(cx - 4, cy - 4, 9, 9);
			g.setColor(colour);
			g.setStroke(new BasicStroke(2f));
			g.drawOval(cx - 4, cy - 4, 9, 9);
			g.setStroke(new BasicStroke(1f));
		}
		g.setColor(colour);
	}

	/** Where things go: the label column fits the longest label, the axis fits every interval. */
	static Layout layout(List<Line> lines) {
		double range = 0.05;
		for (Line l : lines) {
			range = Math.max(range, Math.max(Math.abs(l.difference().low()), Math.abs(l.difference().high())));
		}
		double step = tickStep(range);
		range = Math.ceil(range / step - 1e-9) * step;
		Graphics2D g = ChartImage.blank(1, 1).graphics();
		int label = MIN_LABEL;
		for (Line l : lines) {
			label = Math.max(label, g.getFontMetrics(LABEL_FONT).stringWidth(l.label()) + 2 * MARGIN);
		}
		g.dispose();
		return new Layout(label, range, step);
	}

	/**
	 * @param labelWidth width of the label column, margins included
	 * @param range      the axis runs from -range to +range
	 * @param step       between two ticks
	 */
	record Layout(int labelWidth, double range, double step) {

		int width() {
			return labelWidth + AXIS + RIGHT;
		}

		int x(double v) {
			double clamped = Math.max(-range, Math.min(range, v));
			return labelWidth + (int) Math.round((clamped + range) / (2 * range) * AXIS);
		}

		int y(int line) {
			return TOP + line * ROW + ROW / 2;
		}
	}
}

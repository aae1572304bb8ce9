/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import org.modalitykd.experiment.ExperimentReport;
import org.modalitykd.train.TrainingMethod;

/**
 * The experiment's bar chart: one panel per region (WT, TC, ET), one bar per table row
 * (mean test Dice over seeds) with a whisker of +- one standard deviation over seeds,
 * coloured by method so that a student and its baseline are told apart at a glance.
 */
public final class DiceBarChart {

	private static final int BAR = 22;
	private static final int GAP = 6;
	private static final int PANEL_HEIGHT = 200;
	private static final int LEFT = 56;
	private static final int TOP = 48;
	private static final int LABELS = 235;
	private static final int LEGEND = 30;
	private static final int PANEL_GAP = 28;

	private DiceBarChart() {
	}

	public static BufferedImage render(List<ExperimentReport.RowSummary> rows, String title) {
		int panelWidth = rows.size() * (BAR + GAP) + GAP;
		int width = LEFT + 3 * panelWidth + 2 * PANEL_GAP + 20;
		int height = TOP + PANEL_HEIGHT + LABELS + LEGEND;
		ChartImage canvas = ChartImage.blank(width, height);
		BufferedImage image = canvas.image();
		Graphics2D g = canvas.graphics();
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString(title, LEFT, 17);
		for (int region = 0; region < 3; region++) {
			drawPanel(g, rows, region, LEFT + region * (panelWidth + PANEL_GAP), panelWidth);
		}
		drawLegend(g, LEFT, height - 12);
		g.dispose();
		return image;
	}

	private static void drawPanel(Graphics2D g, List<ExperimentReport.RowSummary> rows, int region, int x0, int width) {
		int baseY = TOP + PANEL_HEIGHT;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int tick = 0; tick <= 10; tick += 2) {
			int y = baseY - tick * PANEL_HEIGHT / 10;
			g.setColor(new Color(225, 225, 225));
			g.drawLine(x0, y, x0 + width, y);
			if (region == 0) {
				g.setColor(Color.DARK_GRAY);
				g.drawString(String.format(Locale.ROOT, "%.1f", tick / 10.0), x0 - 26, y + 4);
			}
		}
		g.setColor(Color.BLACK);
		g.drawLine(x0, baseY, x0 + width, baseY);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		g.drawString("Dice " + ExperimentReport.REGIONS[region], x0 + width / 2 - 24, TOP - 4);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		FontMetrics fm = g.getFontMetrics();
		for (int i = 0; i < rows.size(); i++) {
			ExperimentReport.RowSummary r = rows.get(i);
			int x = x0 + GAP + i * (BAR + GAP);
			double mean = clamp(r.mean()[region]);
			int top = baseY - (int) Math.round(mean * PANEL_HEIGHT);
			g.setColor(colour(r.row()));
			g.fillRect(x, top, BAR, baseY - top);
			double std = r.std()[region];
			if (Double.isFinite(std)) {
				int hi = baseY - (int) Math.round(clamp(mean + std) * PANEL_HEIGHT);
				int lo = baseY - (int) Math.round(clamp(mean - std) * PANEL_HEIGHT);
				g.setColor(Color.BLACK);
				g.setStroke(new BasicStroke(1.2f));
				g.drawLine(x + BAR / 2, hi, x + BAR / 2, lo);
				g.drawLine(x + BAR / 2 - 4, hi, x + BAR / 2 + 4, hi);
				g.drawLine(x + BAR / 2 - 4, lo, x + BAR / 2 + 4, lo);
			}
			AffineTransform saved = g.getTransform();
			g.translate(x + BAR / 2 + fm.getAscent() / 2 - 1, baseY + 6);
			g.rotate(Math.PI / 2);
			g.setColor(Color.BLACK);
			g.drawString(r.row().label(), 0, 0);
			g.setTransform(saved);
		}
	}

	private static void drawLegend(Graphics2D g, int x, int y) {
		String[] names = { "teacher", "baseline", "KD-Net", "ProtoKD", "alone (half)", "unpaired" };
		Color[] colours = { new Color(90, 90, 90), new Color(160, 190, 220), new Color(240, 160, 60),
			new Color(200, 60, 60), new Color(170, 210, 160), new Color(50, 140, 80) };
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		FontMetrics fm = g.getFontMetrics();
		for (int i = 0; i < names.length; i++) {
			g.setColor(colours[i]);
			g.fillRect(x, y - 10, 12, 12);
			g.setColor(Color.BLACK);
			g.drawString(names[i], x + 16, y);
			x += 16 + fm.stringWidth(names[i]) + 18;
		}
		g.drawString("whiskers: +- 1 std over seeds", x + 10, y);
	}

	private static Color colour(org.modalitykd.experiment.ExperimentDesign.Row row) {
		TrainingMethod m = row.training().method();
		if (row.training().isTeacher()) {
			return new Color(90, 90, 90);
		}
		return switch (m) {
			case KD_NET -> new Color(240, 160, 60);
			case PROTOKD -> new Color(200, 60, 60);
			case UNPAIRED -> new Color(50, 140, 80);
			case SUPERVISED -> row.training().cases() == org.modalitykd.experiment.ExperimentDesign.Cases.ALL
				? new Color(160, 190, 220) : new Color(170, 210, 160);
		};
	}

	private static double clamp(double v) {
		return Math.max(0, Math.min(1, v));
	}
}

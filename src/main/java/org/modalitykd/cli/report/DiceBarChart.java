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
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modalitykd.experiment.ExperimentDesign;
import org.modalitykd.experiment.ExperimentReport;
import org.modalitykd.train.TrainingMethod;

/**
 * The experiment's bar chart: one horizontal bar per table row (mean test Dice over seeds)
 * with a whisker of +- one standard deviation over seeds, in three panels (WT, TC, ET)
 * that share the row labels on the left. Horizontal bars keep long labels such as "t2
 * unpaired with shared batch norm (t2+flair)" readable however many rows a design has.
 * Bars are coloured by method so that a student and its baseline are told apart at a
 * glance; a variant (an ablation, or the baseline with other augmentation) is a lighter
 * shade of its family's colour.
 */
public final class DiceBarChart {

	static final int ROW = 18;
	static final int BAR = 12;
	static final int PANEL = 260;
	static final int PANEL_GAP = 26;
	static final int TOP = 70;
	static final int MARGIN = 12;
	private static final int AXIS_LABELS = 26;
	private static final int LEGEND_KEY = 16;
	private static final int LEGEND_GAP = 18;
	private static final String WHISKERS = "whiskers: +- 1 std over seeds";
	private static final String VARIANT = " variant";
	private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	private DiceBarChart() {
	}

	/** Where the bars are drawn, so that a test can read a bar's end off the picture. */
	record Layout(int labelWidth, int width, int height) {

		int panelX(int region) {
			return MARGIN + labelWidth + region * (PANEL + PANEL_GAP);
		}

		int rowY(int row) {
			return TOP + row * ROW;
		}
	}

	static Layout layout(List<ExperimentReport.RowSummary> rows) {
		Graphics2D g = ChartImage.blank(1, 1).graphics();
		FontMetrics fm = g.getFontMetrics(LABEL_FONT);
		int labelWidth = 0;
		for (ExperimentReport.RowSummary r : rows) {
			labelWidth = Math.max(labelWidth, fm.stringWidth(r.row().label()));
		}
		labelWidth += 10;
		int legend = MARGIN;
		for (String kind : legendKeys(rows).keySet()) {
			legend += LEGEND_KEY + fm.stringWidth(kind) + LEGEND_GAP;
		}
		legend += fm.stringWidth(WHISKERS) + MARGIN;
		g.dispose();
		int width = Math.max(MARGIN + labelWidth + 3 * PANEL + 2 * PANEL_GAP + MARGIN, legend);
		return new Layout(labelWidth, width, TOP + rows.size() * ROW + AXIS_LABELS);
	}

	/**
	 * "mean of 5 seeds", or "mean of 2 to 3 seeds" while some rows lack seeds: the count the
	 * records hold, not the plan's, since a report of an unfinished experiment is drawn too.
	 */
	public static String seedsPhrase(List<ExperimentReport.RowSummary> rows) {
		int least = rows.stream().mapToInt(ExperimentReport.RowSummary::seeds).min().orElse(0);
		int most = rows.stream().mapToInt(ExperimentReport.RowSummary::seeds).max().orElse(0);
		return "mean of " + (least == most ? least : least + " to " + most) + (most == 1 ? " seed" : " seeds");
	}

	public static BufferedImage render(List<ExperimentReport.RowSummary> rows, String title) {
		Layout layout = layout(rows);
		ChartImage canvas = ChartImage.blank(layout.width(), layout.height());
		Graphics2D g = canvas.graphics();
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString(title, MARGIN, 18);
		drawLegend(g, rows, MARGIN, 38);
		g.setFont(LABEL_FONT);
		FontMetrics fm = g.getFontMetrics();
		for (int i = 0; i < rows.size(); i++) {
			String label = rows.get(i).row().label();
			g.setColor(Color.BLACK);
			g.drawString(label, MARGIN + layout.labelWidth() - 10 - fm.stringWidth(label),
				layout.rowY(i) + ROW / 2 + fm.getAscent() / 2 - 1);
		}
		for (int region = 0; region < 3; region++) {
			drawPanel(g, rows, region, layout);
		}
		g.dispose();
		return canvas.image();
	}

	private static void drawPanel(Graphics2D g, List<ExperimentReport.RowSummary> rows, int region, Layout layout) {
		int x0 = layout.panelX(region);
		int top = layout.rowY(0);
		int bottom = layout.rowY(rows.size());
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		FontMetrics fm = g.getFontMetrics();
		for (int tick = 0; tick <= 10; tick += 2) {
			int x = x0 + tick * PANEL / 10;
			g.setColor(new Color(225, 225, 225));
			g.drawLine(x, top, x, bottom);
			g.setColor(Color.DARK_GRAY);
			String text = String.format(Locale.ROOT, "%.1f", tick / 10.0);
			g.drawString(text, x - fm.stringWidth(text) / 2, bottom + 14);
		}
		g.setColor(Color.BLACK);
		g.drawLine(x0, top, x0, bottom);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		String heading = "Dice " + ExperimentReport.REGIONS[region];
		g.drawString(heading, x0 + (PANEL - g.getFontMetrics().stringWidth(heading)) / 2, top - 6);
		for (int i = 0; i < rows.size(); i++) {
			ExperimentReport.RowSummary r = rows.get(i);
			int y = layout.rowY(i) + (ROW - BAR) / 2;
			double mean = clamp(r.mean()[region]);
			g.setColor(colour(r.row()));
			g.fillRect(x0 + 1, y, (int) Math.round(mean * PANEL), BAR);
			double std = r.std()[region];
			if (Double.isFinite(std)) {
				int lo = x0 + (int) Math.round(clamp(mean - std) * PANEL);
				int hi = x0 + (int) Math.round(clamp(mean + std) * PANEL);
				int mid = y + BAR / 2;
				g.setColor(Color.BLACK);
				g.setStroke(new BasicStroke(1.2f));
				g.drawLine(lo, mid, hi, mid);
				g.drawLine(lo, mid - 4, lo, mid + 4);
				g.drawLine(hi, mid - 4, hi, mid + 4);
			}
		}
	}

	/** One key per kind of row the chart shows, in the order they first appear. */
	private static void drawLegend(Graphics2D g, List<ExperimentReport.RowSummary> rows, int x, int y) {
		g.setFont(LABEL_FONT);
		FontMetrics fm = g.getFontMetrics();
		for (Map.Entry<String, Color> key : legendKeys(rows).entrySet()) {
			g.setColor(key.getValue());
			g.fillRect(x, y - 10, 12, 12);
			g.setColor(Color.BLACK);
			g.drawString(key.getKey(), x + LEGEND_KEY, y);
			x += LEGEND_KEY + fm.stringWidth(key.getKey()) + LEGEND_GAP;
		}
		g.drawString(WHISKERS, x, y);
	}

	private static Map<String, Color> legendKeys(List<ExperimentReport.RowSummary> rows) {
		Map<String, Color> keys = new LinkedHashMap<>();
		for (ExperimentReport.RowSummary r : rows) {
			keys.putIfAbsent(kind(r.row()), colour(r.row()));
		}
		return keys;
	}

	/**
	 * What the legend calls a row: its method, and "variant" for a row judged against
	 * another of the same family (an ablation, or the baseline with nnU-Net's augmentation).
	 */
	static String kind(ExperimentDesign.Row row) {
		return Kind.of(row).label + (isVariant(row) ? VARIANT : "");
	}

	static Color colour(ExperimentDesign.Row row) {
		Color base = Kind.of(row).colour;
		return isVariant(row) ? lighter(base) : base;
	}

	private static boolean isVariant(ExperimentDesign.Row row) {
		return row.reference() != null || (row.training().method() == TrainingMethod.SUPERVISED && row.baseline() != null);
	}

	/** What a bar's training is, its legend label and colour. */
	private enum Kind {
		TEACHER("teacher", new Color(90, 90, 90)),
		BASELINE("baseline", new Color(110, 150, 205)),
		ALONE_HALF("alone (half)", new Color(95, 110, 150)),
		KD_NET("KD-Net", new Color(240, 160, 60)),
		PROTOKD("ProtoKD", new Color(200, 60, 60)),
		UNPAIRED("unpaired", new Color(50, 140, 80));

		final String label;
		final Color colour;

		Kind(String label, Color colour) {
			this.label = label;
			this.colour = colour;
		}

		static Kind of(ExperimentDesign.Row row) {
			ExperimentDesign.Training t = row.training();
			return switch (t.method()) {
				case KD_NET -> KD_NET;
				case PROTOKD -> PROTOKD;
				case UNPAIRED -> UNPAIRED;
				case SUPERVISED -> t.isTeacher() ? TEACHER : t.cases() == ExperimentDesign.Cases.ALL ? BASELINE : ALONE_HALF;
			};
		}
	}

	private static Color lighter(Color c) {
		return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
	}

	private static double clamp(double v) {
		return Math.max(0, Math.min(1, v));
	}
}

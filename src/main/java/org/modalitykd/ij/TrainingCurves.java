/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.gui.Plot;

/**
 * The curves of a training run as they arrive: every loss term against the step, and
 * the validation Dice (WT, TC, ET, mean) against the step of each validation, drawn as
 * one {@link Plot} (loss terms as lines, Dice as connected circles on the same axes:
 * both are about 0 to 2). Thread-safe: the training thread adds, the plot is drawn from
 * a snapshot.
 */
final class TrainingCurves {

	/** Step terms that are not losses: on other scales, they would flatten the curves. They stay in the CSV log. */
	static final Set<String> NOT_PLOTTED = Set.of("learning_rate", "gradient_norm");
	/** The prefix of the validation series' labels: {@code val dice_wt}. */
	static final String VALIDATION = "val ";

	private static final Color[] LOSS_COLORS = { Color.BLACK, new Color(0x1f77b4), new Color(0xff7f0e),
		new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0x17becf),
		new Color(0xbcbd22) };
	private static final Map<String, Color> DICE_COLORS = Map.of("dice_wt", new Color(0x2ca02c), "dice_tc",
		new Color(0xd62728), "dice_et", new Color(0xe6b800), "dice_mean", new Color(0x006400));

	private final Map<String, Series> losses = new LinkedHashMap<>();
	private final Map<String, Series> dice = new LinkedHashMap<>();

	private static final class Series {
		final List<Double> x = new ArrayList<>();
		final List<Double> y = new ArrayList<>();

		void add(double step, double value) {
			x.add(step);
			y.add(value);
		}

		double[] xs() {
			return x.stream().mapToDouble(Double::doubleValue).toArray();
		}

		double[] ys() {
			return y.stream().mapToDouble(Double::doubleValue).toArray();
		}
	}

	synchronized void step(long step, Map<String, Double> terms) {
		terms.forEach((name, value) -> {
			if (!NOT_PLOTTED.contains(name) && Double.isFinite(value)) {
				losses.computeIfAbsent(name, k -> new Series()).add(step, value);
			}
		});
	}

	synchronized void validation(long step, Map<String, Double> metrics) {
		metrics.forEach((name, value) -> dice.computeIfAbsent(name, k -> new Series()).add(step, value));
	}

	/**
	 * Adds the rows of a run's {@code training-log.csv} up to step {@code upTo}: a resumed
	 * run's plot shows the whole run. Columns {@code val_dice_*} are the validation Dice;
	 * empty cells (no validation at that step) are skipped.
	 */
	synchronized void readLog(Path csv, long upTo) throws IOException {
		List<String> rows = Files.readAllLines(csv);
		if (rows.isEmpty()) {
			return;
		}
		String[] header = rows.get(0).split(",");
		for (String row : rows.subList(1, rows.size())) {
			String[] cells = row.split(",", -1);
			long step = Long.parseLong(cells[0]);
			if (step > upTo) {
				break;
			}
			Map<String, Double> terms = new LinkedHashMap<>();
			Map<String, Double> validation = new LinkedHashMap<>();
			for (int c = 1; c < Math.min(header.length, cells.length); c++) {
				if (cells[c].isEmpty()) {
					continue;
				}
				double v = Double.parseDouble(cells[c]);
				if (header[c].startsWith("val_")) {
					validation.put(header[c].substring(4), v);
				} else {
					terms.put(header[c], v);
				}
			}
			step(step, terms);
			if (!validation.isEmpty()) {
				validation(step, validation);
			}
		}
	}

	/** The series' labels in drawing order: loss terms, then {@code val dice_...}. */
	synchronized List<String> labels() {
		List<String> l = new ArrayList<>(losses.keySet());
		dice.keySet().forEach(k -> l.add(VALIDATION + k));
		return l;
	}

	/** The plot of everything so far, x from 0 to {@code steps}. */
	synchronized Plot plot(String title, long steps) {
		Plot plot = new Plot(title, "step", "loss terms; validation Dice (circles)");
		plot.setSize(720, 400);
		double max = 1;
		for (Series s : losses.values()) {
			for (double v : s.y) {
				max = Math.max(max, v);
			}
		}
		plot.setLimits(0, Math.max(1, steps), 0, max * 1.05);
		List<String> labels = new ArrayList<>();
		int i = 0;
		for (Map.Entry<String, Series> e : losses.entrySet()) {
			plot.setColor(LOSS_COLORS[i++ % LOSS_COLORS.length]);
			plot.setLineWidth(e.getKey().equals("loss") ? 2 : 1);
			plot.addPoints(e.getValue().xs(), e.getValue().ys(), Plot.LINE);
			labels.add(e.getKey());
		}
		plot.setLineWidth(1);
		for (Map.Entry<String, Series> e : dice.entrySet()) {
			Color c = DICE_COLORS.getOrDefault(e.getKey(), Color.GRAY);
			plot.setColor(c, c);
			plot.addPoints(e.getValue().xs(), e.getValue().ys(), Plot.CONNECTED_CIRCLES);
			labels.add(VALIDATION + e.getKey());
		}
		if (!labels.isEmpty()) {
			plot.setColor(Color.BLACK);
			plot.setLegend(String.join("\n", labels), Plot.AUTO_POSITION);
		}
		return plot;
	}
}

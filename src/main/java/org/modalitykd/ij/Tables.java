/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.FontMetrics;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;

import ij.IJ;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.text.TextPanel;
import ij.text.TextWindow;

/**
 * Shows a table under its title. Headless or without an ImageJ window (a batch job),
 * ImageJ 1 keeps no named tables (they live in windows), so there the rows go to the
 * Results table, the one a macro's getResult and getResultString read.
 */
final class Tables {

	private Tables() {
	}

	static void show(ResultsTable rt, String title) {
		if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
			ResultsTable results = ResultsTable.getResultsTable();
			results.reset();
			for (int r = 0; r < rt.size(); r++) {
				results.incrementCounter();
				for (String col : rt.getHeadings()) {
					results.addValue(col, rt.getStringValue(col, r));
				}
			}
			results.show("Results");
		} else {
			rt.show(title);
			widenToFit(rt, title);
		}
	}

	/**
	 * ImageJ opens a new table window at a fixed width, which cuts long values (a path, a
	 * device note) at the edge; widen it to the longest row, up to most of the screen.
	 */
	private static void widenToFit(ResultsTable rt, String title) {
		if (!(WindowManager.getWindow(title) instanceof TextWindow window)) {
			return;
		}
		TextPanel panel = window.getTextPanel();
		FontMetrics metrics = panel.getFontMetrics(panel.getFont());
		// ImageJ lays the columns out at their widest cell plus a margin, and draws with a
		// font a little wider than the panel's; the scroll bar needs room too.
		int widest = 60;
		String[] headings = rt.getHeadings();
		for (String heading : headings) {
			int column = metrics.stringWidth(heading);
			for (int r = 0; r < rt.size(); r++) {
				String cell = rt.columnExists(heading) ? rt.getStringValue(heading, r) : rt.getLabel(r);
				column = Math.max(column, metrics.stringWidth(cell == null ? "" : cell));
			}
			widest += (int) (column * 1.1) + 60;
		}
		int wanted = Math.min(widest, (int) (Toolkit.getDefaultToolkit().getScreenSize().width * 0.9));
		if (wanted > window.getWidth()) {
			window.setSize(wanted, window.getHeight());
		}
	}
}

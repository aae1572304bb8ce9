/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.measure.ResultsTable;

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
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code bench --suite perf}, printed as one Markdown table:
 * measurement, unit, ours, the PyTorch peer, ours/peer and a note. A missing value is
 * NaN and prints as "-".
 */
public final class PerfTable {

	static final String HEADER = "| measurement | unit | ModalityKD | PyTorch | ours/PyTorch | note |";

	record Row(String measurement, String unit, double ours, double peer, String note) {
		double ratio() {
			return ours / peer;
		}
	}

	private final List<Row> rows = new ArrayList<>();
	private final PrintWriter progress;

	/** @param progress where each row is also printed as soon as it is measured (a long run shows it is alive), or null */
	PerfTable(PrintWriter progress) {
		this.progress = progress;
	}

	void add(String measurement, String unit, double ours, double peer, String note) {
		rows.add(new Row(measurement, unit, ours, peer, note));
		if (progress != null) {
			progress.printf("  measured %s: %s %s (PyTorch %s)%n", measurement, number(ours), unit, number(peer));
			progress.flush();
		}
	}

	List<Row> rows() {
		return rows;
	}

	/** The row of that measurement, or null. */
	Row row(String measurement) {
		return rows.stream().filter(r -> r.measurement().equals(measurement)).findFirst().orElse(null);
	}

	void print(PrintWriter out) {
		out.println(HEADER);
		out.println("|---|---|---:|---:|---:|---|");
		for (Row r : rows) {
			out.printf("| %s | %s | %s | %s | %s | %s |%n", r.measurement(), r.unit(), number(r.ours()), number(r.peer()),
				number(r.ratio()), r.note());
		}
		out.flush();
	}

	/** Three significant digits, no exponent for the sizes printed here; "-" for NaN. */
	static String number(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) {
			return "-";
		}
		double a = Math.abs(v);
		if (a >= 100) {
			return String.format("%.0f", v);
		}
		if (a >= 10) {
			return String.format("%.1f", v);
		}
		if (a >= 1) {
			return String.format("%.2f", v);
		}
		return String.format("%.3f", v);
	}
}

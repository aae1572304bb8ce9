/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modalitykd.io.AtomicFile;

/**
 * Per-case, per-region metrics and their summary (mean, sample standard deviation,
 * median over cases, NaN values left out), written as CSV with the columns
 * {@code case_id,region,dice,hd95_mm,sensitivity,specificity,ref_volume_ml,pred_volume_ml}.
 * Summary rows carry {@code mean}, {@code std} or {@code median} as their case id. NaN is
 * written as an empty cell. Not thread-safe.
 */
public final class EvaluationReport {

	/** One case's metrics. */
	public record CaseResult(String caseId, Map<BratsRegion, RegionMetrics> metrics) {
	}

	public static final String[] SUMMARIES = { "mean", "std", "median" };

	private final List<CaseResult> cases = new ArrayList<>();

	public void add(String caseId, Map<BratsRegion, RegionMetrics> metrics) {
		cases.add(new CaseResult(caseId, Map.copyOf(metrics)));
	}

	public List<CaseResult> cases() {
		return List.copyOf(cases);
	}

	/**
	 * The summary of one metric over cases: {@code summary} is mean, std or median.
	 *
	 * @param metric index into {@link RegionMetrics#NAMES}
	 */
	public double summary(BratsRegion region, int metric, String summary) {
		double[] v = cases.stream().mapToDouble(c -> c.metrics().get(region).values()[metric]).filter(x -> !Double.isNaN(x))
			.sorted().toArray();
		if (v.length == 0) {
			return Double.NaN;
		}
		double mean = Arrays.stream(v).sum() / v.length;
		return switch (summary) {
			case "mean" -> mean;
			case "std" -> v.length < 2 ? Double.NaN
				: Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
			case "median" -> v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
			default -> throw new IllegalArgumentException("unknown summary " + summary);
		};
	}

	/** The CSV text. */
	public String toCsv() {
		StringBuilder sb = new StringBuilder("case_id,region," + String.join(",", RegionMetrics.NAMES) + "\n");
		for (CaseResult c : cases) {
			for (BratsRegion r : BratsRegion.values()) {
				sb.append(csvField(c.caseId())).append(',').append(r);
				for (double v : c.metrics().get(r).values()) {
					sb.append(',').append(number(v));
				}
				sb.append('\n');
			}
		}
		for (String s : SUMMARIES) {
			for (BratsRegion r : BratsRegion.values()) {
				sb.append(s).append(',').append(r);
				for (int m = 0; m < RegionMetrics.NAMES.length; m++) {
					sb.append(',').append(number(summary(r, m, s)));
				}
				sb.append('\n');
			}
		}
		return sb.toString();
	}

	/** Writes the CSV atomically. */
	public void writeCsv(Path file) throws IOException {
		try (AtomicFile out = AtomicFile.create(file)) {
			Writer w = new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8);
			w.write(toCsv());
			w.flush();
			out.commit();
		}
	}

	private static String number(double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
	}

	private static String csvField(String s) {
		return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}

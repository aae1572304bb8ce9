/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modalitykd.io.AtomicFile;

/**
 * The sweep's verdict per setting: each point's difference from its method's reference
 * point, paired by seed and modality (same teacher, split and validation cases), with a
 * 95 % t interval over those pairs, per measure (Dice WT, TC, ET and their mean). The
 * winner of a factor is the point with the highest mean difference; the tables say
 * whether its interval excludes 0.
 */
public final class SweepReport {

	/**
	 * @param point      the setting
	 * @param reference  the setting it differs from in one factor
	 * @param mean       the point's mean Dice over its pairs, per measure
	 * @param difference point minus reference, per measure (null below two pairs)
	 */
	public record Line(SweepPoints.Point point, SweepPoints.Point reference, double[] mean, PairedDifference[] difference) {
	}

	private final List<Line> lines = new ArrayList<>();

	public SweepReport(ExperimentPlan plan, ExperimentRecords records) {
		for (SweepPoints.Point p : SweepPoints.all()) {
			SweepPoints.Point ref = SweepPoints.referenceOf(p);
			List<double[]> mine = new ArrayList<>();
			List<double[]> theirs = new ArrayList<>();
			for (String m : plan.studentModalities()) {
				Map<Long, double[]> a = ExperimentReport.seedMeans(records, m + " " + p.label());
				Map<Long, double[]> b = ref == null ? a : ExperimentReport.seedMeans(records, m + " " + ref.label());
				for (Long seed : a.keySet()) {
					if (b.containsKey(seed)) {
						mine.add(a.get(seed));
						theirs.add(b.get(seed));
					}
				}
			}
			if (mine.isEmpty()) {
				continue;
			}
			int k = ExperimentReport.MEASURES.length;
			double[] mean = new double[k];
			PairedDifference[] d = ref == null || mine.size() < 2 ? null : new PairedDifference[k];
			for (int i = 0; i < k; i++) {
				int measure = i;
				double[] x = mine.stream().mapToDouble(v -> v[measure]).toArray();
				mean[i] = java.util.Arrays.stream(x).average().orElseThrow();
				if (d != null) {
					d[i] = PairedDifference.of(x, theirs.stream().mapToDouble(v -> v[measure]).toArray(),
						ExperimentReport.LEVEL);
				}
			}
			lines.add(new Line(p, ref, mean, d));
		}
	}

	public List<Line> lines() {
		return List.copyOf(lines);
	}

	/** The sweep table in Markdown. */
	public String markdown(ExperimentPlan plan) {
		StringBuilder s = new StringBuilder();
		s.append("### Sweep: each setting against its method's reference, paired by seed and modality (")
			.append(plan.studentModalities()).append(" x seeds; ").append(Math.round(ExperimentReport.LEVEL * 100))
			.append(" % t interval)\n\n");
		s.append("| setting | mean Dice | compared with | pairs | WT | TC | ET | mean |\n|---|---|---|---|---|---|---|---|\n");
		for (Line l : lines) {
			s.append(String.format(Locale.ROOT, "| %s | %.3f | %s", l.point().label(), l.mean()[3],
				l.reference() == null ? "(reference)" : l.reference().label()));
			if (l.difference() == null) {
				s.append(" | | | | | |\n");
				continue;
			}
			s.append(" | ").append(l.difference()[0].pairs());
			for (PairedDifference p : l.difference()) {
				s.append(String.format(Locale.ROOT, " | %+.3f [%+.3f, %+.3f]%s", p.mean(), p.low(), p.high(),
					p.significant() ? " *" : ""));
			}
			s.append(" |\n");
		}
		return s.append("\n`*`: the interval excludes 0.\n").toString();
	}

	/** {@code sweep.csv} in {@code dir}. */
	public void writeCsv(Path dir) throws IOException {
		StringBuilder s = new StringBuilder("setting,compared_with,pairs,dice_mean");
		for (String measure : ExperimentReport.MEASURES) {
			String k = measure.toLowerCase(Locale.ROOT);
			s.append(',').append(k).append("_difference,").append(k).append("_low,").append(k).append("_high");
		}
		s.append('\n');
		for (Line l : lines) {
			s.append(l.point().name()).append(',').append(l.reference() == null ? "" : l.reference().name()).append(',')
				.append(l.difference() == null ? 0 : l.difference()[0].pairs())
				.append(String.format(Locale.ROOT, ",%.6f", l.mean()[3]));
			for (int k = 0; k < ExperimentReport.MEASURES.length; k++) {
				PairedDifference p = l.difference() == null ? null : l.difference()[k];
				s.append(p == null ? ",,," : String.format(Locale.ROOT, ",%.6f,%.6f,%.6f", p.mean(), p.low(), p.high()));
			}
			s.append('\n');
		}
		AtomicFile.writeString(dir.resolve("sweep.csv"), s.toString());
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modalitykd.io.AtomicFile;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingOption;

/**
 * The sweep's verdict per setting: each point's difference from its method's reference
 * point, paired by seed and modality (same teacher, split and validation cases), with a
 * 95 % t interval over those pairs, per measure (Dice WT, TC, ET and their mean). The
 * winner of a factor ({@link #winners()}) is the setting with the highest mean difference
 * in mean Dice, the reference itself counting as 0: a point estimate, since two seeds
 * rarely exclude 0; the tables say whether its interval does. A point must beat the
 * reference by more than {@link #MIN_GAIN} to replace it, so that a difference far below
 * the seed spread does not move a default away from the published value.
 */
public final class SweepReport {

	/** Mean Dice difference a point needs to replace its reference: half a Dice point. */
	public static final double MIN_GAIN = 0.005;

	/**
	 * @param point      the setting
	 * @param reference  the setting it differs from in one factor
	 * @param mean       the point's mean Dice over its pairs, per measure
	 * @param difference point minus reference, per measure (null below two pairs)
	 */
	public record Line(SweepPoints.Point point, SweepPoints.Point reference, double[] mean, PairedDifference[] difference) {
	}

	/**
	 * The best setting of one factor of one method.
	 *
	 * @param method    the method
	 * @param factor    the setting varied
	 * @param reference the method's reference line
	 * @param best      the winning line: the reference when no point of the factor beats it
	 * @param tried     the points of the factor that were compared
	 */
	public record Winner(TrainingMethod method, TrainingOption factor, Line reference, Line best, int tried) {

		/** Whether the reference setting stays. */
		public boolean referenceStays() {
			return best == reference;
		}
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

	/**
	 * Per method and factor, in the order of {@link SweepPoints#all()}, for the factors with a
	 * compared point; the best point wins if it beats the reference by more than {@link #MIN_GAIN}.
	 */
	public List<Winner> winners() {
		Map<String, Line> byName = new LinkedHashMap<>();
		lines.forEach(l -> byName.put(l.point().name(), l));
		Map<String, Winner> byFactor = new LinkedHashMap<>();
		for (Line l : lines) {
			Line reference = l.reference() == null ? null : byName.get(l.reference().name());
			if (l.difference() == null || l.point().factor() == null || reference == null) {
				continue;
			}
			String key = l.point().method() + " " + l.point().factor();
			Winner w = byFactor.get(key);
			Line best = w == null ? reference : w.best();
			if (gain(l) > Math.max(gain(best), MIN_GAIN)) {
				best = l;
			}
			int tried = w == null ? 1 : w.tried() + 1;
			byFactor.put(key, new Winner(l.point().method(), l.point().factor(), reference, best, tried));
		}
		return List.copyOf(byFactor.values());
	}

	/** The mean-Dice difference from the reference; 0 for the reference. */
	private static double gain(Line l) {
		return l.difference() == null ? 0 : l.difference()[ExperimentReport.MEAN_DICE].mean();
	}

	/** The sweep table in Markdown. */
	public String markdown(ExperimentPlan plan) {
		StringBuilder s = new StringBuilder();
		s.append("### Sweep: each setting against its method's reference, paired by seed and modality (")
			.append(plan.studentModalities()).append(" x seeds; ").append(Math.round(ExperimentReport.LEVEL * 100))
			.append(" % t interval)\n\n");
		s.append("| setting | mean Dice | compared with | pairs | WT | TC | ET | mean |\n|---|---|---|---|---|---|---|---|\n");
		for (Line l : lines) {
			s.append(String.format(Locale.ROOT, "| %s | %.3f | %s", l.point().label(), l.mean()[ExperimentReport.MEAN_DICE],
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
		s.append("\n`*`: the interval excludes 0.\n");
		return s.append(winnersMarkdown()).toString();
	}

	/** The winners table: per method and factor the best setting, with its difference in mean Dice. */
	public String winnersMarkdown() {
		StringBuilder s = new StringBuilder("\n### Winners, one factor at a time (highest mean difference in mean Dice; ")
			.append("the reference stays unless a point beats it by more than ")
			.append(String.format(Locale.ROOT, "%.3f", MIN_GAIN)).append(")\n\n")
			.append("| method | factor | points tried | winner | mean Dice difference | interval excludes 0 |\n")
			.append("|---|---|---|---|---|---|\n");
		for (Winner w : winners()) {
			s.append("| ").append(w.method().key()).append(" | ").append(w.factor().spelled(TrainingOption.Spelling.MACRO))
				.append(" | ").append(w.tried()).append(" | ");
			if (w.referenceStays()) {
				s.append(w.reference().point().label()).append(" | 0 (reference) | - |\n");
				continue;
			}
			PairedDifference d = w.best().difference()[ExperimentReport.MEAN_DICE];
			s.append(w.best().point().label()).append(String.format(Locale.ROOT, " | %+.3f [%+.3f, %+.3f] | %s |\n",
				d.mean(), d.low(), d.high(), d.significant() ? "yes" : "no"));
		}
		return s.toString();
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
				.append(String.format(Locale.ROOT, ",%.6f", l.mean()[ExperimentReport.MEAN_DICE]));
			for (int k = 0; k < ExperimentReport.MEASURES.length; k++) {
				PairedDifference p = l.difference() == null ? null : l.difference()[k];
				s.append(p == null ? ",,," : String.format(Locale.ROOT, ",%.6f,%.6f,%.6f", p.mean(), p.low(), p.high()));
			}
			s.append('\n');
		}
		AtomicFile.writeString(dir.resolve("sweep.csv"), s.toString());
	}
}

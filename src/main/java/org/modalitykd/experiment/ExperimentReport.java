/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.modalitykd.io.AtomicFile;

/**
 * An experiment's tables, from its records. The unit of a claim is the seed: per row the
 * mean over seeds of the mean Dice over the evaluation cases with a 95 % t interval over
 * seeds; per compared row the difference from the row it is compared with, paired by seed
 * (same teacher, split and cases), with its interval over seeds. Beside it, the interval
 * paired by case (each case's difference averaged over seeds), which shows how consistent
 * a difference is across cases but not whether it survives another seed. An ablation is
 * compared twice: with its full method and with the reference its method is judged against.
 * Measures: Dice WT, TC, ET and their mean.
 */
public final class ExperimentReport {

	public static final String[] REGIONS = { "WT", "TC", "ET" };
	/** The regions and their mean, the order of every per-measure array here. */
	public static final String[] MEASURES = { "WT", "TC", "ET", "mean" };
	/** The index of the mean of the three regions in every per-measure array. */
	public static final int MEAN_DICE = 3;
	public static final double LEVEL = 0.95;

	/**
	 * @param row   the table row
	 * @param mean  mean over seeds of the mean Dice over cases, per measure
	 * @param std   sample standard deviation over seeds (NaN for one seed)
	 * @param low   lower end of the 95 % t interval over seeds (NaN for one seed)
	 * @param high  upper end
	 * @param seeds seeds with results
	 */
	public record RowSummary(ExperimentDesign.Row row, double[] mean, double[] std, double[] low, double[] high,
		int seeds) {
	}

	/**
	 * A row against the row it is compared with, per measure.
	 *
	 * @param bySeed paired by seed: one pair per seed both rows have (null below two seeds)
	 * @param byCase paired by case, each case's difference averaged over the shared seeds
	 */
	public record Comparison(ExperimentDesign.Row row, ExperimentDesign.Row baseline, PairedDifference[] bySeed,
		PairedDifference[] byCase) {
	}

	/**
	 * @param training       the training's name
	 * @param runs           how many seeds ran it
	 * @param medianSeconds  median over the seeds of the wall time per run (validation
	 *                       included); the median, since a run paused for other work on the
	 *                       machine (a suspended process) counts its pause as training time
	 * @param secondsPerStep median over the seeds of the wall time per step
	 * @param parameters     trainable scalars
	 * @param bundleBytes    size of one bundle
	 */
	public record Cost(String training, int runs, double medianSeconds, double secondsPerStep, long parameters,
		long bundleBytes) {
	}

	private final List<RowSummary> rows = new ArrayList<>();
	private final List<Comparison> comparisons = new ArrayList<>();
	private final List<Cost> costs = new ArrayList<>();
	private final double totalSeconds;
	/** Code version to how many recorded trainings it made, in the records' order. */
	private final Map<String, Integer> trainedBy = new LinkedHashMap<>();

	public ExperimentReport(ExperimentDesign design, ExperimentRecords records) {
		for (ExperimentDesign.Row row : design.rows()) {
			Map<Long, double[]> perSeed = seedMeans(records, row.label());
			if (perSeed.isEmpty()) {
				continue;
			}
			int m = MEASURES.length;
			double[] mean = new double[m];
			double[] std = new double[m];
			double[] low = new double[m];
			double[] high = new double[m];
			for (int k = 0; k < m; k++) {
				int measure = k;
				double[] v = perSeed.values().stream().mapToDouble(d -> d[measure]).toArray();
				mean[k] = mean(v);
				std[k] = v.length < 2 ? Double.NaN : Math.sqrt(squares(v, mean[k]) / (v.length - 1));
				double half = v.length < 2 ? Double.NaN
					: StudentT.quantile(1 - (1 - LEVEL) / 2, v.length - 1) * std[k] / Math.sqrt(v.length);
				low[k] = mean[k] - half;
				high[k] = mean[k] + half;
			}
			rows.add(new RowSummary(row, mean, std, low, high, perSeed.size()));
			// A part of a design (experiment --trainings) may leave out the row compared with.
			for (String other : new String[] { row.baseline(), row.reference() }) {
				Comparison c = other == null ? null
					: design.findRow(other).map(b -> compare(records, row, b)).orElse(null);
				if (c != null) {
					comparisons.add(c);
				}
			}
		}
		Map<String, List<TrainingRecord>> byTraining = new LinkedHashMap<>();
		for (ExperimentDesign.Training t : design.trainings()) {
			List<TrainingRecord> runs = records.trainings().stream().filter(r -> r.training().equals(t.name())).toList();
			if (!runs.isEmpty()) {
				byTraining.put(t.name(), runs);
			}
		}
		byTraining.forEach((name, runs) -> costs.add(new Cost(name, runs.size(),
			median(runs.stream().mapToDouble(TrainingRecord::seconds).toArray()),
			median(runs.stream().mapToDouble(r -> r.seconds() / r.steps()).toArray()), runs.get(0).parameters(),
			runs.get(0).bundleBytes())));
		totalSeconds = records.trainings().stream().mapToDouble(TrainingRecord::seconds).sum();
		records.trainings().forEach(t -> trainedBy.merge(t.code(), 1, Integer::sum));
	}

	public List<RowSummary> rows() {
		return List.copyOf(rows);
	}

	public List<Comparison> comparisons() {
		return List.copyOf(comparisons);
	}

	public List<Cost> costs() {
		return List.copyOf(costs);
	}

	/** Seed to the mean Dice over the evaluation cases, per measure. */
	static Map<Long, double[]> seedMeans(ExperimentRecords records, String row) {
		Map<Long, double[]> sums = new TreeMap<>();
		Map<Long, Integer> counts = new TreeMap<>();
		for (CaseScore s : records.scores()) {
			if (s.row().equals(row)) {
				double[] d = sums.computeIfAbsent(s.seed(), k -> new double[MEASURES.length]);
				add(d, s, 1);
				counts.merge(s.seed(), 1, Integer::sum);
			}
		}
		sums.forEach((seed, d) -> {
			for (int k = 0; k < d.length; k++) {
				d[k] /= counts.get(seed);
			}
		});
		return sums;
	}

	/** Adds a case's Dice per region and their mean, times {@code weight}, to {@code d}. */
	private static void add(double[] d, CaseScore s, double weight) {
		for (int r = 0; r < 3; r++) {
			d[r] += weight * s.dice(r);
		}
		d[MEAN_DICE] += weight * (s.dice(0) + s.dice(1) + s.dice(2)) / 3;
	}

	/** The paired differences over the seeds and the cases both rows have; null when they share fewer than two cases. */
	private static Comparison compare(ExperimentRecords records, ExperimentDesign.Row row, ExperimentDesign.Row baseline) {
		Map<String, double[]> method = caseMeans(records, row.label(), baseline.label());
		Map<String, double[]> base = caseMeans(records, baseline.label(), row.label());
		List<String> cases = method.keySet().stream().filter(base::containsKey).toList();
		if (cases.size() < 2) {
			return null;
		}
		Map<Long, double[]> methodSeeds = seedMeans(records, row.label());
		Map<Long, double[]> baseSeeds = seedMeans(records, baseline.label());
		List<Long> seeds = methodSeeds.keySet().stream().filter(baseSeeds::containsKey).toList();
		PairedDifference[] bySeed = seeds.size() < 2 ? null : new PairedDifference[MEASURES.length];
		PairedDifference[] byCase = new PairedDifference[MEASURES.length];
		for (int k = 0; k < MEASURES.length; k++) {
			int measure = k;
			byCase[k] = PairedDifference.of(cases.stream().mapToDouble(c -> method.get(c)[measure]).toArray(),
				cases.stream().mapToDouble(c -> base.get(c)[measure]).toArray(), LEVEL);
			if (bySeed != null) {
				bySeed[k] = PairedDifference.of(seeds.stream().mapToDouble(s -> methodSeeds.get(s)[measure]).toArray(),
					seeds.stream().mapToDouble(s -> baseSeeds.get(s)[measure]).toArray(), LEVEL);
			}
		}
		return new Comparison(row, baseline, bySeed, byCase);
	}

	/** Case to the mean Dice over the seeds that {@code row} and {@code other} share, per measure. */
	private static Map<String, double[]> caseMeans(ExperimentRecords records, String row, String other) {
		List<Long> shared = records.scores().stream().filter(s -> s.row().equals(row)).map(CaseScore::seed).distinct()
			.filter(seed -> records.scores().stream().anyMatch(s -> s.row().equals(other) && s.seed() == seed)).toList();
		Map<String, double[]> sums = new TreeMap<>();
		for (CaseScore s : records.scores()) {
			if (s.row().equals(row) && shared.contains(s.seed())) {
				add(sums.computeIfAbsent(s.caseId(), k -> new double[MEASURES.length]), s, 1.0 / shared.size());
			}
		}
		return sums;
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double x : v) {
			s += x;
		}
		return s / v.length;
	}

	private static double squares(double[] v, double mean) {
		double s = 0;
		for (double x : v) {
			s += (x - mean) * (x - mean);
		}
		return s;
	}

	/**
	 * One sentence naming the code that trained the records (each version with its number
	 * of trainings) and the code that wrote the tables: a long experiment's records come
	 * from several sessions, and its tables may be drawn by newer code than trained it.
	 */
	public String provenance(String reportCode) {
		if (trainedBy.isEmpty()) {
			return "No trainings recorded yet; tables written by code " + reportCode + ".";
		}
		StringBuilder s = new StringBuilder("Trained by code ");
		String sep = "";
		for (Map.Entry<String, Integer> e : trainedBy.entrySet()) {
			s.append(sep).append(e.getKey()).append(" (").append(e.getValue())
				.append(e.getValue() == 1 ? " training)" : " trainings)");
			sep = ", ";
		}
		return s.append("; tables written by code ").append(reportCode).append('.').toString();
	}

	/** The tables in Markdown, for docs/results.md. */
	public String markdown(ExperimentPlan plan) {
		StringBuilder s = new StringBuilder();
		String on = plan.evaluationName();
		s.append("Plan: ").append(plan.describe()).append("; seeds ").append(plan.seeds()).append(".\n\n");
		s.append("### Dice on the ").append(on).append(" cases: mean over seeds [")
			.append(Math.round(LEVEL * 100)).append(" % t interval over seeds]\n\n");
		s.append("| row | seeds | WT | TC | ET | mean |\n|---|---|---|---|---|---|\n");
		for (RowSummary r : rows) {
			s.append("| ").append(r.row().label()).append(" | ").append(r.seeds());
			for (int k = 0; k < MEASURES.length; k++) {
				s.append(r.seeds() < 2 ? String.format(Locale.ROOT, " | %.3f", r.mean()[k])
					: String.format(Locale.ROOT, " | %.3f [%.3f, %.3f]", r.mean()[k], r.low()[k], r.high()[k]));
			}
			s.append(" |\n");
		}
		s.append("\n### Difference from the compared row, paired by seed (")
			.append(Math.round(LEVEL * 100)).append(" % t interval over seeds)\n\n");
		s.append("| row | compared with | seeds | WT | TC | ET | mean |\n|---|---|---|---|---|---|---|\n");
		for (Comparison c : comparisons) {
			if (c.bySeed() != null) {
				differenceLine(s, c, c.bySeed());
			}
		}
		s.append("\n### The same paired by ").append(on).append(" case (each case's difference averaged over seeds; ")
			.append("it does not cover the spread between seeds)\n\n");
		s.append("| row | compared with | cases | WT | TC | ET | mean |\n|---|---|---|---|---|---|---|\n");
		for (Comparison c : comparisons) {
			differenceLine(s, c, c.byCase());
		}
		s.append("\n`*`: the interval excludes 0.\n\n### Cost of each training (median over seeds)\n\n");
		s.append("| training | runs | seconds | s/step | parameters | bundle (KB) |\n|---|---|---|---|---|---|\n");
		for (Cost c : costs) {
			s.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.3f | %,d | %.0f |%n", c.training(), c.runs(),
				c.medianSeconds(), c.secondsPerStep(), c.parameters(), c.bundleBytes() / 1024.0));
		}
		s.append(String.format(Locale.ROOT, "%nThe trainings took %.1f minutes in total (validation included, testing not).%n", totalSeconds / 60));
		return s.toString();
	}

	static double median(double[] values) {
		double[] v = values.clone();
		Arrays.sort(v);
		int n = v.length;
		return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	}

	private static void differenceLine(StringBuilder s, Comparison c, PairedDifference[] d) {
		s.append("| ").append(c.row().label()).append(" | ").append(c.baseline().label()).append(" | ").append(d[0].pairs());
		for (PairedDifference p : d) {
			s.append(String.format(Locale.ROOT, " | %+.3f [%+.3f, %+.3f]%s", p.mean(), p.low(), p.high(),
				p.significant() ? " *" : ""));
		}
		s.append(" |\n");
	}

	/** {@code summary.csv} (rows) and {@code differences.csv} (comparisons, by seed and by case) in {@code dir}. */
	public void writeCsv(Path dir) throws IOException {
		StringBuilder s = new StringBuilder("row,seeds");
		for (String measure : MEASURES) {
			String k = "dice_" + measure.toLowerCase(Locale.ROOT);
			s.append(',').append(k).append("_mean,").append(k).append("_std,").append(k).append("_low,").append(k)
				.append("_high");
		}
		s.append('\n');
		for (RowSummary r : rows) {
			s.append(r.row().label()).append(',').append(r.seeds());
			for (int k = 0; k < MEASURES.length; k++) {
				s.append(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f,%.6f", r.mean()[k], r.std()[k], r.low()[k], r.high()[k]));
			}
			s.append('\n');
		}
		AtomicFile.writeString(dir.resolve("summary.csv"), s.toString());
		StringBuilder d = new StringBuilder("row,compared_with,paired_by,pairs");
		for (String measure : MEASURES) {
			String k = measure.toLowerCase(Locale.ROOT);
			d.append(",").append(k).append("_difference,").append(k).append("_low,").append(k).append("_high");
		}
		d.append('\n');
		for (Comparison c : comparisons) {
			if (c.bySeed() != null) {
				differenceCsv(d, c, "seed", c.bySeed());
			}
			differenceCsv(d, c, "case", c.byCase());
		}
		AtomicFile.writeString(dir.resolve("differences.csv"), d.toString());
	}

	private static void differenceCsv(StringBuilder d, Comparison c, String unit, PairedDifference[] p) {
		d.append(c.row().label()).append(',').append(c.baseline().label()).append(',').append(unit).append(',')
			.append(p[0].pairs());
		for (PairedDifference x : p) {
			d.append(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f", x.mean(), x.low(), x.high()));
		}
		d.append('\n');
	}
}

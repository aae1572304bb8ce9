package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.modalitykd.io.AtomicFile;

/**
 * The experiment's tables, from its records: per row the mean +- standard deviation over
 * seeds of the mean test Dice, per compared row the paired difference from its baseline
 * with a 95 % t interval over test cases (each case's difference averaged over seeds), and
 * what each training cost.
 */
public final class ExperimentReport {

	public static final String[] REGIONS = { "WT", "TC", "ET" };
	public static final double LEVEL = 0.95;

	/**
	 * @param row   the table row
	 * @param mean  mean over seeds of the mean test Dice, per region
	 * @param std   sample standard deviation over seeds (NaN for one seed)
	 * @param seeds seeds with results
	 */
	public record RowSummary(ExperimentDesign.Row row, double[] mean, double[] std, int seeds) {
	}

	/** A row against its baseline, per region. */
	public record Comparison(ExperimentDesign.Row row, ExperimentDesign.Row baseline, PairedDifference[] regions) {
	}

	/**
	 * @param training       the training's name
	 * @param runs           how many seeds ran it
	 * @param meanSeconds    mean wall time per run (validation included)
	 * @param secondsPerStep mean wall time per step
	 * @param parameters     trainable scalars
	 * @param bundleBytes    size of one bundle
	 */
	public record Cost(String training, int runs, double meanSeconds, double secondsPerStep, long parameters,
		long bundleBytes) {
	}

	private final List<RowSummary> rows = new ArrayList<>();
	private final List<Comparison> comparisons = new ArrayList<>();
	private final List<Cost> costs = new ArrayList<>();
	private final double totalSeconds;

	public ExperimentReport(ExperimentDesign design, ExperimentRecords records) {
		for (ExperimentDesign.Row row : design.rows()) {
			Map<Long, double[]> perSeed = seedMeans(records, row.label());
			if (perSeed.isEmpty()) {
				continue;
			}
			double[] mean = new double[3];
			double[] std = new double[3];
			for (int r = 0; r < 3; r++) {
				int region = r;
				double[] v = perSeed.values().stream().mapToDouble(d -> d[region]).toArray();
				mean[r] = mean(v);
				std[r] = v.length < 2 ? Double.NaN : Math.sqrt(squares(v, mean[r]) / (v.length - 1));
			}
			rows.add(new RowSummary(row, mean, std, perSeed.size()));
			if (row.baseline() != null) {
				Comparison c = compare(records, row, design.row(row.baseline()));
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
			runs.stream().mapToDouble(TrainingRecord::seconds).average().orElseThrow(),
			runs.stream().mapToDouble(r -> r.seconds() / r.steps()).average().orElseThrow(), runs.get(0).parameters(),
			runs.get(0).bundleBytes())));
		totalSeconds = records.trainings().stream().mapToDouble(TrainingRecord::seconds).sum();
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

	/** Seed to the mean Dice over the test cases, per region. */
	private static Map<Long, double[]> seedMeans(ExperimentRecords records, String row) {
		Map<Long, double[]> sums = new TreeMap<>();
		Map<Long, Integer> counts = new TreeMap<>();
		for (CaseScore s : records.scores()) {
			if (s.row().equals(row)) {
				double[] d = sums.computeIfAbsent(s.seed(), k -> new double[3]);
				for (int r = 0; r < 3; r++) {
					d[r] += s.dice(r);
				}
				counts.merge(s.seed(), 1, Integer::sum);
			}
		}
		sums.forEach((seed, d) -> {
			for (int r = 0; r < 3; r++) {
				d[r] /= counts.get(seed);
			}
		});
		return sums;
	}

	/** The paired difference over the test cases both rows have, for the seeds both have; null when fewer than two. */
	private static Comparison compare(ExperimentRecords records, ExperimentDesign.Row row, ExperimentDesign.Row baseline) {
		Map<String, double[]> method = caseMeans(records, row.label(), baseline.label());
		Map<String, double[]> base = caseMeans(records, baseline.label(), row.label());
		List<String> cases = method.keySet().stream().filter(base::containsKey).toList();
		if (cases.size() < 2) {
			return null;
		}
		PairedDifference[] d = new PairedDifference[3];
		for (int r = 0; r < 3; r++) {
			int region = r;
			d[r] = PairedDifference.of(cases.stream().mapToDouble(c -> method.get(c)[region]).toArray(),
				cases.stream().mapToDouble(c -> base.get(c)[region]).toArray(), LEVEL);
		}
		return new Comparison(row, baseline, d);
	}

	/** Case to the mean Dice over the seeds that {@code row} and {@code other} share, per region. */
	private static Map<String, double[]> caseMeans(ExperimentRecords records, String row, String other) {
		List<Long> shared = records.scores().stream().filter(s -> s.row().equals(row)).map(CaseScore::seed).distinct()
			.filter(seed -> records.scores().stream().anyMatch(s -> s.row().equals(other) && s.seed() == seed)).toList();
		Map<String, double[]> sums = new TreeMap<>();
		for (CaseScore s : records.scores()) {
			if (s.row().equals(row) && shared.contains(s.seed())) {
				double[] d = sums.computeIfAbsent(s.caseId(), k -> new double[3]);
				for (int r = 0; r < 3; r++) {
					d[r] += s.dice(r) / shared.size();
				}
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

	/** The tables in Markdown, for docs/results.md. */
	public String markdown(ExperimentPlan plan) {
		StringBuilder s = new StringBuilder();
		s.append("Plan: ").append(plan.describe()).append(".\n\n");
		s.append("### Test Dice (mean +- std over seeds of the mean over test cases)\n\n");
		s.append("| row | seeds | WT | TC | ET |\n|---|---|---|---|---|\n");
		for (RowSummary r : rows) {
			s.append("| ").append(r.row().label()).append(" | ").append(r.seeds());
			for (int k = 0; k < 3; k++) {
				s.append(String.format(Locale.ROOT, " | %.3f +- %.3f", r.mean()[k], r.std()[k]));
			}
			s.append(" |\n");
		}
		s.append("\n### Difference from the baseline (paired over test cases, ")
			.append(Math.round(LEVEL * 100)).append(" % t interval)\n\n");
		s.append("| row | baseline | cases | WT | TC | ET |\n|---|---|---|---|---|---|\n");
		for (Comparison c : comparisons) {
			s.append("| ").append(c.row().label()).append(" | ").append(c.baseline().label()).append(" | ")
				.append(c.regions()[0].pairs());
			for (PairedDifference d : c.regions()) {
				s.append(String.format(Locale.ROOT, " | %+.3f [%+.3f, %+.3f]%s", d.mean(), d.low(), d.high(),
					d.significant() ? " *" : ""));
			}
			s.append(" |\n");
		}
		s.append("\n`*`: the interval excludes 0.\n\n### Cost of each training (mean over seeds)\n\n");
		s.append("| training | runs | seconds | s/step | parameters | bundle (KB) |\n|---|---|---|---|---|---|\n");
		for (Cost c : costs) {
			s.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.3f | %,d | %.0f |%n", c.training(), c.runs(),
				c.meanSeconds(), c.secondsPerStep(), c.parameters(), c.bundleBytes() / 1024.0));
		}
		s.append(String.format(Locale.ROOT, "%nThe trainings took %.1f minutes in total (validation included, testing not).%n", totalSeconds / 60));
		return s.toString();
	}

	/** {@code summary.csv} (rows) and {@code differences.csv} (comparisons) in {@code dir}. */
	public void writeCsv(Path dir) throws IOException {
		StringBuilder s = new StringBuilder("row,seeds,dice_wt_mean,dice_wt_std,dice_tc_mean,dice_tc_std,dice_et_mean,dice_et_std\n");
		for (RowSummary r : rows) {
			s.append(r.row().label()).append(',').append(r.seeds());
			for (int k = 0; k < 3; k++) {
				s.append(String.format(Locale.ROOT, ",%.6f,%.6f", r.mean()[k], r.std()[k]));
			}
			s.append('\n');
		}
		AtomicFile.writeString(dir.resolve("summary.csv"), s.toString());
		StringBuilder d = new StringBuilder("row,baseline,cases");
		for (String region : REGIONS) {
			String k = region.toLowerCase(Locale.ROOT);
			d.append(",").append(k).append("_difference,").append(k).append("_low,").append(k).append("_high");
		}
		d.append('\n');
		for (Comparison c : comparisons) {
			d.append(c.row().label()).append(',').append(c.baseline().label()).append(',').append(c.regions()[0].pairs());
			for (PairedDifference p : c.regions()) {
				d.append(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f", p.mean(), p.low(), p.high()));
			}
			d.append('\n');
		}
		AtomicFile.writeString(dir.resolve("differences.csv"), d.toString());
	}
}

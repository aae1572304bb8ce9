/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;


import org.modalitykd.experiment.ExperimentPlan;
import org.modalitykd.experiment.ExperimentRecords;
import org.modalitykd.experiment.ExperimentReport;
import org.modalitykd.experiment.ExperimentRunner;
import org.modalitykd.io.AtomicFile;
import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code experiment [--quick] [--out DIR]}: the seed experiment of docs/results.md. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "The design of ProtoKD's Table 1 on synthetic data: a teacher on all four modalities; per modality "
		+ "a baseline, a KD-Net and a ProtoKD student; the unpaired method on T1 and T2 from disjoint case halves against "
		+ "each trained alone; every training once per seed; Dice WT/TC/ET on test cases never seen in training.",
		"Writes to OUT: dice.csv (per seed, row and test case), trainings.csv (time, size), summary.csv, "
			+ "differences.csv (paired 95 % t intervals), results.md and dice-bars.png. A rerun continues an "
			+ "interrupted experiment." })
final class ExperimentCommand implements Callable<Integer> {

	@Option(names = "--out", defaultValue = "target/experiment", paramLabel = "DIR",
		description = "Output folder (default: ${DEFAULT-VALUE}; --quick: target/experiment-quick).")
	Path out;

	@Option(names = "--quick", description = "Toy sizes (2 seeds, 15-30 steps, 10 + 4 cases): checks the pipeline in minutes.")
	boolean quick;

	@Option(names = "--seeds", split = ",", paramLabel = "S,S,...", description = "Training seeds (default: 1,2,3; quick: 1,2).")
	List<Long> seeds;

	@Option(names = "--steps", split = ",", paramLabel = "TEACHER,OTHERS",
		description = "Steps of the teacher and of every other network (default: 1000,500; quick: 30,15).")
	List<Long> steps;

	@Option(names = "--cases", split = ",", paramLabel = "POOL,TEST",
		description = "Synthetic training-pool and test cases (default: 40,20; quick: 10,4).")
	List<Integer> cases;

	@Option(names = "--threads", defaultValue = "0", description = "Threads per TensorFlow op (0: TensorFlow chooses).")
	int threads;

	@Option(names = "--report-only", description = "Only rewrite the tables and the chart from the records in OUT.")
	boolean reportOnly;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException, InterruptedException {
		ExperimentPlan plan = quick ? ExperimentPlan.quick() : ExperimentPlan.full();
		if (quick && spec.commandLine().getParseResult().matchedOption("--out") == null) {
			out = Path.of("target", "experiment-quick");
		}
		try {
			if (seeds != null) {
				plan = plan.withSeeds(seeds);
			}
			if (steps != null) {
				if (steps.size() != 2) {
					throw new UsageException("--steps takes two numbers, the teacher's and the others', e.g. 1000,500");
				}
				plan = plan.withSteps(steps.get(0), steps.get(1));
			}
			if (cases != null) {
				if (cases.size() != 2) {
					throw new UsageException("--cases takes two numbers, pool and test, e.g. 40,20");
				}
				plan = plan.withCases(cases.get(0), cases.get(1));
			}
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		PrintWriter o = spec.commandLine().getOut();
		// Records make a rerun resume, by design: the outputs are rewritten, only leftovers of killed runs go.
		Leftovers.removeIn(out, o);
		ExperimentRunner runner = new ExperimentRunner(plan, out, new SessionOptions(Device.AUTO, threads, 0), line -> {
			o.printf(Locale.ROOT, "[%s] %s%n", java.time.LocalTime.now().withNano(0), line);
			o.flush();
		});
		o.println("experiment: " + plan.describe());
		long start = System.nanoTime();
		ExperimentRecords records = reportOnly ? ExperimentRecords.open(out) : runner.run();
		ExperimentReport report = new ExperimentReport(runner.design(), records);
		report.writeCsv(out);
		String markdown = report.markdown(plan);
		AtomicFile.writeString(out.resolve("results.md"), markdown);
		var chart = DiceBarChart.render(report.rows(), String.format(Locale.ROOT,
			"Test Dice on synthetic data, mean of %d seeds (%d test cases)", plan.seeds().size(), plan.testCases()));
		PngFile.write(out.resolve("dice-bars.png"), chart);
		o.println();
		o.println(markdown);
		o.printf(Locale.ROOT, "experiment finished in %.1f minutes; results in %s%n", (System.nanoTime() - start) / 6e10, out);
		return 0;
	}
}

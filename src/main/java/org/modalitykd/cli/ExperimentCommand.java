/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.modalitykd.cli.report.ComparisonChart;
import org.modalitykd.cli.report.DiceBarChart;
import org.modalitykd.cli.report.PngFile;
import org.modalitykd.cli.report.SweepChart;
import org.modalitykd.experiment.ExperimentDesign;
import org.modalitykd.experiment.ExperimentPlan;
import org.modalitykd.experiment.ExperimentProgress;
import org.modalitykd.experiment.ExperimentRecords;
import org.modalitykd.experiment.ExperimentReport;
import org.modalitykd.experiment.ExperimentRunner;
import org.modalitykd.experiment.PlanFile;
import org.modalitykd.experiment.RecordsMerge;
import org.modalitykd.experiment.SweepReport;
import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.io.AtomicFile;
import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment [--quick] [--out DIR]}: the seed experiment of docs/results.md. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "The design of ProtoKD's Table 1 on synthetic data: a teacher on all four modalities; per modality "
		+ "a baseline, a KD-Net and a ProtoKD student; ablations of each distillation term on T1ce and T2; every training "
		+ "once per seed; Dice WT/TC/ET on test cases never seen in training. --sweep: the settings sweep, scored on "
		+ "validation cases. --unpaired: Dou et al.'s setting, unpaired CT + FLAIR and T2 + FLAIR from disjoint halves "
		+ "of the subjects, each modality alone and the joint network with its ablations.",
		"Writes to the records folder: dice.csv (per seed, row and case), trainings.csv (time, size, settings key, code "
			+ "version), settings.txt, summary.csv (95 %% t intervals over seeds), differences.csv (paired by seed and by "
			+ "case), results.md, dice-bars.png, differences.png (each comparison paired by seed with its interval), teachers/; with --sweep also sweep.md, sweep.csv and sweep.png. The training "
			+ "cases are prepared once, in OUT/prepared. A rerun continues an interrupted experiment; records from another "
			+ "plan or other settings are refused." })
final class ExperimentCommand extends ConsoleCommand {

	static final String DIFFERENCES_CHART = "differences.png";

	@Option(names = "--out", defaultValue = "target/experiment", paramLabel = "DIR",
		description = "Output folder (default: ${DEFAULT-VALUE}; --quick: target/experiment-quick).")
	Path out;

	@Option(names = "--quick", description = "Toy sizes (2 seeds, 15-30 steps, 10 + 4 cases): checks the pipeline in minutes.")
	boolean quick;

	@Option(names = "--sweep", description = "The settings sweep instead of the main experiment: every distillation "
		+ "setting of the sweep on T1ce and T2 (quick: T2), scored on validation cases, never on the test cases; "
		+ "writes sweep.md and sweep.csv besides the tables.")
	boolean sweep;

	@Option(names = "--unpaired", description = "The unpaired experiment instead of the main one: per pair (CT + "
		+ "FLAIR, T2 + FLAIR; quick: CT + FLAIR) each modality trained alone on its half of the pool, the joint network "
		+ "(per-modality batch norm, class-wise KL) and its ablations (no KL, shared batch norm, instance norm), "
		+ "scored on test cases.")
	boolean unpaired;

	@Option(names = "--points", split = ",", paramLabel = "NAME,...", description = "With --sweep: train only these "
		+ "settings (e.g. baseline,kdnet,kdnet-kd0.3), to share a sweep between sessions or machines; the tables use "
		+ "every record.")
	List<String> points;

	@Option(names = "--trainings", split = ",", paramLabel = "NAME,...", description = "Train only these trainings of "
		+ "the experiment (e.g. t1-baseline,t1-kdnet,t1-protokd; the teacher too, which the students need) in every seed: "
		+ "the rows that decide a claim get all their seeds first, and a later run without it trains the rest; the "
		+ "tables use every record. The names are those of trainings.csv.")
	List<String> only;

	@Option(names = "--records", paramLabel = "DIR", description = "Where the records, the tables, the chart and each "
		+ "seed's teacher go (default: --out). The reported runs keep theirs under docs/results/ and commit them after "
		+ "each session: a rerun on any machine continues from them.")
	Path records;

	@Option(names = "--seeds", split = ",", paramLabel = "S,S,...", description = "Training seeds (default: 1,2,3,4,5; sweep and quick: 1,2). One "
		+ "seed runs a part of an experiment, e.g. on another machine; its tables have no interval over seeds until other "
		+ "seeds' records join it (--merge).")
	List<Long> seeds;

	@Option(names = "--steps", split = ",", paramLabel = "TEACHER,OTHERS",
		description = "Steps of the teacher and of every other network (default: 2000,4000; sweep: 2000,2000; quick: 30,15).")
	List<Long> steps;

	@Option(names = "--cases", split = ",", paramLabel = "POOL,TEST",
		description = "Synthetic training-pool and test cases (default: 40,20; quick: 10,4).")
	List<Integer> cases;

	@Mixin
	ThreadsOption threads;

	@Mixin
	CacheSizeOption cache;

	@Option(names = "--report-only", description = "Only rewrite the tables and the chart from the records in OUT.")
	boolean reportOnly;

	@Option(names = "--merge", paramLabel = "DIR", description = "Add the records of DIR (the --records folder of "
		+ "another machine's or process's run of the same plan: other seeds, or other trainings of a seed) to the records "
		+ "folder, with their settings and teachers, then rewrite the tables as --report-only does. Repeat it for several "
		+ "folders. A training recorded in two with other results, or another plan, is refused before anything is "
		+ "written. With --progress: join them only to count, writing nothing.")
	List<Path> merge;

	@Option(names = "--progress", description = "Only say, per seed, which trainings of the design (with "
		+ "--trainings: of those) the records folder (with --merge: joined with those folders) holds and which are left, "
		+ "and about how long the rest takes in one process at the recorded median times; reads the records, writes "
		+ "nothing.")
	boolean progress;

	@Override
	public Integer call() throws IOException, InterruptedException {
		if (sweep && unpaired) {
			throw new UsageException("--sweep and --unpaired are two experiments: run them one after the other");
		}
		ExperimentPlan plan = sweep ? (quick ? ExperimentPlan.quickSweep() : ExperimentPlan.sweep())
			: unpaired ? (quick ? ExperimentPlan.quickUnpaired() : ExperimentPlan.unpaired())
			: quick ? ExperimentPlan.quick() : ExperimentPlan.full();
		if (spec.commandLine().getParseResult().matchedOption("--out") == null) {
			out = Path.of("target", "experiment" + (sweep ? "-sweep" : "") + (unpaired ? "-unpaired" : "")
				+ (quick ? "-quick" : ""));
		}
		Path recordsDir = records == null ? out : records;
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
		PrintWriter o = out();
		ExperimentDesign design = design(plan);
		if (progress) {
			if (reportOnly) {
				throw new UsageException("--progress only reads the records: leave out --report-only");
			}
			progress(design, plan, recordsDir, o);
			return 0;
		}
		// Records make a rerun resume, by design: the outputs are rewritten, only leftovers of killed runs go.
		Leftovers.removeIn(out, o);
		String code = CodeVersion.describe();
		ExperimentRunner runner = new ExperimentRunner(design, plan, out, recordsDir, code,
			new SessionOptions(Device.AUTO, threads.threads, 0), line -> {
				o.printf(Locale.ROOT, "[%s] %s%n", java.time.LocalTime.now().withNano(0), line);
				o.flush();
			});
		try {
			runner.withCacheMb(cache.cacheMb);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e instanceof org.modalitykd.train.InvalidOptionException io
				? io.spelled(org.modalitykd.train.TrainingOption.Spelling.CLI).getMessage() : e.getMessage());
		}
		o.println("experiment: " + plan.describe() + "; seeds " + plan.seeds() + "; code " + code);
		if (plan.seeds().size() == 1) {
			o.println("one seed: these tables have no interval over seeds; join other seeds' records with --merge for an interval");
		}
		long start = System.nanoTime();
		if (merge != null || reportOnly) {
			checkRecordedPlans(recordsDir, plan);
		}
		if (merge != null) {
			try {
				List<RecordsMerge.Summary> merged = RecordsMerge.mergeAll(merge, recordsDir);
				for (int i = 0; i < merged.size(); i++) {
					RecordsMerge.Summary m = merged.get(i);
					o.printf(Locale.ROOT, "merged %d trainings from %s (%d were already there; teachers of seeds %s)%n",
						m.trainings(), merge.get(i), m.alreadyThere(), m.teachers());
				}
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
		}
		ExperimentRecords results;
		// Ctrl-C (or SIGTERM) is the run's task-monitor cancel: the training under way stops at
		// its next step with a checkpoint, and the last line is printed before the JVM exits.
		try (ShutdownCancel cancel = new ShutdownCancel("modalitykd-experiment-cancel")) {
			try {
				results = reportOnly || merge != null ? ExperimentRecords.open(recordsDir) : runner.run(cancel.monitor());
			} catch (CancellationException e) {
				o.println(e.getMessage());
				o.flush();
				return 0;
			}
		} catch (IllegalArgumentException e) {
			// Another plan or other settings in the records: the user chooses, nothing is mixed.
			throw new UsageException(e.getMessage());
		}
		// The tables cover every record of the plan, whichever points this run trained; each
		// evaluation set has its own (cases told apart by their id prefix).
		ExperimentReport report = new ExperimentReport(new ExperimentDesign(plan),
			results.casesStartingWith(plan.evaluationName() + "_"));
		report.writeCsv(recordsDir);
		String markdown = report.markdown(plan);
		if (plan.shiftedTestCases() > 0) {
			ExperimentReport shifted = new ExperimentReport(new ExperimentDesign(plan),
				results.casesStartingWith(ExperimentRunner.SHIFTED_PREFIX + "_"));
			Path dir = Files.createDirectories(recordsDir.resolve(ExperimentRunner.SHIFTED_PREFIX));
			shifted.writeCsv(dir);
			markdown += "\n## On the shifted test set (other contrasts, bias field, noise, deformation, tumour sizes)\n\n"
				+ shifted.markdown(plan).replace("on the test cases", "on the shifted test cases");
			PngFile.write(dir.resolve("dice-bars.png"), DiceBarChart.render(shifted.rows(), String.format(Locale.ROOT,
				"Dice on the shifted test set, %s (%d cases)", DiceBarChart.seedsPhrase(shifted.rows()),
				plan.shiftedTestCases())));
			PngFile.write(dir.resolve(DIFFERENCES_CHART), ComparisonChart.render(shifted.comparisons(),
				"Differences on the shifted test set (" + plan.shiftedTestCases() + " cases)"));
		}
		if (sweep) {
			SweepReport sweepReport = new SweepReport(plan, results);
			sweepReport.writeCsv(recordsDir);
			String table = sweepReport.markdown(plan);
			AtomicFile.writeString(recordsDir.resolve("sweep.md"), table);
			PngFile.write(recordsDir.resolve("sweep.png"), SweepChart.render(sweepReport.lines(), String.format(Locale.ROOT,
				"Sweep: mean validation Dice difference from the method's reference (%s x %d seeds, 95 %% interval)",
				plan.studentModalities(), plan.seeds().size())));
			markdown = table + "\n" + markdown;
		}
		markdown = report.provenance(code) + "\n\n" + markdown;
		AtomicFile.writeString(recordsDir.resolve("results.md"), markdown);
		var chart = DiceBarChart.render(report.rows(), String.format(Locale.ROOT,
			"%s Dice on synthetic data, %s (%d %s cases)", sweep ? "Validation" : "Test", DiceBarChart.seedsPhrase(report.rows()),
			plan.testCases(), plan.evaluationName()));
		PngFile.write(recordsDir.resolve("dice-bars.png"), chart);
		PngFile.write(recordsDir.resolve(DIFFERENCES_CHART), ComparisonChart.render(report.comparisons(), String.format(
			Locale.ROOT, "Differences on the %s cases (%d cases)", plan.evaluationName(), plan.testCases())));
		o.println();
		o.println(markdown);
		o.printf(Locale.ROOT, "experiment finished in %.1f minutes; results in %s%n", (System.nanoTime() - start) / 6e10,
			recordsDir);
		return 0;
	}

	/** The plan's design, or the part of it that --points / --trainings choose. */
	private ExperimentDesign design(ExperimentPlan plan) {
		try {
			if (points != null && !sweep) {
				throw new UsageException("--points chooses settings of the sweep: add --sweep");
			}
			ExperimentDesign design = new ExperimentDesign(plan, points);
			return only == null ? design : design.only(only);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	/** What the records (joined with those of --merge, in a temporary copy) hold and leave to do. */
	private void progress(ExperimentDesign design, ExperimentPlan plan, Path recordsDir, PrintWriter o) throws IOException {
		checkRecordedPlans(recordsDir, plan);
		if (merge == null) {
			new ExperimentProgress(design, plan, ExperimentRecords.open(recordsDir)).lines().forEach(o::println);
			return;
		}
		Path joined;
		try {
			joined = RecordsMerge.joinedCopy(recordsDir, merge);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		try {
			o.println("joined with " + merge + " to count; nothing is written");
			new ExperimentProgress(design, plan, ExperimentRecords.open(joined)).lines().forEach(o::println);
		} finally {
			AtomicDirectory.deleteTree(joined.getParent());
		}
	}

	/** {@link #checkRecordedPlan} for the records folder and every folder of --merge. */
	private void checkRecordedPlans(Path recordsDir, ExperimentPlan plan) throws IOException {
		checkRecordedPlan(recordsDir, plan);
		for (Path m : merge == null ? List.<Path>of() : merge) {
			checkRecordedPlan(m, plan);
		}
	}

	/** Tables drawn with another plan than the records' would name the wrong rows and sizes. */
	private static void checkRecordedPlan(Path recordsDir, ExperimentPlan plan) throws IOException {
		try {
			PlanFile.requireSame(recordsDir, plan.describe(),
				"give the options of the run that made them (e.g. --unpaired, --sweep, --quick, --steps, --cases)");
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.modalitykd.app.LoadedSegmenter;
import org.modalitykd.app.ModalityKD;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.eval.SegmentationEvaluator;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.task.Task;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.LabelledCase;
import org.modalitykd.train.StepResult;
import org.modalitykd.train.TrainingDataset;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingRun;
import org.modalitykd.volume.Volume;

/**
 * Runs an experiment in one process: makes the synthetic pool and the evaluation cases
 * (test cases for the main experiment, validation cases for the sweep), trains every
 * network of the {@link ExperimentDesign} for every seed, segments the evaluation cases
 * with each and records the Dice per case ({@link ExperimentRecords}).
 * <p>
 * Work folder: {@code data/pool} and {@code data/test} or {@code data/validation} (BraTS
 * layout), {@code seed-<s>/<training>/} (model bundles, with their {@code .training/}
 * logs). Records folder (may be the work folder; the reported runs keep theirs under
 * docs/results/ and commit it): {@code plan.txt} (the plan, so that a rerun with another
 * plan is refused instead of mixing results), the records, {@code settings.txt} (each
 * record's settings key with what it stands for) and {@code teachers/seed-<s>/} (each
 * seed's teacher bundle, which its students need, so that another machine continues
 * with the same teachers). A rerun skips finished trainings and resumes an interrupted
 * one from its checkpoint.
 * <p>
 * As a {@link Task} it stops when its monitor asks (Esc, Ctrl-C, a script): the training
 * under way ends at its next step with a checkpoint, no record is written for it, and a
 * rerun continues from there.
 */
public final class ExperimentRunner implements Task<ExperimentRecords> {

	/** Progress lines and cancel, for a console or a window. */
	public interface Listener {

		void message(String line);

		/** Polled after every training step; true stops the experiment after a checkpoint. */
		default boolean cancelRequested() {
			return false;
		}
	}

	public static final String PLAN_FILE = PlanFile.NAME;
	public static final String SETTINGS_FILE = SettingsFile.NAME;
	public static final String TEACHERS_DIR = "teachers";
	/** The prepared training cases of every training, in the work folder. */
	public static final String PREPARED_DIR = "prepared";
	/** Case-id prefix of the shifted test set: its scores are told apart from the test set's by it. */
	public static final String SHIFTED_PREFIX = ExperimentCases.SHIFTED;

	private final ExperimentPlan plan;
	private final ExperimentDesign design;
	private final Path out;
	private final Path recordsDir;
	private final SessionOptions options;
	private final Listener listener;
	private final String code;
	private final KeptTeachers teachers;
	private long cacheMb = org.modalitykd.train.CaseCacheSettings.DEFAULT_CACHE_MB;

	/** Records kept with the work. */
	public ExperimentRunner(ExperimentPlan plan, Path out, SessionOptions options, Listener listener) {
		this(plan, out, out, "unknown", options, listener);
	}

	/**
	 * @param out        the work folder: data and bundles
	 * @param recordsDir the records folder
	 * @param code       the version of the code, stored with every record
	 */
	public ExperimentRunner(ExperimentPlan plan, Path out, Path recordsDir, String code, SessionOptions options,
		Listener listener) {
		this(new ExperimentDesign(plan), plan, out, recordsDir, code, options, listener);
	}

	/** Trains {@code design}, which may be part of the plan's (some sweep points). */
	public ExperimentRunner(ExperimentDesign design, ExperimentPlan plan, Path out, Path recordsDir, String code,
		SessionOptions options, Listener listener) {
		this.plan = plan;
		this.design = design;
		this.out = out;
		this.recordsDir = recordsDir;
		this.code = code;
		this.options = options;
		this.listener = listener;
		this.teachers = new KeptTeachers(recordsDir, listener);
	}

	public ExperimentDesign design() {
		return design;
	}

	/**
	 * Holds {@code mb} MB of prepared training cases in memory in each training (set before
	 * {@link #run()}). The cases are prepared once for all trainings, in {@code prepared/}
	 * of the work folder. It never changes what is trained, so it is no part of a
	 * training's recorded settings.
	 */
	public ExperimentRunner withCacheMb(long mb) {
		new org.modalitykd.train.CaseCacheSettings(mb, null);
		this.cacheMb = mb;
		return this;
	}

	/**
	 * Runs what is not yet done.
	 *
	 * @return the records, complete unless cancelled
	 * @throws IllegalArgumentException when the records hold an experiment with another plan,
	 *                                  or a training recorded with other settings
	 */
	public ExperimentRecords run() throws IOException, InterruptedException {
		return run(TaskMonitor.NONE, false);
	}

	/**
	 * Runs what is not yet done, with the monitor's progress (trainings done of all) and cancel.
	 *
	 * @throws CancellationException when the monitor (or the listener) asked to stop: the
	 *                               records hold every training finished before
	 */
	@Override
	public ExperimentRecords run(TaskMonitor monitor) throws IOException {
		try {
			return run(monitor, true);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("experiment interrupted; run it again to continue");
		}
	}

	private ExperimentRecords run(TaskMonitor monitor, boolean throwOnCancel) throws IOException, InterruptedException {
		// The listener's cancel (the older way of asking) still counts between training steps.
		TaskMonitor watch = monitor.orCancelledBy(listener::cancelRequested);
		Files.createDirectories(out);
		Files.createDirectories(recordsDir);
		checkPlan();
		ExperimentCases cases = ExperimentCases.make(plan, out, monitor, listener::message);
		TrainingDataset pool = cases.pool();
		ExperimentRecords records = ExperimentRecords.open(recordsDir);
		Map<String, String> settings = SettingsFile.read(recordsDir);
		int trainings = plan.seeds().size() * design.trainings().size();
		int index = 0;
		for (long seed : plan.seeds()) {
			for (ExperimentDesign.Training t : design.trainings()) {
				TaskMonitor part = watch.part(index / (double) trainings, ++index / (double) trainings);
				if (watch.cancelRequested()) {
					return cancelled(records, "before " + t.name() + " of seed " + seed, throwOnCancel);
				}
				Path bundle = OutputPaths.inside(OutputPaths.inside(out, "seed-" + seed), t.name());
				Files.createDirectories(bundle.getParent());
				if (!t.isTeacher()) {
					teachers.restore(seed, bundle.resolveSibling(ExperimentDesign.TEACHER), records);
				}
				TrainingJob job = ExperimentJobs.job(plan, t, seed, pool, bundle,
					new org.modalitykd.train.CaseCacheSettings(cacheMb, out.resolve(PREPARED_DIR)));
				String description = TrainingSettings.describe(plan, t, job);
				String key = TrainingSettings.key(description);
				TrainingRecord done = records.record(seed, t.name());
				if (done != null) {
					if (!done.settings().equals(key)) {
						throw new IllegalArgumentException(recordsDir + " records " + t.name() + " of seed " + seed
							+ " with other settings (" + done.settings() + ", see " + SETTINGS_FILE + "; now " + key
							+ "); choose another records folder, or delete its records to train it again");
					}
					continue;
				}
				if (settings.put(key, description) == null) {
					SettingsFile.write(recordsDir, settings);
				}
				boolean resume = Files.isRegularFile(TrainingRun.workDirOf(bundle).resolve(TrainingRun.CHECKPOINT_DIR)
					.resolve("checkpoint.json"));
				listener.message(String.format(Locale.ROOT, "seed %d: training %s (%s)%s", seed, t.name(), t.method().key(),
					resume ? ", resumed from its checkpoint" : ""));
				long start = System.nanoTime();
				// The records say what is done: a bundle without a record is an unfinished one to redo.
				TrainingRun.Outcome outcome = ModalityKD.train(job).output(bundle).resume(resume).overwrite(true)
					.session(options).listener(new Relay(seed, t.name())).prepare().runInterruptibly(part);
				double seconds = (System.nanoTime() - start) / 1e9;
				if (outcome.cancelled()) {
					listener.message("cancelled; run the experiment again to continue from the checkpoint of " + t.name());
					return cancelled(records, "in " + t.name() + " of seed " + seed + " at step " + outcome.steps(),
						throwOnCancel);
				}
				List<CaseScore> scores = new ArrayList<>();
				Map<String, List<CaseScore>> bySet = new LinkedHashMap<>();
				long parameters;
				try (LoadedSegmenter segmenter = LoadedSegmenter.open(bundle, options)) {
					parameters = segmenter.parameters();
					for (ExperimentDesign.Row row : design.rowsOf(t)) {
						for (var set : cases.evaluation().entrySet()) {
							List<CaseScore> of = score(segmenter, row, seed, set.getValue());
							scores.addAll(of);
							bySet.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).addAll(of);
						}
					}
				}
				if (t.isTeacher()) {
					teachers.keep(seed, bundle);
				}
				TrainingRecord record = new TrainingRecord(seed, t.name(), outcome.steps(), seconds, parameters, bytes(bundle),
					outcome.bestValidation().getOrDefault("dice_mean", Double.NaN), resume, key, code);
				records.add(record, scores);
				listener.message(String.format(Locale.ROOT, "seed %d: %s done in %.0f s; Dice %s", seed, t.name(), seconds,
					summary(bySet)));
			}
		}
		return records;
	}

	private static ExperimentRecords cancelled(ExperimentRecords records, String where, boolean throwOnCancel) {
		if (throwOnCancel) {
			throw new CancellationException("experiment cancelled " + where + "; run it again to continue");
		}
		return records;
	}

	private void checkPlan() throws IOException {
		PlanFile.requireSame(recordsDir, plan.describe(), "choose another folder or delete it");
		PlanFile.writeIfAbsent(recordsDir, plan.describe());
	}

	private static List<CaseScore> score(LoadedSegmenter segmenter, ExperimentDesign.Row row, long seed,
		List<LabelledCase> test) {
		SegmentationEvaluator evaluator = new SegmentationEvaluator();
		List<CaseScore> scores = new ArrayList<>();
		for (LabelledCase c : test) {
			Volume images = row.modality() == null ? c.images() : c.images().select(List.of(row.modality()));
			var labels = segmenter.labels(images);
			Map<BratsRegion, RegionMetrics> m = evaluator.evaluate(labels, c.labels());
			scores.add(new CaseScore(seed, row.label(), c.id(), m.get(BratsRegion.WT).dice(), m.get(BratsRegion.TC).dice(),
				m.get(BratsRegion.ET).dice()));
		}
		return scores;
	}

	/**
	 * Per row and per set of cases ({@code test}, {@code shifted}, {@code validation}), the
	 * mean Dice: the sets are told apart, since the shifted cases score far below the others.
	 */
	static String summary(Map<String, List<CaseScore>> scoresBySet) {
		StringBuilder s = new StringBuilder();
		List<String> rows = scoresBySet.values().stream().flatMap(List::stream).map(CaseScore::row).distinct().toList();
		for (String row : rows) {
			scoresBySet.forEach((set, scores) -> {
				List<CaseScore> of = scores.stream().filter(c -> c.row().equals(row)).toList();
				if (of.isEmpty()) {
					return;
				}
				double[] mean = new double[3];
				for (CaseScore c : of) {
					for (int r = 0; r < 3; r++) {
						mean[r] += c.dice(r) / of.size();
					}
				}
				s.append(String.format(Locale.ROOT, "%s[%s, %d %s cases: WT %.3f TC %.3f ET %.3f]", s.length() == 0 ? "" : " ",
					row, of.size(), set, mean[0], mean[1], mean[2]));
			});
		}
		return s.toString();
	}

	private static long bytes(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	/** Passes a few progress lines of a training to the listener (its cancel reaches the training through the monitor). */
	private final class Relay implements TrainingListener {

		private final long seed;
		private final String name;

		Relay(long seed, String name) {
			this.seed = seed;
			this.name = name;
		}

		@Override
		public void stepDone(StepResult result, long steps) {
			if (result.step() % Math.max(1, steps / 4) == 0) {
				listener.message(String.format(Locale.ROOT, "seed %d %s: step %d/%d, loss %.4f", seed, name, result.step(), steps,
					result.loss()));
			}
		}

		@Override
		public void validated(long step, Map<String, Double> metrics, boolean best) {
			listener.message(String.format(Locale.ROOT, "seed %d %s: validation at step %d: Dice WT %.3f TC %.3f ET %.3f", seed,
				name, step, metrics.get("dice_wt"), metrics.get("dice_tc"), metrics.get("dice_et")));
		}

	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modalitykd.data.BatchSource;
import org.modalitykd.data.CaseCache;
import org.modalitykd.data.CaseStore;
import org.modalitykd.data.CaseSplit;
import org.modalitykd.data.PatchSampler;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.data.VolumeNormalizer;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.SegmentationEvaluator;
import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.IntensityNormalizer;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.io.StaleTemporaries;
import org.modalitykd.net.ChannelSignature;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.SessionOptions;

/**
 * A whole training run: split, background batches, steps on a {@link Trainer},
 * sliding-window validation with the best model kept, a CSV log, checkpoints, resume and
 * cancel.
 * <p>
 * Files: the bundle {@code out} (the best validated weights so far; the latest weights
 * when nothing is validated), and beside it the folder {@code <out>.training/} with
 * {@code checkpoint/} (every variable incl. Adam moments and the step),
 * {@code training-log.csv} (step, every loss term, learning rate, validation Dice) and
 * {@code validation-model/}. Bundle, checkpoint and log ({@link TrainingLog}) are each replaced atomically.
 * <p>
 * Resume: the batch of step s depends only on the seed and s ({@link BatchSource}), and
 * the checkpoint holds every variable, so a resumed run computes the same losses as an
 * uninterrupted one. The checkpoint records the method, architecture, seed, batch, patch
 * and split; a resume with different ones is refused.
 * <p>
 * Cases: before the first step every case is prepared once ({@link
 * PreparedCases}, in {@code <out>.training/prepared/} or the dataset's {@link
 * CaseCacheSettings#preparedDir()}), and the batches read them through a {@link CaseCache}
 * of the dataset's {@link CaseCacheSettings#cacheMb()}; validation cases are read from
 * their files when validated. No more than the cache of training cases and one
 * validation case is held at a time.
 */
public final class TrainingRun {

	public static final String LOG_FILE = "training-log.csv";
	public static final String CHECKPOINT_DIR = "checkpoint";

	/**
	 * How a run ended.
	 *
	 * @param steps          steps taken in total
	 * @param cancelled      whether a cancel request stopped it early
	 * @param bundle         the model bundle written
	 * @param workDir        checkpoint and log folder
	 * @param bestValidation the best validation metrics (empty without validation cases)
	 */
	public record Outcome(long steps, boolean cancelled, Path bundle, Path workDir, Map<String, Double> bestValidation) {
	}

	private TrainingRun() {
	}

	/** The folder beside the bundle {@code out} that holds checkpoint and log. */
	public static Path workDirOf(Path out) {
		Path abs = out.toAbsolutePath().normalize();
		return abs.resolveSibling(abs.getFileName() + ".training");
	}

	/** Whether a run that writes {@code out} left a checkpoint to resume from. */
	public static boolean hasCheckpoint(Path out) {
		return Files.isRegularFile(workDirOf(out).resolve(CHECKPOINT_DIR).resolve("checkpoint.json"));
	}

	/**
	 * Trains into a new output: as {@link #run(TrainingJob, Path, boolean, boolean,
	 * SessionOptions, TrainingListener)} without overwrite.
	 */
	public static Outcome run(TrainingJob job, Path out, boolean resume, SessionOptions options,
		TrainingListener listener) throws IOException, InterruptedException {
		return run(job, out, resume, false, options, listener);
	}

	/**
	 * Trains.
	 *
	 * @param resume    continue from the checkpoint in {@link #workDirOf}(out); without it an
	 *                  existing checkpoint is refused rather than overwritten
	 * @param overwrite without {@code resume}: start afresh over an existing bundle and
	 *                  checkpoint (deleting that checkpoint); without either, an existing
	 *                  bundle or checkpoint is refused
	 * @throws IllegalArgumentException for a resume that does not fit, or a bundle or checkpoint in the way
	 * @throws IOException              when writing fails
	 * @throws InterruptedException     when the thread is interrupted while waiting for a batch
	 */
	public static Outcome run(TrainingJob job, Path out, boolean resume, boolean overwrite, SessionOptions options,
		TrainingListener listener) throws IOException, InterruptedException {
		checkOutput(out, resume, overwrite, "--resume", "--overwrite");
		Path work = workDirOf(out);
		Path checkpoint = work.resolve(CHECKPOINT_DIR);
		if (!resume && overwrite && Files.exists(checkpoint)) {
			// Starting over: the old checkpoint must not be resumed into the new run later.
			AtomicDirectory.deleteTree(checkpoint);
		}
		boolean freshWork = !Files.exists(work);
		Files.createDirectories(work);
		// Bundle temporaries lie beside the bundle, checkpoint and validation-model ones in work/.
		removeLeftovers(out.toAbsolutePath().normalize().getParent(), listener);
		removeLeftovers(work, listener);
		TrainingSchedule s = job.schedule();
		CaseSplit splitA = CaseSplit.of(job.data().ids(), s.validationFraction(), s.seed());
		CaseSplit splitB = job.dataB() == null ? new CaseSplit(List.of(), List.of())
			: CaseSplit.of(job.dataB().ids(), s.validationFraction(), s.seed() + 1);
		TrainingSplit split = new TrainingSplit(splitA.training(), splitA.validation(), splitB.training(),
			splitB.validation());
		List<TrainingCases.CaseReader> validation = new ArrayList<>(TrainingCases.readers(job.data(), splitA.validation()));
		if (job.dataB() != null) {
			validation.addAll(TrainingCases.readers(job.dataB(), splitB.validation()));
		}
		Map<String, String> meta = CheckpointIdentity.of(job, split);
		// Every case is read (and checked) here, before the network is built.
		CaseStore storeA;
		CaseStore storeB;
		ChannelSignature signature;
		try {
			storeA = TrainingCases.store(job, job.data(), splitA.training(), work, listener);
			storeB = job.dataB() == null ? null : TrainingCases.store(job, job.dataB(), splitB.training(), work, listener);
			signature = TrainedModelCard.channelSignature(job, splitA.training(), splitB.training());
		} catch (IOException | RuntimeException e) {
			if (freshWork) {
				// A run refused for its data leaves no output behind, not even prepared cases.
				AtomicDirectory.deleteTree(work);
			}
			throw e;
		}
		listener.message("case cache: " + TrainingCases.describeCache(job.data(), storeA) + (storeB == null ? ""
			: "; second modality: " + TrainingCases.describeCache(job.dataB(), storeB)));

		try (Trainer trainer = Trainer.create(job.network(),
			job.teacher() == null ? null : job.teacher().config(), job.studentChannels(), job.objective(), options)) {
			if (job.teacher() != null) {
				trainer.loadTeacher(job.teacher().weights());
			}
			long first = 0;
			double bestScore = Double.NEGATIVE_INFINITY;
			Map<String, Double> best = new LinkedHashMap<>();
			TrainingLog log = new TrainingLog(work.resolve(LOG_FILE), trainer.termNames());
			if (resume) {
				Map<String, String> saved = Checkpoint.restore(trainer.session(), checkpoint);
				CheckpointIdentity.check(meta, saved, work);
				first = trainer.stepCount();
				for (String k : TrainingLog.VALIDATION_COLUMNS) {
					if (saved.containsKey("best_" + k)) {
						best.put(k.substring(4), Double.parseDouble(saved.get("best_" + k)));
					}
				}
				bestScore = best.getOrDefault("dice_mean", Double.NEGATIVE_INFINITY);
				log.keepUpTo(first);
				listener.message("resuming at step " + first + " from " + checkpoint);
			}
			listener.started(first, s.steps(), split);

			PatchSampler sampler = new PatchSampler(s.patchSize());
			long step = first;
			boolean cancelled = false;
			try (CaseCache cacheA = TrainingCases.cache(job.data(), storeA);
				CaseCache cacheB = storeB == null ? null : TrainingCases.cache(job.dataB(), storeB);
				BatchSource a = batches(cacheA, sampler, s, s.seed(), first);
				BatchSource b = cacheB == null ? null : batches(cacheB, sampler, s, s.seed() ^ 0x5DEECE66DL, first)) {
				LearningRateSchedule rates = s.learningRates();
				while (step < s.steps() && !cancelled) {
					StepResult r;
					try {
						r = trainer.step(a.next(), b == null ? null : b.next(), rates.at(step),
							job.objective().distillationScale(step, s.steps()));
					} catch (java.io.UncheckedIOException e) {
						// A prepared case that cannot be read: its own one-line message.
						throw e.getCause();
					}
					step = r.step();
					listener.stepDone(r, s.steps());
					boolean last = step == s.steps();
					cancelled = !last && listener.cancelRequested();
					Map<String, Double> metrics = null;
					if (!validation.isEmpty() && (step % s.validationInterval() == 0 || last)) {
						ModelCard interim = TrainedModelCard.of(job, split, step, Map.of()).withChannelSignature(signature);
						metrics = validateEach(trainer, interim, work.resolve("validation-model"),
							validation, options);
						boolean improved = metrics.get("dice_mean") > bestScore;
						if (improved) {
							bestScore = metrics.get("dice_mean");
							best = metrics;
							trainer.exportBundle(out, TrainedModelCard.of(job, split, step, metrics).withChannelSignature(signature));
						}
						listener.validated(step, metrics, improved);
					}
					log.add(r, metrics);
					if (step % s.checkpointInterval() == 0 || last || cancelled) {
						if (validation.isEmpty() || !Files.exists(out.resolve(ModelBundle.CARD_FILE))) {
							trainer.exportBundle(out, TrainedModelCard.of(job, split, step, Map.of()).withChannelSignature(signature));
						}
						Map<String, String> m = new LinkedHashMap<>(meta);
						best.forEach((k, v) -> m.put("best_val_" + k, Double.toString(v)));
						Checkpoint.save(trainer.session(), checkpoint, m);
						log.write();
						listener.message("step " + step + ": checkpoint written to " + checkpoint);
					}
				}
			}
			return new Outcome(step, cancelled, out, work, best);
		}
	}

	/**
	 * Settles, before any data is read, whether a run may write {@code out}: with {@code
	 * resume} it needs a checkpoint to continue; without it an existing checkpoint or
	 * bundle is refused unless {@code overwrite}; and the folder must be new, empty or a
	 * bundle ({@link #requireBundleOrNew}).
	 *
	 * @param resumeName    how the user asks to resume, for the messages ("--resume", "resume")
	 * @param overwriteName how the user asks to overwrite
	 * @throws IllegalArgumentException with a one-line message saying what to do
	 */
	public static void checkOutput(Path out, boolean resume, boolean overwrite, String resumeName, String overwriteName)
		throws IOException {
		requireBundleOrNew(out);
		Path work = workDirOf(out);
		boolean checkpoint = hasCheckpoint(out);
		if (resume && !checkpoint) {
			throw new IllegalArgumentException(work + ": no checkpoint to resume from");
		}
		if (resume || overwrite) {
			return;
		}
		if (checkpoint) {
			throw new IllegalArgumentException(work + " holds the checkpoint of an earlier run; continue it with "
				+ resumeName + ", start over with " + overwriteName + ", or choose another output");
		}
		if (Files.isRegularFile(out.resolve(ModelBundle.CARD_FILE))) {
			throw new IllegalArgumentException(out + " holds a model bundle already; replace it with " + overwriteName
				+ " or choose another output");
		}
	}

	/** Removes the temporary files and folders that killed runs left in {@code folder}, and says so. */
	private static void removeLeftovers(Path folder, TrainingListener listener) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		StaleTemporaries.removeIn(folder).report(folder).forEach(listener::message);
	}

	/**
	 * The bundle is written by replacing the folder {@code out} as a whole, so it must be
	 * new, empty or an earlier bundle: never, say, the folder of the training cases.
	 */
	public static void requireBundleOrNew(Path out) throws IOException {
		if (!Files.exists(out)) {
			return;
		}
		if (!Files.isDirectory(out)) {
			throw new IllegalArgumentException(out + " is a file; the output is a folder for the model bundle");
		}
		if (Files.isRegularFile(out.resolve(ModelBundle.CARD_FILE))) {
			return;
		}
		try (var entries = Files.list(out)) {
			if (entries.findAny().isPresent()) {
				throw new IllegalArgumentException(out + " holds files and is not a model bundle; training replaces its "
					+ "output folder, so choose a new or empty one");
			}
		}
	}

	private static BatchSource batches(CaseCache cases, PatchSampler sampler, TrainingSchedule s, long seed, long first) {
		return new BatchSource(cases, sampler, s.augmentation().augmentation(), s.batchSize(), s.tumourShare(), seed, first,
			2);
	}

	/**
	 * Exports the current weights, segments every validation case by sliding window and
	 * returns the mean Dice per region and their mean.
	 */
	static Map<String, Double> validate(Trainer trainer, ModelCard card, Path dir, List<LabelledCase> cases,
		SessionOptions options) throws IOException {
		return validateEach(trainer, card, dir, cases.stream().map(c -> (TrainingCases.CaseReader) () -> c).toList(), options);
	}

	/** The same, each case read when it is validated and let go after. */
	static Map<String, Double> validateEach(Trainer trainer, ModelCard card, Path dir, List<TrainingCases.CaseReader> cases,
		SessionOptions options) throws IOException {
		trainer.exportBundle(dir, card);
		Map<BratsRegion, Double> sums = new EnumMap<>(BratsRegion.class);
		SegmentationEvaluator evaluator = new SegmentationEvaluator();
		try (ModelBundle bundle = ModelBundle.load(dir, options)) {
			Segmenter segmenter = new Segmenter(bundle, InferenceSettings.defaults());
			for (TrainingCases.CaseReader reader : cases) {
				LabelledCase c = reader.read();
				var labels = segmenter.segment(c.images(), false, Progress.NONE).labels();
				evaluator.evaluate(labels, c.labels()).forEach((region, m) -> sums.merge(region, m.dice(), Double::sum));
			}
		}
		Map<String, Double> out = new LinkedHashMap<>();
		double mean = 0;
		for (BratsRegion r : BratsRegion.values()) {
			double d = sums.get(r) / cases.size();
			out.put("dice_" + r.name().toLowerCase(Locale.ROOT), d);
			mean += d / BratsRegion.values().length;
		}
		out.put("dice_mean", mean);
		return out;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modalitykd.data.AugmentationLevel;
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
import org.modalitykd.net.Upsampling;
import org.tensorflow.TensorFlow;

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
	/** Checkpoint key of the augmentation level; a checkpoint without it was trained with light. */
	private static final String AUGMENTATION_KEY = "augmentation";
	/** Checkpoint key of the decoder's upsampling; a checkpoint without it was trained with transposed. */
	private static final String UPSAMPLING_KEY = "upsampling";

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
		List<CaseReader> validation = new ArrayList<>(readers(job.data(), splitA.validation()));
		if (job.dataB() != null) {
			validation.addAll(readers(job.dataB(), splitB.validation()));
		}
		Map<String, String> meta = identity(job, split);
		// Every case is read (and checked) here, before the network is built.
		CaseStore storeA;
		CaseStore storeB;
		ChannelSignature signature;
		try {
			storeA = store(job, job.data(), splitA.training(), work, listener);
			storeB = job.dataB() == null ? null : store(job, job.dataB(), splitB.training(), work, listener);
			signature = channelSignature(job, splitA.training());
		} catch (IOException | RuntimeException e) {
			if (freshWork) {
				// A run refused for its data leaves no output behind, not even prepared cases.
				AtomicDirectory.deleteTree(work);
			}
			throw e;
		}
		listener.message("case cache: " + describeCache(job.data(), storeA) + (storeB == null ? ""
			: "; second modality: " + describeCache(job.dataB(), storeB)));

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
				for (var e : meta.entrySet()) {
					if (NEWER_KEYS.contains(e.getKey()) && !saved.containsKey(e.getKey())) {
						continue;
					}
					String was = saved.getOrDefault(e.getKey(),
						e.getKey().equals(AUGMENTATION_KEY) ? AugmentationLevel.defaultLevel().key()
							: e.getKey().equals(UPSAMPLING_KEY) ? Upsampling.TRANSPOSED_CONV.key() : null);
					if (!e.getValue().equals(was)) {
						throw new IllegalArgumentException("the checkpoint in " + work + " was written by a different run: its "
							+ e.getKey() + " is '" + was + "', now '" + e.getValue() + "'");
					}
				}
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
			try (CaseCache cacheA = cache(job.data(), storeA);
				CaseCache cacheB = storeB == null ? null : cache(job.dataB(), storeB);
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
						ModelCard interim = card(job, split, step, Map.of()).withChannelSignature(signature);
						metrics = validateEach(trainer, interim, work.resolve("validation-model"),
							validation, options);
						boolean improved = metrics.get("dice_mean") > bestScore;
						if (improved) {
							bestScore = metrics.get("dice_mean");
							best = metrics;
							trainer.exportBundle(out, card(job, split, step, metrics).withChannelSignature(signature));
						}
						listener.validated(step, metrics, improved);
					}
					log.add(r, metrics);
					if (step % s.checkpointInterval() == 0 || last || cancelled) {
						if (validation.isEmpty() || !Files.exists(out.resolve(ModelBundle.CARD_FILE))) {
							trainer.exportBundle(out, card(job, split, step, Map.of()).withChannelSignature(signature));
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

	/** A case read when it is needed (a validation case). */
	interface CaseReader {
		LabelledCase read() throws IOException;
	}

	private static List<CaseReader> readers(TrainingDataset data, List<String> ids) {
		return data.ids().stream().filter(ids::contains).map(id -> (CaseReader) () -> data.read(id)).toList();
	}

	/**
	 * The training cases {@code ids} of {@code data}, normalised as the card records and
	 * inference applies: prepared on disk, or in memory for cases given in memory. Every
	 * case of {@code data}, validation cases too, is prepared (and so read and checked)
	 * here, so that a bad case stops the run before its first step; a later run with
	 * another split finds them ready.
	 */
	static CaseStore store(TrainingJob job, TrainingDataset data, List<String> ids, Path work, TrainingListener listener)
		throws IOException {
		List<String> all = data.ids();
		List<Integer> training = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (ids.contains(all.get(i))) {
				training.add(i);
			}
		}
		if (all.stream().allMatch(id -> data.files(id).isPresent())) {
			return CaseStore.subset(PreparedCases.open(data, all, normalization(job), data.cache().preparedRoot(work),
				listener::message), training);
		}
		VolumeNormalizer normalizer = IntensityNormalizer.of(normalization(job));
		List<TrainingCase> cases = new ArrayList<>();
		for (String id : all) {
			LabelledCase c = data.read(id);
			if (ids.contains(id)) {
				cases.add(TrainingCase.of(c.id(), c.images(), c.labels(), normalizer));
			}
		}
		return CaseStore.of(cases);
	}

	/** {@code 1024 MB for 20 training cases of 1100 MB} */
	private static String describeCache(TrainingDataset data, CaseStore store) {
		long bytes = 0;
		for (int i = 0; i < store.size(); i++) {
			bytes += store.shape(i).bytes();
		}
		return data.cache().cacheMb() + " MB for " + store.size() + " training cases of " + (bytes + (1 << 20) - 1) / (1 << 20)
			+ " MB";
	}

	private static CaseCache cache(TrainingDataset data, CaseStore store) {
		return new CaseCache(store, CaseCache.bytesOfMb(data.cache().cacheMb()), true);
	}

	private static BatchSource batches(CaseCache cases, PatchSampler sampler, TrainingSchedule s, long seed, long first) {
		return new BatchSource(cases, sampler, s.augmentation().augmentation(), s.batchSize(), s.tumourShare(), seed, first,
			2);
	}

	/** What must match for a checkpoint to be resumed by this job. */
	private static Map<String, String> identity(TrainingJob job, TrainingSplit split) {
		Map<String, String> m = new LinkedHashMap<>();
		TrainingSchedule s = job.schedule();
		m.put("method", job.objective().method().key());
		m.put("architecture", job.network().describe() + ", seed " + job.network().seed());
		m.put("modalities", String.join(",", job.modalities()));
		m.put("seed", Long.toString(s.seed()));
		m.put("batch_size", Integer.toString(s.batchSize()));
		m.put("patch_size", Arrays.toString(s.patchSize()));
		m.put("split", split.describe());
		m.put("teacher_sha256", job.teacher() == null ? "" : job.teacher().checksum());
		// A resumed run must optimise the same loss: weights and forms (seg-loss, latent-loss).
		m.put("loss_weights", job.objective().describe().toString());
		m.put("loss_options", job.objective().describeOptions().toString());
		m.put(AUGMENTATION_KEY, s.augmentation().key());
		m.put(UPSAMPLING_KEY, job.network().upsampling().key());
		return m;
	}

	/** Identity keys added after checkpoints were first written: a checkpoint without them is not refused for it. */
	private static final java.util.Set<String> NEWER_KEYS = java.util.Set.of("loss_weights", "loss_options");

	/**
	 * Exports the current weights, segments every validation case by sliding window and
	 * returns the mean Dice per region and their mean.
	 */
	static Map<String, Double> validate(Trainer trainer, ModelCard card, Path dir, List<LabelledCase> cases,
		SessionOptions options) throws IOException {
		return validateEach(trainer, card, dir, cases.stream().map(c -> (CaseReader) () -> c).toList(), options);
	}

	/** The same, each case read when it is validated and let go after. */
	static Map<String, Double> validateEach(Trainer trainer, ModelCard card, Path dir, List<CaseReader> cases,
		SessionOptions options) throws IOException {
		trainer.exportBundle(dir, card);
		Map<BratsRegion, Double> sums = new EnumMap<>(BratsRegion.class);
		SegmentationEvaluator evaluator = new SegmentationEvaluator();
		try (ModelBundle bundle = ModelBundle.load(dir, options)) {
			Segmenter segmenter = new Segmenter(bundle, InferenceSettings.defaults());
			for (CaseReader reader : cases) {
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

	/** Training cases whose channels describe the model's input in its card (enough for a stable mean). */
	static final int SIGNATURE_CASES = 8;

	/**
	 * The channel signature of the training cases (at most {@link #SIGNATURE_CASES}),
	 * normalised as the network sees them; null for a per-modality network, whose one
	 * channel is chosen by the case's modality.
	 */
	static ChannelSignature channelSignature(TrainingJob job, List<String> trainingIds) throws IOException {
		if (job.network().normSlots() > 1) {
			return null;
		}
		List<ChannelSignature> cases = new ArrayList<>();
		for (CaseReader reader : readers(job.data(), trainingIds)) {
			if (cases.size() == SIGNATURE_CASES) {
				break;
			}
			LabelledCase c = reader.read();
			// A student's data hold the teacher's modalities too; the signature is of the student's input.
			org.modalitykd.volume.Volume input = c.images().select(job.modalities());
			float[][] channels = new float[input.channelCount()][];
			for (int k = 0; k < channels.length; k++) {
				channels[k] = input.channel(k);
			}
			ChannelSignature one = ChannelSignature.of(IntensityNormalizer.apply(normalization(job), input.channelNames(),
				channels));
			if (one != null) {
				cases.add(one);
			}
		}
		return cases.isEmpty() ? null : ChannelSignature.mean(cases);
	}

	/** Hounsfield window for a network that reads CT (also an unpaired one with a CT slot), else z-score. */
	static ModelCard.IntensityNormalization normalization(TrainingJob job) {
		return ModelCard.IntensityNormalization.forModalities(job.modalities());
	}

	static ModelCard card(TrainingJob job, TrainingSplit split, long steps, Map<String, Double> validation) {
		StringBuilder data = new StringBuilder(job.data().source() + " (" + job.data().size() + " cases)");
		if (job.dataB() != null) {
			data.append(" and ").append(job.dataB().source()).append(" (").append(job.dataB().size()).append(" cases)");
		}
		data.append("; ").append(split.describe());
		if (job.teacher() != null) {
			data.append("; teacher ").append(job.teacher().bundle()).append(" sha256 ").append(job.teacher().checksum());
		}
		Map<String, String> software = new LinkedHashMap<>();
		String version = TrainingRun.class.getPackage().getImplementationVersion();
		software.put("modalitykd", version == null ? "development build" : version);
		software.put("tensorflow", TensorFlow.version());
		software.put("java", System.getProperty("java.version"));
		ModelCard.Provenance provenance = new ModelCard.Provenance(job.objective().method().key(),
			job.objective().describe(), data.toString(), job.schedule().seed(), steps, software,
			Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), job.objective().describeOptions(),
			job.schedule().augmentation().key());
		return new ModelCard(ModelCard.FORMAT_VERSION, job.role(), job.modalities(), ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, normalization(job), job.schedule().patchSize(), job.data().spacing(), job.network(),
			provenance, validation);
	}
}

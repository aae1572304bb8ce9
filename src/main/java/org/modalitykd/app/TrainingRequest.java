/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.task.Task;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;
import org.modalitykd.train.TrainingRun;

/**
 * What every training request shares (made by {@link ModalityKD#trainTeacher},
 * {@link ModalityKD#distill}, {@link ModalityKD#trainUnpaired}): the hyperparameters,
 * the device and the output, and the one recipe that runs a job: the output question
 * settled before any case is read, then {@link TrainingRun}. Every setter returns the
 * request, so that a run reads as one line in Jython:
 *
 * <pre>
 * ModalityKD.distill(data).teacher(teacher).modality("t1ce").method("kdnet").kdWeight(0.1)
 *     .steps(2000).output(out).run()
 * </pre>
 *
 * A cancelled training ends at the step it was asked to stop at, with its checkpoint and
 * its best bundle written ({@link TrainingRun.Outcome#cancelled()}), so that
 * {@code resume(true)} continues it: unlike a cancelled segmentation, it leaves work
 * that is whole and useful.
 *
 * @param <R> the request's own type, returned by the setters
 */
public abstract class TrainingRequest<R extends TrainingRequest<R>> implements Task<TrainingRun.Outcome> {

	private TrainingParameters parameters = TrainingParameters.defaults();
	private SessionOptions session = new SessionOptions(Device.AUTO, 0, 0);
	private Path output;
	private boolean resume;
	private boolean overwrite;
	private TrainingListener listener = TrainingListener.NONE;
	private TrainingOption.Spelling spelling = TrainingOption.Spelling.JAVA;

	TrainingRequest() {
	}

	@SuppressWarnings("unchecked")
	private R self() {
		return (R) this;
	}

	/** All hyperparameters at once (e.g. {@code TrainingParameters.defaults().withPatchSize(64)}). */
	public R parameters(TrainingParameters p) {
		this.parameters = p == null ? TrainingParameters.defaults() : p;
		return self();
	}

	/** The hyperparameters as they stand, to change one with a {@code with...} method. */
	public TrainingParameters parameters() {
		return parameters;
	}

	public R steps(long n) {
		return parameters(parameters.withSteps(n));
	}

	public R seed(long s) {
		return parameters(parameters.withSeed(s));
	}

	public R patchSize(int edge) {
		return parameters(parameters.withPatchSize(edge));
	}

	/** {@code instance}, {@code batch}, {@code modality-batch}, {@code modality-instance} or {@code auto}. */
	public R normalization(String value) {
		return parameters(parameters.withNormalization(value));
	}

	/** {@code cpu}, {@code gpu} or {@code auto} (the default). */
	public R device(String name) {
		return device(Device.parse(name));
	}

	public R device(Device d) {
		return session(new SessionOptions(d, session.intraOpThreads(), session.interOpThreads()));
	}

	/** The device and the TensorFlow threads at once (a front end's {@code --device} and {@code --threads}). */
	public R session(SessionOptions options) {
		this.session = options == null ? SessionOptions.defaults() : options;
		return self();
	}

	/**
	 * How a refused option is named in its one-line error: as these methods (the
	 * default), as command-line flags or as macro keys, so that a front end's user reads
	 * the name they typed.
	 */
	public R spelling(TrainingOption.Spelling s) {
		this.spelling = s;
		return self();
	}

	/** The spelling of refused options (see {@link #spelling(TrainingOption.Spelling)}). */
	TrainingOption.Spelling spelling() {
		return spelling;
	}

	/** The bundle folder to write (its checkpoint and log go to {@code <output>.training}). */
	public R output(Path bundle) {
		this.output = bundle;
		return self();
	}

	public R output(File bundle) {
		return output(bundle.toPath());
	}

	public R output(String bundle) {
		return output(Path.of(bundle));
	}

	/** Continue the checkpoint of an earlier run of the same output; refused when there is none. */
	public R resume(boolean on) {
		this.resume = on;
		return self();
	}

	/** Start afresh over an existing bundle and checkpoint. */
	public R overwrite(boolean on) {
		this.overwrite = on;
		return self();
	}

	/** Also tell {@code l} every step and validation (a loss plot, a log); cancel comes from the monitor. */
	public R listener(TrainingListener l) {
		this.listener = l == null ? TrainingListener.NONE : l;
		return self();
	}

	/**
	 * The job, with every option checked (the one place, {@link org.modalitykd.train.TrainingJobs})
	 * and the cases read; refused options named in {@link #spelling()}.
	 */
	abstract TrainingJob job() throws IOException;

	/** Checks the options that need no file, before the output is looked at. */
	abstract void checkOptions();

	/**
	 * Checks every option and the output (before any case is read) and reads the cases:
	 * the training, ready to run, with its job for a front end to describe.
	 *
	 * @throws IllegalArgumentException one line naming the setting at fault
	 *                                  ({@link InvalidOptionException} for an option, in {@link #spelling()})
	 */
	public PreparedTraining prepare() throws IOException {
		if (output == null) {
			throw new InvalidSettingException("output: give the folder for the model bundle");
		}
		try {
			checkOptions();
		} catch (InvalidOptionException e) {
			throw e.spelled(spelling);
		}
		TrainingRun.checkOutput(output, resume, overwrite, optionName("resume", "(true)"),
			optionName("overwrite", "(true)"));
		TrainingJob job;
		try {
			job = job();
		} catch (InvalidOptionException e) {
			throw e.spelled(spelling);
		}
		return new PreparedTraining(job, output, resume, overwrite, session, listener);
	}

	private String optionName(String key, String javaCall) {
		return switch (spelling) {
			case CLI -> "--" + key;
			case MACRO -> key;
			case JAVA -> key + javaCall;
		};
	}

	/** Trains, reporting nothing, until done. */
	public TrainingRun.Outcome run() throws IOException {
		return run(TaskMonitor.NONE);
	}

	@Override
	public TrainingRun.Outcome run(TaskMonitor monitor) throws IOException {
		return prepare().run(monitor);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.modalitykd.net.SessionOptions;
import org.modalitykd.task.Task;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingRun;

/**
 * A training whose options and output are checked and whose cases are read
 * ({@link TrainingRequest#prepare()}): what a front end describes before it starts (its
 * {@link #job()}), and the one place that runs a {@link TrainingRun}. The monitor's cancel
 * (Esc in Fiji, Ctrl-C on the command line, a script's) ends the run at the step it was
 * asked to stop at, with its checkpoint and best bundle written.
 */
public final class PreparedTraining implements Task<TrainingRun.Outcome> {

	private final TrainingJob job;
	private final Path output;
	private final boolean resume;
	private final boolean overwrite;
	private final SessionOptions session;
	private final TrainingListener listener;

	PreparedTraining(TrainingJob job, Path output, boolean resume, boolean overwrite, SessionOptions session,
		TrainingListener listener) {
		this.job = job;
		this.output = output;
		this.resume = resume;
		this.overwrite = overwrite;
		this.session = session;
		this.listener = listener;
	}

	/** What will be trained: role, network, modalities, schedule. */
	public TrainingJob job() {
		return job;
	}

	public Path output() {
		return output;
	}

	public SessionOptions session() {
		return session;
	}

	/** The same training, telling {@code l} every step and validation instead (a console, a loss plot). */
	public PreparedTraining listener(TrainingListener l) {
		return new PreparedTraining(job, output, resume, overwrite, session, l == null ? TrainingListener.NONE : l);
	}

	/** Trains until done or cancelled; an interrupt while waiting for a batch is a {@link CancellationException}. */
	@Override
	public TrainingRun.Outcome run(TaskMonitor monitor) throws IOException {
		try {
			return runInterruptibly(monitor);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("training interrupted");
		}
	}

	/** The same, for a caller that handles the interrupt itself. */
	public TrainingRun.Outcome runInterruptibly(TaskMonitor monitor) throws IOException, InterruptedException {
		return TrainingRun.run(job, output, resume, overwrite, session, new MonitoredTraining(monitor, listener));
	}
}

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
 *
 * @param job       what will be trained: role, network, modalities, schedule
 * @param output    the bundle folder
 * @param resume    continue the checkpoint of an earlier run of {@code output}
 * @param overwrite start afresh over an existing bundle and checkpoint
 * @param session   the device and TensorFlow threads
 * @param listener  told every step and validation (a console, a loss plot)
 */
public record PreparedTraining(TrainingJob job, Path output, boolean resume, boolean overwrite, SessionOptions session,
	TrainingListener listener) implements Task<TrainingRun.Outcome> {

	/** The same training, telling {@code l} every step and validation instead. */
	public PreparedTraining withListener(TrainingListener l) {
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

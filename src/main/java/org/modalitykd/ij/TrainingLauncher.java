/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.EventQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.modalitykd.app.PreparedTraining;
import org.modalitykd.app.TrainingRequest;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingRun;

import ij.IJ;

/**
 * Runs a training request of the use-case layer for a menu command: off the event thread,
 * with a {@link TrainingMonitor} (live plot, progress; Cancel and Esc are the task
 * monitor's cancel). From the menu it trains
 * on its own thread and the command returns; in a macro it trains on the macro's thread,
 * so that the command returns when the bundle exists.
 */
final class TrainingLauncher {

	private TrainingLauncher() {
	}

	/**
	 * Settles resume before any data is read: an existing checkpoint is continued when
	 * {@code resume} is on and refused when it is off, unless {@code overwrite} starts
	 * afresh over it; {@code resume} without a checkpoint starts afresh; an existing bundle
	 * is replaced only with {@code overwrite}.
	 *
	 * @return whether the run continues a checkpoint
	 */
	static boolean resumes(Path out, boolean resume, boolean overwrite) throws IOException {
		TrainingRun.requireBundleOrNew(out);
		boolean checkpoint = TrainingRun.hasCheckpoint(out);
		if (checkpoint && !resume && !overwrite) {
			throw new IllegalArgumentException(TrainingRun.workDirOf(out) + " holds the checkpoint of an earlier run: tick "
				+ "resume to continue it, or overwrite to start over, or choose another out folder");
		}
		// resume ticked without a checkpoint is refused, as by the command line and the service, not started afresh.
		TrainingRun.checkOutput(out, resume, overwrite, "resume", "overwrite");
		return resume;
	}

	/**
	 * Whether the command must block: in a macro or script (recorded options given), in
	 * batch mode, headless: wherever no person started it from the menu.
	 */
	static boolean inMacro() {
		return !CommandErrors.interactive();
	}

	/**
	 * Prepares {@code request} (the output {@link #resumes settled} already) with the
	 * dialog's output and the macro keys' spelling: checks its options and reads the cases.
	 */
	static PreparedTraining prepare(TrainingRequest<?> request, TrainingFields.Output output, boolean resume)
		throws IOException {
		return request.output(output.bundle()).resume(resume).overwrite(output.overwrite())
			.spelling(TrainingOption.Spelling.MACRO).prepare();
	}

	/**
	 * Trains {@code training}. In a macro, failures are thrown to the command (which
	 * reports them); from the menu, the training thread reports them itself.
	 */
	static void launch(String command, PreparedTraining training, boolean resume) throws IOException {
		Path out = training.output();
		TrainingJob job = training.job();
		TrainingMonitor monitor = new TrainingMonitor("ModalityKD training: " + out.getFileName(),
			TrainingRun.workDirOf(out).resolve(TrainingRun.LOG_FILE));
		IJ.log(String.format(Locale.ROOT, "ModalityKD %s: %s %s, %s; %d steps; bundle %s%s", command, job.role().key(),
			job.modalities(), job.network().describe(), job.schedule().steps(), out, resume ? " (resuming)" : ""));
		if (inMacro() && !EventQueue.isDispatchThread()) {
			run(command, training, monitor);
			return;
		}
		Thread t = new Thread(() -> {
			try {
				run(command, training, monitor);
			} catch (IOException | RuntimeException | OutOfMemoryError | LinkageError e) {
				monitor.finished("Failed");
				CommandErrors.report(command, e);
			}
		}, "ModalityKD training");
		t.setDaemon(false);
		t.start();
	}

	private static void run(String command, PreparedTraining training, TrainingMonitor monitor) throws IOException {
		TrainingJob job = training.job();
		long t0 = System.nanoTime();
		TrainingRun.Outcome o;
		// Esc and the Cancel button reach the run as the task monitor's cancel; the plot sees every step.
		try {
			o = training.withListener(monitor).runInterruptibly(TaskMonitor.cancelledBy(monitor::cancelRequested));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			monitor.finished("Interrupted");
			IjProgress.finish("ModalityKD " + command + ": interrupted; continue from the last checkpoint with resume");
			return;
		}
		String how = o.cancelled() ? "cancelled at step " + o.steps() : "finished after " + o.steps() + " steps";
		monitor.finished(o.cancelled() ? "Cancelled" : "Finished");
		String summary = String.format(Locale.ROOT, "ModalityKD %s: %s %s (%.0f s); bundle %s; log %s%s", command,
			job.role().key(), how, (System.nanoTime() - t0) / 1e9, o.bundle(), o.workDir().resolve(TrainingRun.LOG_FILE),
			o.bestValidation().isEmpty() ? ""
				: String.format(Locale.ROOT, "; best validation Dice mean %.3f", o.bestValidation().get("dice_mean")));
		IJ.log(summary + (o.cancelled() ? "; run the command again with resume to continue" : ""));
		IjProgress.finish("ModalityKD " + command + ": " + job.role().key() + " " + how);
	}
}

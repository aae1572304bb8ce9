/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.task;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What a long piece of work (segmenting a case, a cohort; later training) tells its
 * front end, and how the front end stops it. The work calls {@link #progress} now and
 * then and asks {@link #cancelRequested()} between steps it can stop at (a batch of
 * windows, a case); when cancel is requested it stops there, writes nothing half-done,
 * and ends with a {@link CancellationException}. One adapter per front end turns this
 * into ImageJ's progress bar and Esc, the CLI progress line, or a SciJava task.
 * <p>
 * Calls come on the thread that runs the work; an implementation that shows them in a
 * user interface hands them over itself.
 */
public interface TaskMonitor {

	/** Reports nothing and never cancels. */
	TaskMonitor NONE = (fraction, status) -> {
	};

	/**
	 * @param fraction of the whole work done, 0 to 1 (never decreasing)
	 * @param status   one line saying what is being done, e.g. "synth_0001: 12/40 windows"
	 */
	void progress(double fraction, String status);

	/** Whether the user asked to stop; polled by the work between steps. */
	default boolean cancelRequested() {
		return false;
	}

	/**
	 * Ends the work with a {@link CancellationException} when cancel was requested (or the
	 * thread interrupted, the older way of asking); a no-op otherwise.
	 *
	 * @param where what was done so far, for the message
	 */
	default void stopIfCancelled(String where) {
		if (cancelRequested() || Thread.currentThread().isInterrupted()) {
			throw new CancellationException("cancelled " + where);
		}
	}

	/**
	 * This monitor seen by one part of the work that covers {@code from} to {@code to} of
	 * the whole: the part reports 0 to 1 of itself, this monitor gets the share. Cancel is
	 * shared.
	 */
	default TaskMonitor part(double from, double to) {
		TaskMonitor whole = this;
		return of((fraction, status) -> whole.progress(from + (to - from) * Math.max(0, Math.min(1, fraction)), status),
			whole::cancelRequested);
	}

	/**
	 * A monitor that reports nothing and cancels when {@code cancel} says so: for a front
	 * end that shows the work's progress its own way (a console, a loss plot) and only
	 * has to turn Ctrl-C or Esc into this contract's cancel.
	 */
	static TaskMonitor cancelledBy(BooleanSupplier cancel) {
		return of(NONE, cancel);
	}

	/** This monitor, also cancelled when {@code also} says so (an older listener's cancel). */
	default TaskMonitor orCancelledBy(BooleanSupplier also) {
		TaskMonitor first = this;
		return of(first, () -> first.cancelRequested() || also.getAsBoolean());
	}

	private static TaskMonitor of(TaskMonitor progress, BooleanSupplier cancel) {
		return new TaskMonitor() {
			@Override
			public void progress(double fraction, String status) {
				progress.progress(fraction, status);
			}

			@Override
			public boolean cancelRequested() {
				return cancel.getAsBoolean();
			}
		};
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.modalitykd.task.Task;
import org.modalitykd.task.TaskMonitor;

/**
 * The command line's adapter of the task contract: a progress line on stderr that
 * rewrites itself (only on a terminal, so that logs and pipes stay clean), and Ctrl-C
 * (or SIGTERM) asks the task to stop at its next step and waits for it, so that it
 * leaves no half-written file behind before the JVM exits.
 */
final class ConsoleProgress implements TaskMonitor {

	private final PrintWriter err;
	private final boolean terminal;
	private final ShutdownCancel cancel;
	private long lastNanos;

	private ConsoleProgress(PrintWriter err, boolean terminal, ShutdownCancel cancel) {
		this.err = err;
		this.terminal = terminal;
		this.cancel = cancel;
	}

	/**
	 * Runs {@code task} to its end, reporting to {@code err}; Ctrl-C cancels it.
	 *
	 * @param whenCancelled the one line for the user when it was cancelled (what was kept,
	 *                      how to go on)
	 * @throws Cancelled when it was cancelled, after that line was printed
	 */
	static <R> R run(Task<R> task, PrintWriter err, String whenCancelled) throws IOException {
		try (ShutdownCancel cancel = new ShutdownCancel("modalitykd-cancel")) {
			ConsoleProgress monitor = new ConsoleProgress(err, System.console() != null, cancel);
			try {
				return task.run(monitor);
			} catch (CancellationException e) {
				// Printed before the shutdown hook is released: once it is, a JVM stopped by
				// SIGTERM exits at once and would lose the line.
				monitor.clear();
				err.println("modalitykd: cancelled; " + whenCancelled);
				err.flush();
				throw new Cancelled();
			} finally {
				monitor.clear();
			}
		}
	}

	/** A command that was cancelled and has said so: no further line, exit status {@link #EXIT_STATUS}. */
	static final class Cancelled extends RuntimeException {

		private static final long serialVersionUID = 1L;
		/** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
		static final int EXIT_STATUS = 130;

		Cancelled() {
			super("cancelled", null, false, false);
		}
	}

	@Override
	public void progress(double fraction, String status) {
		long now = System.nanoTime();
		// At most ten updates a second: a terminal line is cheap, but not free.
		if (!terminal || now - lastNanos < 100_000_000L && fraction < 1) {
			return;
		}
		lastNanos = now;
		err.printf(Locale.ROOT, "\r%3.0f%% %-70.70s", 100 * fraction, status);
		err.flush();
	}

	@Override
	public boolean cancelRequested() {
		return cancel.requested();
	}

	private void clear() {
		if (terminal && lastNanos != 0) {
			lastNanos = 0;
			err.printf("\r%76s\r", "");
			err.flush();
		}
	}
}

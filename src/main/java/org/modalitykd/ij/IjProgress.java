/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import org.modalitykd.infer.Progress;
import org.modalitykd.task.TaskMonitor;

import ij.IJ;

/**
 * ImageJ's adapter of the task contract: progress in ImageJ's status bar and progress
 * bar, and Esc cancels. As a {@link TaskMonitor} Esc is polled between steps; as the
 * older {@link Progress} of the sliding window it interrupts the thread that runs the
 * command, and the core stops between window batches.
 */
final class IjProgress implements Progress, TaskMonitor {

	private final String what;

	IjProgress(String what) {
		this.what = what;
		IJ.resetEscape();
	}

	@Override
	public void windows(int done, int total) {
		IJ.showProgress(done, total);
		IJ.showStatus(what + ": " + done + "/" + total + " windows (Esc to cancel)");
		if (IJ.escapePressed()) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void progress(double fraction, String status) {
		IJ.showProgress(fraction);
		IJ.showStatus(what + ": " + status + " (Esc to cancel)");
	}

	@Override
	public boolean cancelRequested() {
		return IJ.escapePressed();
	}

	/** Clears the progress bar and says how it ended. */
	static void finish(String status) {
		IJ.showProgress(1, 1);
		IJ.showStatus(status);
	}
}

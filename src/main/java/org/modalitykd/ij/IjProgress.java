/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import org.modalitykd.infer.Progress;

import ij.IJ;

/**
 * Inference progress in ImageJ's status bar and progress bar; Esc cancels. The core
 * stops between window batches once the thread is interrupted, so pressing Esc here
 * interrupts the thread that runs the command.
 */
final class IjProgress implements Progress {

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

	/** Clears the progress bar and says how it ended. */
	static void finish(String status) {
		IJ.showProgress(1, 1);
		IJ.showStatus(status);
	}
}

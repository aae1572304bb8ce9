/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.scijava;

import org.modalitykd.task.TaskMonitor;
import org.scijava.task.Task;

/**
 * SciJava's adapter of the task contract: progress and status go to a SciJava
 * {@link Task} (Fiji shows it in its task list), and cancelling that task stops the work.
 */
final class SciJavaTaskMonitor implements TaskMonitor {

	/** Progress is reported in thousandths: SciJava counts in whole steps. */
	static final long STEPS = 1000;

	private final Task task;

	SciJavaTaskMonitor(Task task) {
		this.task = task;
		task.setProgressMaximum(STEPS);
	}

	@Override
	public void progress(double fraction, String status) {
		task.setProgressValue(Math.round(STEPS * Math.max(0, Math.min(1, fraction))));
		task.setStatusMessage(status);
	}

	@Override
	public boolean cancelRequested() {
		return task.isCanceled();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import org.modalitykd.infer.Progress;
import org.modalitykd.task.TaskMonitor;

/** The sliding window's count of windows as a {@link TaskMonitor}'s fraction and status; cancel stops between batches. */
final class WindowProgress {

	private WindowProgress() {
	}

	static Progress of(TaskMonitor monitor, String what) {
		if (monitor == TaskMonitor.NONE) {
			return Progress.NONE;
		}
		return (done, total) -> {
			monitor.progress(total == 0 ? 1 : done / (double) total, what + ": " + done + "/" + total + " windows");
			monitor.stopIfCancelled(what + " after " + done + " of " + total + " windows");
		};
	}
}

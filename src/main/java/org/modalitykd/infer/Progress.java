/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

/**
 * Told after each batch of windows; front ends adapt it to a status bar or a log.
 * Cancel by interrupting the calling thread: inference then stops between batches
 * with a {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface Progress {

	/** Nothing is reported. */
	Progress NONE = (done, total) -> {
	};

	void windows(int done, int total);
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.task;

import java.io.IOException;

/**
 * A long piece of work with a result: run it with a {@link TaskMonitor} that shows its
 * progress and can cancel it. Every front end runs every task the same way, through its
 * one monitor adapter, so Esc in Fiji, Ctrl-C on the command line and cancel from a
 * script stop it alike.
 *
 * @param <R> what the work produces
 */
@FunctionalInterface
public interface Task<R> {

	/**
	 * Does the work, blocking until it is done.
	 *
	 * @throws java.util.concurrent.CancellationException when the monitor asked to stop;
	 *                                                    nothing half-written is left
	 * @throws IOException                                when reading or writing failed
	 */
	R run(TaskMonitor monitor) throws IOException;
}

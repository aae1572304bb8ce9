/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.util.concurrent.CountDownLatch;

import org.modalitykd.task.TaskMonitor;

/**
 * Ctrl-C (or SIGTERM) while a piece of work runs: instead of dying mid-write, the JVM's
 * shutdown marks the work as cancelled ({@link #requested()}, which the work polls) and
 * waits until the work has stopped and this is closed, so that nothing half-written is
 * left behind.
 */
final class ShutdownCancel implements AutoCloseable {

	private final CountDownLatch finished = new CountDownLatch(1);
	private final Thread hook;
	private volatile boolean requested;

	/** Installs the shutdown hook, a thread named {@code threadName}. */
	ShutdownCancel(String threadName) {
		hook = new Thread(() -> {
			requested = true;
			try {
				finished.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, threadName);
		Runtime.getRuntime().addShutdownHook(hook);
	}

	/** Whether the JVM is shutting down and the work should stop at its next step. */
	boolean requested() {
		return requested;
	}

	/**
	 * Ctrl-C as a task monitor's cancel, for work that prints its own progress: the one
	 * way every long command (training, the experiment) is asked to stop.
	 */
	TaskMonitor monitor() {
		return TaskMonitor.cancelledBy(this::requested);
	}

	/** The work has ended: a shutdown may go on, and the hook is removed. */
	@Override
	public void close() {
		finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		} catch (IllegalStateException e) {
			// the JVM is shutting down already: the hook is running
		}
	}
}

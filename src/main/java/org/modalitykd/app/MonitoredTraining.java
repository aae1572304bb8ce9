/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.util.Locale;
import java.util.Map;

import org.modalitykd.task.TaskMonitor;
import org.modalitykd.train.StepResult;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingSplit;

/**
 * A training run seen through the task contract: its steps as progress of a
 * {@link TaskMonitor}, the monitor's cancel as the run's, and every event passed on to
 * a listener that wants more (a loss plot).
 */
final class MonitoredTraining implements TrainingListener {

	private final TaskMonitor monitor;
	private final TrainingListener also;
	private volatile double done;

	MonitoredTraining(TaskMonitor monitor, TrainingListener also) {
		this.monitor = monitor;
		this.also = also;
	}

	@Override
	public void started(long firstStep, long steps, TrainingSplit split) {
		done = steps == 0 ? 1 : firstStep / (double) steps;
		monitor.progress(done, "training from step " + firstStep + " to " + steps);
		also.started(firstStep, steps, split);
	}

	@Override
	public void stepDone(StepResult result, long steps) {
		done = result.step() / (double) Math.max(1, steps);
		monitor.progress(done, String.format(Locale.ROOT, "step %d/%d, loss %.4f", result.step(), steps, result.loss()));
		also.stepDone(result, steps);
	}

	@Override
	public void validated(long step, Map<String, Double> metrics, boolean best) {
		monitor.progress(done, String.format(Locale.ROOT, "validation at step %d: Dice mean %.3f%s", step,
			metrics.getOrDefault("dice_mean", Double.NaN), best ? " (best)" : ""));
		also.validated(step, metrics, best);
	}

	@Override
	public void message(String line) {
		monitor.progress(done, line);
		also.message(line);
	}

	@Override
	public boolean cancelRequested() {
		return monitor.cancelRequested() || also.cancelRequested() || Thread.currentThread().isInterrupted();
	}
}

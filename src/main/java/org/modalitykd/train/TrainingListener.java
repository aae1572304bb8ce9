/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Map;

/**
 * What a training run tells its front end (the CLI's log lines, the Fiji progress bar
 * and loss plot, tests), and how the front end asks it to stop. Called on the training
 * thread; keep the callbacks short.
 */
public interface TrainingListener {

	/** Ignores everything and never cancels. */
	TrainingListener NONE = new TrainingListener() {
	};

	/**
	 * @param firstStep 0, or the step a resumed run continues from
	 * @param steps     the step the run ends at
	 */
	default void started(long firstStep, long steps, TrainingSplit split) {
	}

	/** After every step: its loss terms ({@link StepResult#step()} steps done of {@code steps}). */
	default void stepDone(StepResult result, long steps) {
	}

	/**
	 * After a validation: mean Dice per region ({@code dice_wt}, {@code dice_tc},
	 * {@code dice_et}, {@code dice_mean}) over the validation cases.
	 *
	 * @param best whether this is the best so far (the bundle was updated)
	 */
	default void validated(long step, Map<String, Double> metrics, boolean best) {
	}

	/** A line worth showing, e.g. that a checkpoint was written. */
	default void message(String line) {
	}

	/**
	 * Polled after every step; true stops the run at the end of that step, after a
	 * checkpoint and a bundle are written. Must be thread-safe (set from a UI thread).
	 */
	default boolean cancelRequested() {
		return false;
	}
}

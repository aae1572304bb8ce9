/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

/**
 * The learning rate as a function of the step (0-based). Implementations are pure
 * functions, so a resumed run continues the same curve.
 */
@FunctionalInterface
public interface LearningRateSchedule {

	double at(long step);

	static LearningRateSchedule constant(double lr) {
		return step -> lr;
	}

	/** nnU-Net's poly decay: lr (1 - step / total)^0.9, 0 from {@code total} on. */
	static LearningRateSchedule poly(double lr, long total) {
		return poly(lr, total, 0.9);
	}

	static LearningRateSchedule poly(double lr, long total, double exponent) {
		requirePositive(total);
		return step -> lr * Math.pow(Math.max(0, 1 - (double) step / total), exponent);
	}

	/** Cosine annealing from lr to {@code min} over {@code total} steps, then {@code min}. */
	static LearningRateSchedule cosine(double lr, long total, double min) {
		requirePositive(total);
		return step -> min + 0.5 * (lr - min) * (1 + Math.cos(Math.PI * Math.min(1.0, (double) step / total)));
	}

	/** This schedule with a linear ramp from lr/warmup to the schedule's value over the first steps. */
	default LearningRateSchedule withWarmup(long warmup) {
		return step -> step < warmup ? at(step) * (step + 1) / warmup : at(step);
	}

	private static void requirePositive(long total) {
		if (total <= 0) {
			throw new IllegalArgumentException("a schedule needs a positive number of steps, got " + total);
		}
	}
}

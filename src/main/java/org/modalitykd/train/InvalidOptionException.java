/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

/**
 * A training option with a value that cannot work, refused before anything is read or
 * written. Its message is one line that starts with the option as a front end spells it
 * ({@code --kd-weight: ...}, {@code kd_weight: ...}); front ends tell it apart from
 * problems with the data (a usage error on the command line).
 */
public final class InvalidOptionException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final TrainingOption option;
	private final String problem;
	private final TrainingOption.Spelling spelling;

	/** Spelled for the Java API until a front end {@linkplain #spelled re-spells} it. */
	public InvalidOptionException(TrainingOption option, String problem) {
		this(option, problem, TrainingOption.Spelling.JAVA);
	}

	private InvalidOptionException(TrainingOption option, String problem, TrainingOption.Spelling spelling) {
		super(option.spelled(spelling) + ": " + problem);
		this.option = option;
		this.problem = problem;
		this.spelling = spelling;
	}

	public TrainingOption option() {
		return option;
	}

	/** The same refusal naming the option as front end {@code s} does. */
	public InvalidOptionException spelled(TrainingOption.Spelling s) {
		return s == spelling ? this : new InvalidOptionException(option, problem, s);
	}

	/** A weight must be a finite number, 0 or more (0 switches its term off). */
	static double weight(TrainingOption option, double value) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			throw new InvalidOptionException(option, "a weight must be a finite number, 0 or more; got " + value);
		}
		return value;
	}

	/** A softening temperature must be a finite number above 0. */
	static double temperature(TrainingOption option, double value) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new InvalidOptionException(option, "the temperature must be a finite number above 0; got " + value);
		}
		return value;
	}

	/**
	 * A warm-up is a share of the training steps in [0, 1): 1 or more would end training
	 * before the distillation terms reach their weights.
	 */
	static double warmup(TrainingOption option, double value) {
		if (!(value >= 0 && value < 1)) {
			throw new InvalidOptionException(option, "the warm-up is a share of the training steps, 0 or more and below 1 "
				+ "(e.g. 0.2 for the first fifth); got " + value);
		}
		return value;
	}
}

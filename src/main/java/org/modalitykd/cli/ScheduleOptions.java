/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How long and how fast a network trains: steps or epochs, learning rate, its decay, weight decay, seed (a mixin of TrainingOptions). */
final class ScheduleOptions {

	static final class Length {
		@Option(names = "--steps", description = "Optimiser steps (default: 1000).")
		Long steps;

		@Option(names = "--epochs", description = "Epochs instead of steps; an epoch is (training cases / batch size) steps, rounded up.")
		Integer epochs;
	}

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	Length length;

	@Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
	double lr;

	@Option(names = "--lr-schedule", defaultValue = "poly", paramLabel = "poly|cosine|constant",
		description = "Learning-rate decay (default: ${DEFAULT-VALUE}).")
	String lrSchedule;

	@Option(names = "--weight-decay", defaultValue = "1e-5", description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
	double weightDecay;

	@Option(names = "--seed", defaultValue = "1", description = "Seed of the split, the initial weights and the batches (default: ${DEFAULT-VALUE}).")
	long seed;
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.modalitykd.train.TrainingRun;

/** The options of a training that takes seconds (3 levels, 4 filters, 16^3 patches, 2 steps on the CPU), for CLI tests. */
final class TinyTraining {

	private static final String[] TINY = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "2",
		"--validation-interval", "2", "--checkpoint-interval", "2", "--device", "cpu", "--log-every", "1" };

	private TinyTraining() {
	}

	/** {@code head} (a command and its own options) followed by the tiny training options. */
	static String[] args(String... head) {
		List<String> all = new ArrayList<>(List.of(head));
		all.addAll(List.of(TINY));
		return all.toArray(String[]::new);
	}

	/** A refused run writes nothing: neither the bundle {@code dir/name} nor its checkpoint folder. */
	static void assertNothingWritten(Path dir, String... names) {
		for (String name : names) {
			assertFalse(Files.exists(dir.resolve(name)), name + ": a refused run writes nothing");
			assertFalse(Files.exists(TrainingRun.workDirOf(dir.resolve(name))), name + ": no checkpoint either");
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/**
 * What the tests of the Fiji training commands share: a fresh ImageJ, the labelled
 * synthetic cases, a folder for the bundles and the documented keys with tiny values.
 */
abstract class FijiTrainingFixture {

	/** The documented keys, tiny values. */
	static final String TINY = "steps=4 patch_size=16 batch_size=2 learning_rate=1E-3 levels=3 base_filters=4 seed=1 "
		+ "validation_fraction=0.2 validation_interval=2 checkpoint_interval=2 device=cpu";

	@TempDir
	Path tmp;

	Path data;

	@BeforeEach
	void freshImageJAndCases() throws IOException {
		ImageJ1.reset();
		data = TrainingFixtures.syntheticCases();
	}

	/** A refusal: one line holding {@code fragment}, no stack trace. */
	static void assertOneLine(String printed, String fragment) {
		assertEquals(1, printed.lines().count(), "one line: " + printed);
		assertTrue(printed.contains(fragment), "'" + fragment + "' missing from: " + printed);
		assertFalse(printed.contains("Exception"), printed);
	}

	/** A refused run writes nothing: neither the bundle {@code out} nor its checkpoint folder. */
	static void assertNothingWritten(Path out) {
		assertFalse(Files.exists(out), out + ": a refused run writes nothing");
		assertFalse(Files.exists(TrainingRun.workDirOf(out)), out + ": no checkpoint either");
	}

	/** A path as a macro value, bracketed for blanks. */
	static String q(Path p) {
		return "[" + p + "]";
	}
}

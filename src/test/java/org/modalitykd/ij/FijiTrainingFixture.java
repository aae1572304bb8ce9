/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.train.TrainingFixtures;

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

	/** A path as a macro value, bracketed for blanks. */
	static String q(Path p) {
		return "[" + p + "]";
	}
}

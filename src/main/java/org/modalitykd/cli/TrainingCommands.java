/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.util.List;

import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingOption;

/** The training commands' checks of their options, with errors as usage errors naming the option. */
final class TrainingCommands {

	private TrainingCommands() {
	}

	/** A list of known modality names, or a usage error naming the option. */
	static List<String> modalities(String csv, String option) {
		try {
			return TrainingJobs.modalities(csv, option);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	static String modality(String value, String option) {
		try {
			return TrainingJobs.modality(value, option);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	/** A step that may refuse an option ({@link InvalidOptionException}). */
	interface Checked<T> {
		T get() throws IOException;
	}

	/** Runs {@code step}; a refused option becomes a usage error naming its flag. */
	static <T> T checked(Checked<T> step) throws IOException {
		try {
			return step.get();
		} catch (InvalidOptionException e) {
			throw new UsageException(e.spelled(TrainingOption.Spelling.CLI).getMessage());
		}
	}
}

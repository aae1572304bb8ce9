/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

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
		return UsageException.ifIllegal(() -> TrainingJobs.modalities(csv, option));
	}

	static String modality(String value, String option) {
		return UsageException.ifIllegal(() -> TrainingJobs.modality(value, option));
	}

	/** Runs {@code step}; a refused option ({@link InvalidOptionException}) becomes a usage error naming its flag. */
	static <T, E extends Exception> T checked(UsageException.Step<T, E> step) throws E {
		try {
			return step.get();
		} catch (InvalidOptionException e) {
			throw new UsageException(e.spelled(TrainingOption.Spelling.CLI).getMessage());
		}
	}
}

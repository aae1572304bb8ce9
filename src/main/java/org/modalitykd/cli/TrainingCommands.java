package org.modalitykd.cli;

import java.util.List;

import org.modalitykd.train.TrainingJobs;

/** Modality names for the training commands, with errors as usage errors naming the option. */
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
}

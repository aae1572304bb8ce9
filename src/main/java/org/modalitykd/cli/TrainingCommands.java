package org.modalitykd.cli;

import java.util.List;
import java.util.function.Supplier;

import org.modalitykd.io.Modalities;
import org.modalitykd.train.TrainingJob;

/** Helpers the training commands share: modality names and turning setup errors into usage errors. */
final class TrainingCommands {

	private TrainingCommands() {
	}

	/** A list of known modality names, or a usage error naming the option. */
	static List<String> modalities(String csv, String option) {
		List<String> list = Modalities.parseList(csv);
		if (list.isEmpty()) {
			throw new UsageException(option + " names no modality");
		}
		for (String m : list) {
			if (!Modalities.BRATS.contains(m)) {
				throw new UsageException(option + ": unknown modality '" + m + "'; expected " + String.join(", ", Modalities.BRATS));
			}
		}
		if (list.stream().distinct().count() != list.size()) {
			throw new UsageException(option + " names a modality twice: " + csv);
		}
		return list;
	}

	static String modality(String value, String option) {
		List<String> list = modalities(value, option);
		if (list.size() != 1) {
			throw new UsageException(option + " takes one modality, got " + value);
		}
		return list.get(0);
	}

	/** The job, with a setup that does not fit (e.g. a patch size) reported as a usage error. */
	static TrainingJob job(Supplier<TrainingJob> make) {
		try {
			return make.get();
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}
}

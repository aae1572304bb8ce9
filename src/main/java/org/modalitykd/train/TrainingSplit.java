/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.List;

/**
 * Which cases trained and which validated, per dataset (one, or two for unpaired
 * training). Recorded in the model card and checked on resume.
 */
public record TrainingSplit(List<String> training, List<String> validation, List<String> trainingB,
	List<String> validationB) {

	public TrainingSplit {
		training = List.copyOf(training);
		validation = List.copyOf(validation);
		trainingB = List.copyOf(trainingB);
		validationB = List.copyOf(validationB);
	}

	/** One line: {@code training [a, b]; validation [c]} (and the second dataset's). */
	public String describe() {
		String s = "training " + training + "; validation " + validation;
		if (!trainingB.isEmpty()) {
			s += "; second modality: training " + trainingB + "; validation " + validationB;
		}
		return s;
	}
}

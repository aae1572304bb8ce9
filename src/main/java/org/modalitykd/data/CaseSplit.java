/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A train / validation split by case: the ids are sorted, shuffled with the seed, and
 * the first {@code ceil(n * fraction)} become validation cases (at least one when the
 * fraction is positive, never all of them; a positive fraction of fewer than two cases
 * is refused rather than left without validation). The same ids
 * and seed give the same split, whatever order the ids came in.
 */
public record CaseSplit(List<String> training, List<String> validation) {

	public static CaseSplit of(List<String> ids, double validationFraction, long seed) {
		if (validationFraction < 0 || validationFraction >= 1) {
			throw new IllegalArgumentException("the validation fraction must be in [0, 1), not " + validationFraction);
		}
		List<String> shuffled = new ArrayList<>(ids);
		Collections.sort(shuffled);
		if (shuffled.stream().distinct().count() != shuffled.size()) {
			throw new IllegalArgumentException("case ids must be distinct");
		}
		Collections.shuffle(shuffled, new Random(seed));
		int n = shuffled.size();
		if (validationFraction > 0 && n < 2) {
			// Validation would silently be empty: the run would train blind and keep its last step.
			throw new IllegalArgumentException((n == 0 ? "no case" : "only 1 case (" + shuffled.get(0) + ")")
				+ " to split into training and validation with a validation fraction of " + validationFraction
				+ "; give at least 2 cases, or set the validation fraction to 0 to train without validation");
		}
		int val = (int) Math.ceil(n * validationFraction);
		if (validationFraction > 0) {
			val = Math.max(1, Math.min(val, n - 1));
		}
		return new CaseSplit(List.copyOf(shuffled.subList(val, n)), List.copyOf(shuffled.subList(0, val)));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The line the experiment logs after each training keeps the test and the shifted cases apart. */
class TrainingSummaryLineTest {

	@Test
	void eachSetOfCasesHasItsOwnMeans() {
		Map<String, List<CaseScore>> scores = new LinkedHashMap<>();
		scores.put("test", List.of(new CaseScore(1, "teacher", "test_0001", 0.9, 0.8, 0.7),
			new CaseScore(1, "teacher", "test_0002", 0.7, 0.6, 0.5), new CaseScore(1, "t1 baseline", "test_0001", 0.5, 0.5, 0.5)));
		scores.put("shifted", List.of(new CaseScore(1, "teacher", "shifted_0001", 0.2, 0.1, 0.0)));
		// By hand: teacher test (0.9 + 0.7) / 2 = 0.8, (0.8 + 0.6) / 2 = 0.7, (0.7 + 0.5) / 2 = 0.6.
		assertEquals("[teacher, 2 test cases: WT 0.800 TC 0.700 ET 0.600] [teacher, 1 shifted cases: WT 0.200 TC 0.100 "
			+ "ET 0.000] [t1 baseline, 1 test cases: WT 0.500 TC 0.500 ET 0.500]", ExperimentRunner.summary(scores));
	}
}

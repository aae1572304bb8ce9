/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code experiment --trainings}: part of a design, the teacher kept for the students. */
class PartOfADesignTest {

	private final ExperimentPlan plan = ExperimentPlan.quick();

	@Test
	void theNamedTrainingsInTheirOrderWithTheTeacherAndTheirRows() {
		ExperimentDesign whole = new ExperimentDesign(plan);
		ExperimentDesign part = whole.only(List.of("t2-protokd", "t2-baseline"));
		assertEquals(List.of("teacher", "t2-baseline", "t2-protokd"),
			part.trainings().stream().map(ExperimentDesign.Training::name).toList());
		assertEquals(List.of("teacher (all four)", "t2 baseline", "t2 ProtoKD"),
			part.rows().stream().map(ExperimentDesign.Row::label).toList());
		// The rows keep what they are compared with.
		assertEquals("t2 baseline", part.row("t2 ProtoKD").baseline());
		assertEquals(whole.row("t2 ProtoKD"), part.row("t2 ProtoKD"));
	}

	@Test
	void theUnpairedDesignHasNoTeacherToKeep() {
		ExperimentDesign whole = new ExperimentDesign(ExperimentPlan.quickUnpaired());
		String first = whole.trainings().get(0).name();
		assertEquals(List.of(first), whole.only(List.of(first)).trainings().stream().map(ExperimentDesign.Training::name)
			.toList());
	}

	@Test
	void anUnknownNameIsRefusedWithTheKnownOnes() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new ExperimentDesign(plan).only(List.of("t2-kdnet", "t2-kdnett")));
		assertTrue(e.getMessage().startsWith("no training 't2-kdnett' in this experiment; its trainings are teacher, "),
			e.getMessage());
		assertTrue(e.getMessage().contains("t2-kdnet,"), e.getMessage());
	}
}

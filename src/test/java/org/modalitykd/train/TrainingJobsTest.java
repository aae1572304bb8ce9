/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one check of a run's method and its parameters: each bad value is refused with one
 * line that starts with the option as the calling front end spells it, before any file is
 * read (the data folders here do not exist); good values reach the objective.
 */
class TrainingJobsTest {

	@TempDir
	Path tmp;

	private static final TrainingParameters P = TrainingParameters.defaults().withPatchSize(16).withNetwork(3, 4);

	private static TrainingJobs.Distillation kd(Double w, Double t, Double f, Double p) {
		return new TrainingJobs.Distillation(w, t, f, p);
	}

	/** Runs {@code call} and returns the refusal, which must name {@code option} first. */
	private static InvalidOptionException refused(String option, Executable call) {
		InvalidOptionException e = assertThrows(InvalidOptionException.class, call);
		assertTrue(e.getMessage().startsWith(option + ": "), e.getMessage());
		assertEquals(1, e.getMessage().lines().count(), e.getMessage());
		return e;
	}

	@Test
	void anUnknownAugmentationLevelIsNamedInEachSpelling() {
		InvalidOptionException e = refused("augmentation", () -> P.withAugmentation("heavy"));
		assertEquals("augmentation: unknown augmentation level 'heavy'; expected light or nnunet", e.getMessage());
		assertTrue(e.spelled(TrainingOption.Spelling.CLI).getMessage().startsWith("--augmentation: "));
		refused("augmentation", () -> P.withAugmentation((org.modalitykd.data.AugmentationLevel) null));
		assertEquals(org.modalitykd.data.AugmentationLevel.LIGHT, P.augmentation(), "the default");
		TrainingParameters nnunet = P.withAugmentation("nnunet").withSteps(7).withSeed(3);
		assertEquals(org.modalitykd.data.AugmentationLevel.NNUNET, nnunet.schedule(1).augmentation(),
			"kept by every with... and handed to the schedule");
	}

	@Test
	void everyBadStudentOptionIsNamedInTheFrontEndsSpelling() {
		Path data = tmp.resolve("no-cases");
		Path teacher = tmp.resolve("no-teacher");
		TrainingOption.Spelling cli = TrainingOption.Spelling.CLI;
		TrainingOption.Spelling macro = TrainingOption.Spelling.MACRO;
		refused("--method", () -> TrainingJobs.studentMethod("distil", cli));
		refused("method", () -> TrainingJobs.studentMethod("distil", macro));
		refused("--teacher", () -> TrainingJobs.student(data, "t1", TrainingMethod.KD_NET, null,
			TrainingJobs.Distillation.DEFAULTS, P, cli));
		refused("teacher", () -> TrainingJobs.student(data, "t1", TrainingMethod.SUPERVISED, teacher,
			TrainingJobs.Distillation.DEFAULTS, P, macro));
		refused("--kd-weight", () -> TrainingJobs.student(data, "t1", TrainingMethod.SUPERVISED, null,
			kd(0.5, null, null, null), P, cli));
		refused("--kd-weight", () -> TrainingJobs.student(data, "t1", TrainingMethod.KD_NET, teacher,
			kd(-1.0, null, null, null), P, cli));
		refused("kd_weight", () -> TrainingJobs.student(data, "t1", TrainingMethod.PROTOKD, teacher,
			kd(Double.NaN, null, null, null), P, macro));
		refused("--temperature", () -> TrainingJobs.student(data, "t1", TrainingMethod.KD_NET, teacher,
			kd(null, 0.0, null, null), P, cli));
		refused("temperature", () -> TrainingJobs.student(data, "t1", TrainingMethod.PROTOKD, teacher,
			kd(null, Double.POSITIVE_INFINITY, null, null), P, macro));
		refused("--feature-weight", () -> TrainingJobs.student(data, "t1", TrainingMethod.PROTOKD, teacher,
			kd(null, null, 0.1, null), P, cli));
		refused("--feature-weight", () -> TrainingJobs.student(data, "t1", TrainingMethod.KD_NET, teacher,
			kd(null, null, -0.1, null), P, cli));
		refused("--proto-weight", () -> TrainingJobs.student(data, "t1", TrainingMethod.KD_NET, teacher,
			kd(null, null, null, 0.1), P, cli));
		refused("--dice-weight", () -> TrainingJobs.student(data, "t1", TrainingMethod.SUPERVISED, null,
			TrainingJobs.Distillation.DEFAULTS, new TrainingParameters(10, 0, 2, new int[] { 16, 16, 16 }, 1e-3, "poly",
				1e-5, -1, 1, 0.2, 5, 5, 0.3, 1, 3, 4), cli));
		refused("kdWeight", () -> TrainingJobs.student(data, "t1", TrainingMethod.KD_NET, teacher,
			kd(-1.0, null, null, null), P));
		assertFalse(Files.exists(data) || Files.exists(teacher), "nothing was written");
	}

	@Test
	void everyBadUnpairedOptionIsNamed() {
		Path a = tmp.resolve("a");
		Path b = tmp.resolve("b");
		refused("--modality-b", () -> TrainingJobs.unpaired(a, "t1", b, "t1", 0.5, 2, P, TrainingOption.Spelling.CLI));
		refused("--kd-weight", () -> TrainingJobs.unpaired(a, "t1", b, "t2", -0.5, 2, P, TrainingOption.Spelling.CLI));
		refused("tau", () -> TrainingJobs.unpaired(a, "t1", b, "t2", 0.5, 0, P, TrainingOption.Spelling.MACRO));
		refused("tau", () -> TrainingJobs.unpaired(a, "t1", b, "t2", 0.5, -2, P));
	}

	@Test
	void givenWeightsReplaceTheMethodsDefaultsAndNothingElse() {
		Objective o = TrainingJobs.studentObjective(TrainingMethod.KD_NET, true, kd(0.1, 2.0, null, null), P);
		assertEquals(new KdNetLosses(0.1, 2, KdNetLosses.DEFAULT_FEATURE_WEIGHT), o.methodLosses());
		assertEquals(List.of("dice", "cross_entropy", "kd", "temperature", "feature_l2", "weight_decay"),
			List.copyOf(o.describe().keySet()));
		Objective p = TrainingJobs.studentObjective(TrainingMethod.PROTOKD, true, kd(null, null, null, 0.3), P);
		assertEquals(new ProtoKdLosses(1, 10, 0.3), p.methodLosses());
		assertEquals(0.2, p.distillationWarmup(), "ProtoKD's default warm-up");
		Objective none = TrainingJobs.studentObjective(TrainingMethod.PROTOKD, true,
			kd(null, null, null, null).withWarmup(0.0), P);
		assertEquals(0.0, none.distillationWarmup(), "a warm-up of 0 given is none");
		assertEquals(0.0, o.distillationWarmup(), "KD-Net has none by default");
		assertEquals(Map.of("dice", 1.0, "cross_entropy", 1.0, "class_kd", 0.7, "tau", 3.0, "weight_decay", 1e-5),
			TrainingJobs.unpairedObjective("t1", "flair", 0.7, 3, P).describe());
		assertInstanceOf(NoDistillation.class,
			TrainingJobs.studentObjective(TrainingMethod.SUPERVISED, false, TrainingJobs.Distillation.DEFAULTS, P)
				.methodLosses());
		refused("method", () -> TrainingJobs.studentObjective(TrainingMethod.UNPAIRED, false,
			TrainingJobs.Distillation.DEFAULTS, P));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modalitykd.TestDevice;
import org.modalitykd.data.PatchBatch;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Weights;

/**
 * The distillation options of the sweep: the linear warm-up of the distillation weights
 * ({@code kd_warmup}) and KD-Net's T^2 factor ({@code temperature_squared}). The factors
 * are checked by hand; in a trainer, the total loss is rebuilt from the logged terms and
 * the weights, so a warm-up that touched the segmentation terms or missed a distillation
 * term would show.
 */
class DistillationScheduleTest {

	private static final PatchBatch BATCH = SyntheticPatches.tumour(16, new double[] { 8.2, 7.1, 8.4 }, 3);

	@Test
	void warmUpRisesLinearlyOverItsShareOfTheSteps() {
		Objective o = Objective.defaults(TrainingMethod.KD_NET).withDistillationWarmup(0.25);
		// 25 of 100 steps: step s has factor s / 25.
		assertEquals(0, o.distillationScale(0, 100));
		assertEquals(0.4, o.distillationScale(10, 100), 1e-12);
		assertEquals(0.96, o.distillationScale(24, 100), 1e-12);
		assertEquals(1, o.distillationScale(25, 100));
		assertEquals(1, o.distillationScale(99, 100));
		Objective none = Objective.defaults(TrainingMethod.KD_NET);
		assertEquals(1, none.distillationScale(0, 100));
		assertEquals(1, none.distillationScale(0, 1));
	}

	@Test
	void badWarmUpsAreRefusedNamingTheOption() {
		Objective kd = Objective.defaults(TrainingMethod.KD_NET);
		for (double bad : new double[] { -0.1, 1, 1.5, Double.NaN }) {
			InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> kd.withDistillationWarmup(bad));
			assertEquals(TrainingOption.KD_WARMUP, e.option());
			assertTrue(e.getMessage().startsWith("kdWarmup: the warm-up is a share of the training steps"), e.getMessage());
		}
		InvalidOptionException none = assertThrows(InvalidOptionException.class,
			() -> TrainingJobs.studentObjective(TrainingMethod.SUPERVISED, false,
				TrainingJobs.Distillation.DEFAULTS.withWarmup(0.2), TrainingParameters.defaults()));
		assertTrue(none.getMessage().startsWith("kdWarmup: method none has no distillation terms"), none.getMessage());
		InvalidOptionException proto = assertThrows(InvalidOptionException.class,
			() -> TrainingJobs.studentObjective(TrainingMethod.PROTOKD, true,
				TrainingJobs.Distillation.DEFAULTS.withTemperatureSquared(false), TrainingParameters.defaults()));
		assertTrue(proto.getMessage().startsWith("temperatureSquared: method protokd has no T^2 factor"), proto.getMessage());
	}

	@Test
	void theWarmUpFactorMultipliesTheDistillationTermsOnly() {
		Weights teacher = DistillationTrainerTest.trainedTeacher();
		for (TrainingMethod method : List.of(TrainingMethod.KD_NET, TrainingMethod.PROTOKD)) {
			Objective plain = Objective.defaults(method);
			Map<String, Double> weights = plain.describe();
			List<String> distillation = method == TrainingMethod.KD_NET ? List.of("kd", "feature_l2")
				: List.of("pixel_kd", "proto_kd");
			double plainTotal = firstStep(plain, teacher, 1).loss();
			for (double scale : new double[] { 0, 0.3, 1 }) {
				StepResult r = firstStep(plain.withDistillationWarmup(0.5), teacher, scale);
				double expected = weights.get("dice") * r.term("dice") + weights.get("cross_entropy") * r.term("cross_entropy");
				for (String term : distillation) {
					assertTrue(r.term(term) > 0, method + ": " + term + " is logged whatever the factor");
					expected += scale * weights.get(term) * r.term(term);
				}
				assertEquals(expected, r.loss(), 1e-5 * Math.max(1, expected), method + " at factor " + scale);
				if (scale == 1) {
					assertEquals(plainTotal, r.loss(), 1e-6 * plainTotal, method + ": factor 1 is the loss without warm-up");
				}
			}
		}
	}

	@Test
	void withoutTemperatureSquaredTheLogitTermIsTheKlAlone() {
		Weights teacher = DistillationTrainerTest.trainedTeacher();
		KdNetLosses hinton = KdNetLosses.defaults();
		Objective squared = Objective.defaults(TrainingMethod.KD_NET);
		Objective plainKl = squared.withMethodLosses(hinton.withTemperatureSquared(false));
		double t2 = hinton.temperature() * hinton.temperature();
		StepResult a = firstStep(squared, teacher, 1);
		StepResult b = firstStep(plainKl, teacher, 1);
		assertEquals(a.term("kd"), t2 * b.term("kd"), 1e-5 * a.term("kd"));
		assertEquals(a.term("dice"), b.term("dice"), 1e-7);
		assertEquals(Map.of("seg_loss", "default", "latent_loss", "mse", "temperature_squared", "false"),
			plainKl.describeOptions());
		assertEquals(Map.of("seg_loss", "default", "latent_loss", "mse"), squared.describeOptions(),
			"the default writes no key: cards without it mean T^2, as before the option existed");
	}

	/** The terms of a fresh student's first step (computed before its update). */
	private static StepResult firstStep(Objective o, Weights teacher, double scale) {
		try (Trainer t = Trainer.create(DistillationTrainerTest.STUDENT, DistillationTrainerTest.TEACHER, new int[] { 1 }, o,
			TestDevice.session())) {
			t.loadTeacher(teacher);
			return t.step(BATCH, null, 1e-3, scale);
		}
	}
}

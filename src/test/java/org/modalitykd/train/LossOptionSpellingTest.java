/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The loss options checked in one place, named as each front end spells them; the defaults unchanged. */
class LossOptionSpellingTest {

	@Test
	void eachOptionHasThreeSpellings() {
		assertSpelled(TrainingOption.LATENT_LOSS, "--latent-loss", "latent_loss", "latentLoss");
		assertSpelled(TrainingOption.SEG_LOSS, "--seg-loss", "seg_loss", "segLoss");
		assertSpelled(TrainingOption.FEATURE_WEIGHT, "--feature-weight", "feature_weight", "featureWeight");
		assertSpelled(TrainingOption.CE_WEIGHT, "--ce-weight", "ce_weight", "ceWeight");
	}

	private static void assertSpelled(TrainingOption option, String cli, String macro, String java) {
		assertEquals(cli, option.spelled(TrainingOption.Spelling.CLI));
		assertEquals(macro, option.spelled(TrainingOption.Spelling.MACRO));
		assertEquals(java, option.spelled(TrainingOption.Spelling.JAVA));
	}

	@Test
	void badValuesNameTheOption() {
		TrainingParameters p = TrainingParameters.defaults();
		InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> p.withSegmentationLoss("dice"));
		assertEquals("segLoss: unknown segmentation loss 'dice'; expected default or official", e.getMessage());
		e = assertThrows(InvalidOptionException.class, () -> TrainingJobs.studentObjective(TrainingMethod.KD_NET, true,
			TrainingJobs.Distillation.DEFAULTS.withLatentLoss("l1"), p));
		assertEquals("latentLoss: unknown latent loss 'l1'; expected mse or kl", e.getMessage());
		e = assertThrows(InvalidOptionException.class, () -> TrainingJobs.studentObjective(TrainingMethod.PROTOKD, true,
			TrainingJobs.Distillation.DEFAULTS.withLatentLoss("mse"), p));
		assertTrue(e.getMessage().startsWith("latentLoss: method protokd has no latent term"), e.getMessage());
		assertEquals("latent_loss: unknown latent loss 'l1'; expected mse or kl",
			assertThrows(InvalidOptionException.class, () -> LatentLoss.parse("l1")).spelled(TrainingOption.Spelling.MACRO)
				.getMessage());
	}

	@Test
	void defaultsStayMseAndTheDefaultSegmentationLoss() {
		Objective kdNet = TrainingJobs.studentObjective(TrainingMethod.KD_NET, true, TrainingJobs.Distillation.DEFAULTS,
			TrainingParameters.defaults());
		assertEquals(LatentLoss.MSE, ((KdNetLosses) kdNet.methodLosses()).latentLoss());
		assertEquals(SegmentationLossForm.DEFAULT, kdNet.segmentation().form());
		assertEquals(Map.of("seg_loss", "default", "latent_loss", "mse"), kdNet.describeOptions());
		assertEquals(KdNetLosses.defaults(), new KdNetLosses(0.1, 4, 0.1, LatentLoss.MSE));
		Objective chosen = TrainingJobs.studentObjective(TrainingMethod.KD_NET, true,
			new TrainingJobs.Distillation(0.2, null, 0.5, null, "kl"),
			TrainingParameters.defaults().withSegmentationLoss("official").withSteps(10));
		assertEquals(Map.of("seg_loss", "official", "latent_loss", "kl"), chosen.describeOptions());
		assertEquals(0.5, chosen.describe().get("feature_kl"));
		assertEquals(SegmentationLossForm.OFFICIAL, chosen.segmentation().form(), "with... keeps the form");
	}
}

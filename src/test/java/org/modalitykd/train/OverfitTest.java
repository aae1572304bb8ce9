/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.TestDevice;
import org.modalitykd.data.PatchBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;

/**
 * Forward pass, losses, custom gradients and AdamW together: a tiny U-Net learns one
 * synthetic patch by heart (hard Dice above 0.95 for every tumour class, soft Dice loss
 * below 0.1) within a few hundred steps.
 */
class OverfitTest {

	@Test
	void tinyNetworkLearnsOnePatch() {
		PatchBatch patch = SyntheticPatches.tumour(16, new double[] { 7.3, 8.6, 7.9 }, 1);
		UNetConfig config = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(8);
		try (Trainer trainer = Trainer.create(config, Objective.defaults(TrainingMethod.SUPERVISED),
			TestDevice.session())) {
			StepResult first = trainer.step(patch, 3e-3);
			assertEquals(1, first.step());
			assertEquals(List.of("loss", "dice", "cross_entropy", "gradient_norm", "learning_rate"),
				List.copyOf(first.terms().keySet()));
			assertEquals(first.term("dice") + first.term("cross_entropy"), first.loss(), 1e-5,
				"total = Dice + cross-entropy with unit weights");
			StepResult last = first;
			double worst = 0;
			int steps = 1;
			for (; steps < 400; steps++) {
				last = trainer.step(patch, 3e-3);
				if (steps % 25 == 0) {
					worst = worstDice(trainer.predict(patch), patch);
					if (worst > 0.95 && last.term("dice") < 0.1) {
						break;
					}
				}
			}
			assertTrue(worst > 0.95, "after " + steps + " steps the worst class Dice is " + worst + "; loss " + last.loss());
			assertTrue(last.term("dice") < 0.1, "the soft Dice loss itself is minimised, not only the argmax: " + last);
			assertEquals(steps + 1, trainer.stepCount());
			System.out.printf("over-fit: Dice > 0.95 after %d steps, loss %.3f -> %.3f%n", steps + 1, first.loss(), last.loss());
		}
	}

	private static double worstDice(float[] probabilities, PatchBatch patch) {
		double worst = 1;
		for (int c = 1; c < 4; c++) {
			worst = Math.min(worst, SyntheticPatches.dice(probabilities, patch.labels(), 4, c));
		}
		return worst;
	}
}

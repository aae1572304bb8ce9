/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.scijava.ModalityKDService;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingParameters;
import org.scijava.Context;

/** The loss options through the scripting service: segLoss in the parameters, latentLoss in the weights. */
class ModalityKDServiceLossOptionsTest {

	@TempDir
	Path tmp;

	@Test
	void officialSegmentationLossAndKlLatentTermThroughTheService() throws IOException, InterruptedException {
		Path data = TrainingFixtures.syntheticCases();
		TrainingParameters tiny = ModalityKDServiceTest.TINY.withSteps(2);
		try (Context context = new Context(ModalityKDService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			Path teacher = tmp.resolve("teacher");
			kd.train(data, List.of("t1", "flair"), teacher, tiny.withSegmentationLoss("official"), "cpu", false);
			assertEquals(Map.of("seg_loss", "official"), ModelBundle.readCard(teacher).provenance().lossOptions());
			Path student = tmp.resolve("student");
			kd.distill(data, "flair", "kdnet", teacher, student, tiny,
				TrainingJobs.Distillation.DEFAULTS.withLatentLoss("kl"), "cpu", false, false, TrainingListener.NONE);
			assertEquals(Map.of("seg_loss", "default", "latent_loss", "kl"),
				ModelBundle.readCard(student).provenance().lossOptions());
			Path refused = tmp.resolve("refused");
			InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> kd.distill(data, "flair", "protokd",
				teacher, refused, tiny, TrainingJobs.Distillation.DEFAULTS.withLatentLoss("kl"), "cpu", false, false,
				TrainingListener.NONE));
			assertTrue(e.getMessage().startsWith("latentLoss: "), e.getMessage());
			assertFalse(Files.exists(refused));
		}
	}
}

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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.Upsampling;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;

/**
 * Training options through the scripting service: segLoss in the parameters, latentLoss in
 * the weights; the upsampling ({@code TrainingParameters.withUpsampling("resize")}), which a
 * student copies from its teacher.
 */
class ModalityKDServiceTrainingOptionsTest {

	@TempDir
	Path tmp;

	@Test
	void officialSegmentationLossAndKlLatentTermThroughTheService() throws IOException, InterruptedException {
		TrainingParameters tiny = ModalityKDServiceTest.TINY.withSteps(2);
		ModalityKDServiceTest.withService(kd -> {
			ModalityKDServiceTest.teacherThenStudent(kd, tmp, tiny.withSegmentationLoss("official"), "kdnet",
				TrainingJobs.Distillation.DEFAULTS.withLatentLoss("kl"));
			Path teacher = tmp.resolve("teacher");
			assertEquals(Map.of("seg_loss", "official"), ModelBundle.readCard(teacher).provenance().lossOptions());
			assertEquals(Map.of("seg_loss", "default", "latent_loss", "kl"),
				ModelBundle.readCard(tmp.resolve("student")).provenance().lossOptions());
			Path refused = tmp.resolve("refused");
			InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> kd.distill(
				TrainingFixtures.syntheticCases(), "flair", "protokd", teacher, refused, tiny,
				TrainingJobs.Distillation.DEFAULTS.withLatentLoss("kl"), "cpu", false, false, TrainingListener.NONE));
			assertTrue(e.getMessage().startsWith("latentLoss: "), e.getMessage());
			assertFalse(Files.exists(refused));
		});
	}

	@Test
	void resizeReachesTheTeacherAndItsStudent() throws IOException, InterruptedException {
		TrainingParameters tiny = ModalityKDServiceTest.TINY.withSteps(2);
		InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> tiny.withUpsampling("bicubic"));
		assertTrue(e.spelled(TrainingOption.Spelling.JAVA).getMessage().startsWith("upsampling: "), e.getMessage());
		ModalityKDServiceTest.withService(kd -> ModalityKDServiceTest.teacherThenStudent(kd, tmp,
			tiny.withUpsampling("resize"), "protokd", TrainingJobs.Distillation.DEFAULTS));
		assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(tmp.resolve("teacher")).architecture().upsampling());
		assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(tmp.resolve("student")).architecture().upsampling(),
			"the student copies its teacher's");
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.Upsampling;
import org.modalitykd.scijava.ModalityKDService;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;
import org.scijava.Context;

/** The upsampling through the scripting service: {@code TrainingParameters.withUpsampling("resize")}. */
class ModalityKDServiceUpsamplingTest {

	@TempDir
	Path tmp;

	@Test
	void resizeReachesTheTeacherAndItsStudent() throws IOException, InterruptedException {
		Path data = TrainingFixtures.syntheticCases();
		TrainingParameters tiny = ModalityKDServiceTest.TINY.withSteps(2);
		InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> tiny.withUpsampling("bicubic"));
		assertTrue(e.spelled(TrainingOption.Spelling.JAVA).getMessage().startsWith("upsampling: "), e.getMessage());
		try (Context context = new Context(ModalityKDService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			Path teacher = tmp.resolve("teacher");
			kd.train(data, List.of("t1", "flair"), teacher, tiny.withUpsampling("resize"), "cpu", false);
			assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(teacher).architecture().upsampling());
			Path student = tmp.resolve("student");
			kd.distill(data, "flair", "protokd", teacher, student, tiny, TrainingJobs.Distillation.DEFAULTS, "cpu", false,
				false, TrainingListener.NONE);
			assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(student).architecture().upsampling(),
				"the student copies its teacher's");
		}
	}
}

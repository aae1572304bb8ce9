/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.Upsampling;

/**
 * {@code --upsampling} on the three training commands: a bad value is one line naming the
 * flag and nothing is written; a chosen value reaches the model card, and a distilled
 * student copies its teacher's unless the flag is given.
 */
class TrainUpsamplingCliTest {

	@TempDir
	Path tmp;

	@Test
	void aBadValueIsOneLineNamingTheFlagAndNothingIsWritten() {
		CliTest.assertOneLineError(TinyTraining.teacher(tmp, "--upsampling", "bilinear"), 2, "--upsampling: ",
			"unknown upsampling 'bilinear'", "transposed or resize");
		CliTest.assertOneLineError(TinyTraining.student(tmp, "kdnet", "--upsampling", "nearest"), 2, "--upsampling: ");
		CliTest.assertOneLineError(TinyTraining.unpaired(tmp, "--upsampling", ""), 2, "--upsampling: ");
		TinyTraining.assertNothingWritten(tmp, "s", "x", "u");
	}

	@Test
	void theChoiceReachesTheCardAndAStudentCopiesItsTeachersUnlessTold() throws IOException {
		Path teacher = TinyTraining.trained(tmp.resolve("teacher"), "train-teacher", "--upsampling", "resize");
		assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(teacher).architecture().upsampling());

		Path copied = TinyTraining.trained(tmp.resolve("copied"), "train-student", "--modality", "t2", "--method", "kdnet",
			"--teacher", teacher.toString());
		assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(copied).architecture().upsampling());

		Path told = TinyTraining.trained(tmp.resolve("told"), "train-student", "--modality", "t2", "--method", "protokd",
			"--teacher", teacher.toString(), "--upsampling", "transposed");
		assertEquals(Upsampling.TRANSPOSED_CONV, ModelBundle.readCard(told).architecture().upsampling());

		Path baseline = TinyTraining.trained(tmp.resolve("baseline"), "train-student", "--modality", "t2", "--method", "none");
		assertEquals(Upsampling.TRANSPOSED_CONV, ModelBundle.readCard(baseline).architecture().upsampling(), "the default");
	}
}

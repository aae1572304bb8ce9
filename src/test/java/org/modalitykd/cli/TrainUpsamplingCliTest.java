/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modalitykd.cli.TinyTraining.args;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.Upsampling;
import org.modalitykd.train.TrainingFixtures;

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
		String data = TrainingFixtures.syntheticCases().toString();
		Path teacher = tmp.resolve("teacher");
		CliTest.Outcome t = CliTest.run(args("train-teacher", "--data", data, "--out", teacher.toString(), "--upsampling",
			"resize"));
		assertEquals(0, t.status(), t.err());
		assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(teacher).architecture().upsampling());

		Path copied = tmp.resolve("copied");
		CliTest.Outcome s = CliTest.run(args("train-student", "--data", data, "--out", copied.toString(), "--modality", "t2",
			"--method", "kdnet", "--teacher", teacher.toString()));
		assertEquals(0, s.status(), s.err());
		assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(copied).architecture().upsampling());

		Path told = tmp.resolve("told");
		CliTest.Outcome o = CliTest.run(args("train-student", "--data", data, "--out", told.toString(), "--modality", "t2",
			"--method", "protokd", "--teacher", teacher.toString(), "--upsampling", "transposed"));
		assertEquals(0, o.status(), o.err());
		assertEquals(Upsampling.TRANSPOSED_CONV, ModelBundle.readCard(told).architecture().upsampling());

		Path baseline = tmp.resolve("baseline");
		CliTest.Outcome b = CliTest.run(args("train-student", "--data", data, "--out", baseline.toString(), "--modality", "t2",
			"--method", "none"));
		assertEquals(0, b.status(), b.err());
		assertEquals(Upsampling.TRANSPOSED_CONV, ModelBundle.readCard(baseline).architecture().upsampling(), "the default");
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelRole;
import org.modalitykd.train.TrainingRun;

/** The {@code cache_mb} macro key reaches the run: 0 trains from disk, a negative size is one line. */
class FijiCacheKeyTest extends FijiTrainingFixture {

	private static final String TINY = FijiTrainingFixture.TINY.replace("steps=4", "steps=2");

	@Test
	void cacheMbTrainsAndANegativeOneIsRefusedInOneLine() throws IOException {
		Path teacher = tmp.resolve("teacher");
		ImageJ1.run("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY
			+ " cache_mb=0 out=" + q(teacher));
		assertEquals(ModelRole.TEACHER, ModelBundle.readCard(teacher).role());
		assertTrue(Files.isDirectory(TrainingRun.workDirOf(teacher).resolve("prepared")));
		Path out = tmp.resolve("bad");
		String printed = ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 "
			+ TINY + " cache_mb=-5 out=" + q(out));
		assertOneLine(printed, "cache_mb: must be 0 or more, got -5");
		assertNothingWritten(out);
	}
}

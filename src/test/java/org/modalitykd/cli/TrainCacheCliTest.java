/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/** The case cache changes where and how cases are held, never what is trained. */
class TrainCacheCliTest {

	@TempDir
	Path tmp;

	private static final String[] TINY = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "4",
		"--validation-interval", "4", "--checkpoint-interval", "4", "--device", "cpu", "--log-every", "2", "--modalities",
		"t1,t2" };

	private CliTest.Outcome teacher(Path out, String... more) {
		List<String> all = new ArrayList<>(List.of("train-teacher", "--data", TrainingFixtures.syntheticCases().toString(),
			"--out", out.toString()));
		all.addAll(List.of(TINY));
		all.addAll(List.of(more));
		return CliTest.run(all.toArray(String[]::new));
	}

	private static List<String> log(Path out) throws IOException {
		return Files.readAllLines(TrainingRun.workDirOf(out).resolve(TrainingRun.LOG_FILE));
	}

	@Test
	void everyCacheSizeTrainsTheSameAndAPreparedFolderIsShared() throws IOException {
		Path a = tmp.resolve("default");
		CliTest.Outcome ra = teacher(a);
		assertEquals(0, ra.status(), ra.err());
		assertTrue(ra.out().contains("prepared 5 of 5 cases in " + TrainingRun.workDirOf(a).resolve("prepared")), ra.out());

		Path b = tmp.resolve("nothing-held");
		CliTest.Outcome rb = teacher(b, "--cache-mb", "0");
		assertEquals(0, rb.status(), rb.err());
		assertEquals(log(a), log(b), "the same losses and validation with no case held in memory");
		assertTrue(rb.out().contains("case cache: 0 MB for 4 training cases of "), rb.out());

		Path shared = tmp.resolve("shared-prepared");
		Path c = tmp.resolve("one-mb");
		CliTest.Outcome rc = teacher(c, "--cache-mb", "1", "--prepared-dir", shared.toString());
		assertEquals(0, rc.status(), rc.err());
		assertEquals(log(a), log(c));
		assertTrue(rc.out().contains("prepared 5 of 5 cases in " + shared), rc.out());
		assertFalse(Files.exists(TrainingRun.workDirOf(c).resolve("prepared")));

		CliTest.Outcome again = teacher(tmp.resolve("again"), "--prepared-dir", shared.toString());
		assertEquals(0, again.status(), again.err());
		assertFalse(again.out().contains("prepared 5 of 5"), "the shared cases are prepared once: " + again.out());
		assertEquals(log(a), log(tmp.resolve("again")));
		List<String> left = Thread.getAllStackTraces().keySet().stream()
			.filter(t -> t.isAlive() && t.getName().startsWith("modalitykd-")).map(Thread::getName).toList();
		assertEquals(List.of(), left, "no batch or prefetch thread outlives its run");
	}

	@Test
	void aNegativeCacheIsAUsageErrorNamingTheFlag() {
		CliTest.assertOneLineError(teacher(tmp.resolve("x"), "--cache-mb", "-1"), 2, "--cache-mb: ", "0 or more");
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.cli.CliTest;

/**
 * The cohort-memory suite's cohorts: n case folders under new ids whose files are those
 * of the generated cases in turn, renamed to the new id (so the dataset reader takes
 * them as n distinct cases); its numbers from /proc; its options refused with one line.
 */
class CohortMemoryBenchmarkTest {

	@TempDir
	Path tmp;

	@Test
	void cohortRepeatsTheGeneratedCasesUnderNewIds() throws IOException {
		List<Path> source = List.of(caseFolder("synth_0001", "a"), caseFolder("synth_0002", "b"));
		Path cohort = CohortMemoryBenchmark.materialise(source, 5, tmp.resolve("cohort"));
		List<String> ids;
		try (Stream<Path> s = Files.list(cohort)) {
			ids = s.map(p -> p.getFileName().toString()).sorted().toList();
		}
		assertEquals(List.of("c0001", "c0002", "c0003", "c0004", "c0005"), ids);
		for (int i = 0; i < 5; i++) {
			String id = ids.get(i);
			String content = i % 2 == 0 ? "a" : "b";
			for (String m : List.of("t1", "flair", "seg")) {
				Path f = cohort.resolve(id).resolve(id + "_" + m + ".nii.gz");
				assertEquals(content + m, Files.readString(f, StandardCharsets.UTF_8), f.toString());
			}
			try (Stream<Path> s = Files.list(cohort.resolve(id))) {
				assertEquals(3, s.count());
			}
		}
		// Again: the folders are there, nothing is added or broken.
		CohortMemoryBenchmark.materialise(source, 5, tmp.resolve("cohort"));
		assertEquals("a" + "t1", Files.readString(cohort.resolve("c0003/c0003_t1.nii.gz"), StandardCharsets.UTF_8));
	}

	private Path caseFolder(String id, String content) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("source").resolve(id));
		for (String m : List.of("t1", "flair", "seg")) {
			Files.writeString(dir.resolve(id + "_" + m + ".nii.gz"), content + m, StandardCharsets.UTF_8);
		}
		return dir;
	}

	@Test
	void procFieldsOfThisProcess() {
		long pid = ProcessHandle.current().pid();
		// The resident size first: the peak read after it is at least as high.
		long rss = CohortMemoryBenchmark.procField(pid, "status", "VmRSS");
		long hwm = CohortMemoryBenchmark.procField(pid, "status", "VmHWM");
		assertTrue(hwm > 0 && rss > 0 && hwm >= rss, "VmHWM " + hwm + " kB, VmRSS " + rss + " kB");
		assertTrue(CohortMemoryBenchmark.procField(pid, "io", "rchar") > 0, "rchar");
		assertEquals(-1, CohortMemoryBenchmark.procField(pid, "status", "NoSuchField"));
	}

	@Test
	void badCohortsAreRefusedInOneLine() {
		CliTest.Outcome o = CliTest.run("bench", "--suite", "cohort-memory", "--cohorts", "20,0");
		CliTest.assertOneLineError(o, 2, "--cohorts");
	}

	@Test
	void negativeThreadPoolsAreRefusedInOneLine() {
		CliTest.Outcome o = CliTest.run("bench", "--suite", "cohort-memory", "--intra-op", "-1");
		CliTest.assertOneLineError(o, 2, "--intra-op and --inter-op must be 0 (automatic) or positive");
		CliTest.assertOneLineError(CliTest.run("bench", "--suite", "net", "--inter-op", "-2"), 2, "--inter-op");
	}
}

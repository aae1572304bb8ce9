/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;

/**
 * SIGTERM (Ctrl-C, a cluster's time limit) on a command-line batch: the cohort stops
 * between cases, the finished cases stay, and the one line that says so reaches the log
 * before the JVM exits (printed while the shutdown hook still holds the JVM), instead of
 * an "internal error" or nothing.
 */
class TerminatedBatchTest {

	@TempDir
	Path tmp;

	@Test
	void sigtermStopsABatchBetweenCasesWithOneLineAndTheFinishedCasesKept() throws Exception {
		Path teacher = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		StringBuilder csv = new StringBuilder("case_id,modality,path\n");
		Path dir = TinyModels.noisyCase(tmp.resolve("cases"), "c", 20, 18, 10, 7);
		// The same images under 400 ids: long enough to be stopped halfway.
		for (int i = 0; i < 400; i++) {
			for (String m : List.of("t1", "t1ce", "t2", "flair")) {
				csv.append(String.format("case%03d,%s,%s%n", i, m, dir.resolve("c_" + m + ".nii.gz")));
			}
		}
		Path manifest = Files.writeString(tmp.resolve("cases.csv"), csv);
		Path out = tmp.resolve("out");
		String log = ChildCli.terminateAfter("case002: done", tmp.resolve("child.log"), "batch", "--manifest",
			manifest.toString(), "--model", teacher.toString(), "--out", out.toString(), "--device", "cpu", "--threads", "1");
		List<String> lines = log.lines().filter(l -> l.startsWith("modalitykd: ")).toList();
		assertEquals(1, lines.size(), log);
		assertTrue(lines.get(0).startsWith("modalitykd: cancelled; the finished cases are kept"), log);
		assertTrue(lines.get(0).contains("--resume"), log);
		assertFalse(log.contains("internal error"), log);
		assertFalse(log.contains("case399: done"), "stopped halfway: " + log);
		// Every case the status file calls done has its whole output; no temporary is left.
		List<String> done = Files.readAllLines(out.resolve("status.csv")).stream().filter(l -> l.contains(",done,")).toList();
		assertTrue(done.size() >= 3, "the finished cases are in the status file: " + done);
		try (Stream<Path> files = Files.list(out)) {
			List<String> names = files.map(f -> f.getFileName().toString()).toList();
			assertTrue(names.stream().allMatch(n -> n.matches("case\\d{3}\\.nii\\.gz|status\\.csv")), names.toString());
			assertEquals(done.size(), names.size() - 1, names.toString());
		}
	}
}

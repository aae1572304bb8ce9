/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.TempFileHolder;

/**
 * A batch run killed with SIGKILL mid-cohort (one case finished or more, the next one
 * being segmented) and resumed with {@code --resume} ends as an uninterrupted run: the
 * finished cases are skipped and their files untouched, every output is bit for bit the
 * uninterrupted run's, the status CSV is whole lines only, and no temporary file is left.
 */
class BatchCrashResumeTest {

	private static final List<String> IDS = List.of("c1", "c2", "c3", "c4", "c5");

	@TempDir
	Path tmp;

	/**
	 * Cases big enough, and mirrored 8 times, to take a second or more each, so that the
	 * kill lands inside a case without slowing the product down on purpose. One thread per
	 * op: TensorFlow's multi-threaded sums are not bit-reproducible between processes.
	 */
	private List<String> batch(Path csv, Path model, Path out, String... more) {
		List<String> args = new ArrayList<>(List.of("batch", "--manifest", csv.toString(), "--model", model.toString(),
			"--out", out.toString(), "--device", "cpu", "--tta", "--threads", "1"));
		args.addAll(List.of(more));
		return args;
	}

	private Path manifest() throws IOException {
		StringBuilder csv = new StringBuilder("case_id,modality,path\n");
		for (String id : IDS) {
			Path dir = TinyModels.noisyCase(tmp.resolve("cases"), id, 48, 48, 24, id.hashCode());
			for (String m : List.of("t1", "t1ce", "t2", "flair")) {
				csv.append(id).append(',').append(m).append(',').append(dir.resolve(id + "_" + m + ".nii.gz")).append('\n');
			}
		}
		return Files.writeString(tmp.resolve("cases.csv"), csv);
	}

	private static List<String> lines(Path status) throws IOException {
		String text = Files.readString(status);
		assertTrue(text.endsWith("\n"), "the status CSV ends with a whole line: " + text);
		List<String> rows = text.lines().toList();
		assertEquals(BatchCommand.STATUS_HEADER, rows.get(0));
		for (String row : rows) {
			assertEquals(6, row.split(",", -1).length, "six fields: " + row);
		}
		return rows.subList(1, rows.size());
	}

	private static List<String> hidden(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
		}
	}

	@Test
	void killedBatchResumesWithoutRedoingOrCorruptingFinishedCases() throws Exception {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path csv = manifest();

		Path straight = tmp.resolve("straight");
		long t0 = System.nanoTime();
		CliTest.Outcome reference = CliTest.run(batch(csv, model, straight).toArray(String[]::new));
		double straightSeconds = (System.nanoTime() - t0) / 1e9;
		assertEquals(0, reference.status(), reference.err());

		Path out = tmp.resolve("crashed");
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", ModalityKdCli.class.getName()));
		cmd.addAll(batch(csv, model, out));
		Path log = tmp.resolve("child.log");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Path status = out.resolve("status.csv");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		// Kill as soon as the first case is logged as done: the second has just begun.
		while (!(Files.exists(status) && Files.readAllLines(status).size() > 1)) {
			assertTrue(p.isAlive(), "the batch ended early: " + Files.readString(log));
			assertTrue(System.nanoTime() < deadline, "no case done in 3 minutes: " + Files.readString(log));
			Thread.sleep(10);
		}
		p.destroyForcibly(); // SIGKILL on Linux
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		assertEquals(137, p.exitValue(), "killed by SIGKILL");

		List<String> before = lines(status);
		int finished = before.size();
		assertTrue(finished >= 1 && finished < IDS.size(), "killed mid-cohort: " + before);
		String inProgress = IDS.get(finished);
		assertFalse(Files.exists(out.resolve(inProgress + ".nii.gz")), "the case in progress has no output");
		Map<String, FileTime> times = new HashMap<>();
		Map<String, byte[]> bytes = new HashMap<>();
		for (String id : IDS.subList(0, finished)) {
			assertTrue(before.get(IDS.indexOf(id)).startsWith(id + ",done,teacher,"), before.toString());
			times.put(id, Files.getLastModifiedTime(out.resolve(id + ".nii.gz")));
			bytes.put(id, Files.readAllBytes(out.resolve(id + ".nii.gz")));
		}
		// A kill during the write of the case in progress leaves its temporary file. The
		// write lasts milliseconds of a case's seconds, so the test leaves one for sure: a
		// real AtomicFile of that output, its writer killed by SIGKILL.
		TempFileHolder.kill(TempFileHolder.holding(out.resolve(inProgress + ".nii.gz"), tmp.resolve("holder.log")));
		List<String> leftovers = hidden(out);
		assertFalse(leftovers.isEmpty());

		long t1 = System.nanoTime();
		CliTest.Outcome resumed = CliTest.run(batch(csv, model, out, "--resume").toArray(String[]::new));
		double resumeSeconds = (System.nanoTime() - t1) / 1e9;
		assertEquals(0, resumed.status(), resumed.err());
		assertTrue(resumed.out().contains("removed " + leftovers.size() + " temporary file(s) left by a killed run"),
			resumed.out());
		for (String name : leftovers) {
			assertTrue(resumed.out().contains(name), "the log names " + name + ": " + resumed.out());
		}
		assertTrue(resumed.out().contains((IDS.size() - finished) + " done, " + finished + " skipped, 0 failed"),
			resumed.out());

		for (String id : IDS) {
			Path file = out.resolve(id + ".nii.gz");
			assertArrayEquals(Files.readAllBytes(straight.resolve(id + ".nii.gz")), Files.readAllBytes(file),
				id + " is bit for bit the uninterrupted run's");
			assertArrayEquals(new int[] { 48, 48, 24 }, new NiftiReader().readLabels(file).geometry().dims());
		}
		for (String id : times.keySet()) {
			assertEquals(times.get(id), Files.getLastModifiedTime(out.resolve(id + ".nii.gz")), id + " was not rewritten");
			assertArrayEquals(bytes.get(id), Files.readAllBytes(out.resolve(id + ".nii.gz")), id + " was not changed");
		}
		List<String> after = lines(status);
		assertEquals(before, after.subList(0, finished), "the killed run's lines are kept");
		List<String> resumedRows = after.subList(finished, after.size());
		assertEquals(IDS.size(), resumedRows.size(), "one line per case from the resumed run: " + after);
		for (int i = 0; i < IDS.size(); i++) {
			String expected = IDS.get(i) + (i < finished ? ",skipped," : ",done,teacher,");
			assertTrue(resumedRows.get(i).startsWith(expected), expected + " expected: " + resumedRows.get(i));
		}
		assertEquals(List.of(), hidden(out), "no temporary files remain");
		System.out.printf(java.util.Locale.ROOT,
			"BatchCrashResumeTest: uninterrupted %.1f s; killed after %d of %d cases; resume %.1f s, %d leftover(s) removed%n",
			straightSeconds, finished, IDS.size(), resumeSeconds, leftovers.size());
	}
}

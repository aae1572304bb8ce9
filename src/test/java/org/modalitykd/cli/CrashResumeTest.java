/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.train.TrainingFixtures;

/**
 * A training process killed with SIGKILL mid-run (no shutdown hook, no finally block
 * runs) resumes from its last checkpoint and ends as an uninterrupted run: every step
 * once, the same loss on every step, and a loadable bundle.
 */
class CrashResumeTest {

	private static final String[] RUN = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "30",
		"--validation-interval", "30", "--checkpoint-interval", "5", "--device", "cpu", "--log-every", "5", "--threads", "1",
		"--modalities", "t1,t1ce" };

	@TempDir
	Path tmp;

	private static List<String> command(String data, Path out, boolean resume) {
		List<String> cmd = new ArrayList<>(List.of("train-teacher", "--data", data, "--out", out.toString()));
		cmd.addAll(List.of(RUN));
		if (resume) {
			cmd.add("--resume");
		}
		return cmd;
	}

	private static int runHere(List<String> args) {
		StringWriter err = new StringWriter();
		int status = ModalityKdCli.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
			new PrintWriter(err, true));
		assertEquals(0, status, err.toString());
		return status;
	}

	/** Step number and loss of every row of the CSV log. */
	private static List<double[]> losses(Path out) throws IOException {
		List<String> rows = Files.readAllLines(out.resolveSibling(out.getFileName() + ".training").resolve("training-log.csv"));
		return rows.subList(1, rows.size()).stream()
			.map(r -> new double[] { Double.parseDouble(r.split(",")[0]), Double.parseDouble(r.split(",")[1]) }).toList();
	}

	/**
	 * Same steps, each once and in order, with the same losses. Between two processes
	 * TensorFlow's multi-threaded sums are not bit-reproducible (about 1e-7 apart), so
	 * losses agree to 1e-5 relative: far below what resuming at the wrong step or with
	 * other data would change (1e-2 and more).
	 */
	private static void assertSameRun(List<double[]> expected, List<double[]> actual) {
		assertEquals(expected.size(), actual.size(), "one row per step");
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(i + 1, (int) actual.get(i)[0], "steps in order, none twice");
			assertEquals(expected.get(i)[1], actual.get(i)[1], 1e-5 * Math.abs(expected.get(i)[1]), "loss of step " + (i + 1));
		}
	}

	@Test
	void killedTrainingResumesFromItsCheckpointAndEndsAsAnUninterruptedRun() throws Exception {
		String data = TrainingFixtures.syntheticCases().toString();
		Path straight = tmp.resolve("straight");
		runHere(command(data, straight, false));
		List<double[]> expected = losses(straight);
		assertEquals(30, expected.size());

		Path crashed = tmp.resolve("crashed");
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", ModalityKdCli.class.getName()));
		cmd.addAll(command(data, crashed, false));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
		Path log = tmp.resolve("crashed.training").resolve("training-log.csv");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		// Kill between checkpoints: after step 12 is logged, the last checkpoint is step 10.
		while (!(Files.exists(log) && Files.readAllLines(log).size() > 12)) {
			assertTrue(p.isAlive(), "the training process ended early: " + Files.readString(tmp.resolve("child.log")));
			assertTrue(System.nanoTime() < deadline, "no progress in 3 minutes");
			Thread.sleep(20);
		}
		p.destroyForcibly(); // SIGKILL on Linux
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		assertEquals(137, p.exitValue(), "killed by SIGKILL");
		int loggedBeforeKill = Files.readAllLines(log).size() - 1;
		assertTrue(loggedBeforeKill >= 12 && loggedBeforeKill < 30, "killed mid-run at step " + loggedBeforeKill);

		runHere(command(data, crashed, true));
		assertSameRun(expected, losses(crashed));
		assertTrue(Files.isRegularFile(crashed.resolve("model-card.json")), "a bundle at the end");
		try (var leftovers = Files.list(tmp)) {
			assertTrue(leftovers.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no partial files");
		}
		for (Path dir : List.of(tmp, tmp.resolve("crashed.training"))) {
			try (var leftovers = Files.list(dir)) {
				assertTrue(leftovers.noneMatch(f -> f.getFileName().toString().startsWith(".")),
					"no hidden temporary file or folder left in " + dir);
			}
		}
		assertTrue(new File(tmp.toFile(), "crashed").isDirectory());
	}
}

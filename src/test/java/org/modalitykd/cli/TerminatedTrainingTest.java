/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/**
 * SIGTERM (what Ctrl-C and a cluster's time limit send) stops a command-line training at
 * the end of its current step: the JVM waits until the run has written its checkpoint
 * and bundle and says so, instead of dying mid-write.
 */
class TerminatedTrainingTest {

	@TempDir
	Path tmp;

	@Test
	void sigtermStopsTrainingAfterAStepWithCheckpointAndBundle() throws Exception {
		Path out = tmp.resolve("teacher");
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", ModalityKdCli.class.getName()));
		// Many steps, validation and checkpoints only at the end: what is written comes from the stop.
		cmd.addAll(List.of("train-teacher", "--data", TrainingFixtures.syntheticCases().toString(), "--out", out.toString(),
			"--modalities", "t1,t1ce", "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "100000",
			"--validation-interval", "100000", "--checkpoint-interval", "100000", "--device", "cpu", "--threads", "1",
			"--log-every", "1"));
		Path childLog = tmp.resolve("child.log");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (!Files.readString(childLog).contains("step 3/100000")) {
				assertTrue(p.isAlive(), "the training ended early: " + Files.readString(childLog));
				assertTrue(System.nanoTime() < deadline, "no step in 3 minutes: " + Files.readString(childLog));
				Thread.sleep(20);
			}
			p.destroy(); // SIGTERM on Linux
			assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the training stops after SIGTERM");
		} finally {
			if (p.isAlive()) {
				p.destroyForcibly(); // a failed stop must not leave the child training
			}
		}
		String log = Files.readString(childLog);
		Matcher m = Pattern.compile("cancelled teacher after (\\d+) steps").matcher(log);
		assertTrue(m.find(), "the run says it stopped: " + log);
		long steps = Long.parseLong(m.group(1));
		assertTrue(steps >= 3 && steps < 100000, "stopped mid-run: " + steps);
		assertTrue(log.contains("step " + steps + ": checkpoint written"), "a checkpoint at the stop: " + log);
		assertTrue(TrainingRun.hasCheckpoint(out), "the checkpoint is there to resume from");
		assertTrue(Files.isRegularFile(out.resolve("model-card.json")), "and the bundle of the last weights");
	}
}

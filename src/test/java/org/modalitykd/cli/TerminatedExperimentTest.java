/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.experiment.ExperimentRecords;
import org.modalitykd.train.TrainingRun;

/**
 * SIGTERM (Ctrl-C) stops {@code experiment} the way it stops a training: through the
 * task monitor's cancel, the training under way ends at a step with its checkpoint, no
 * record is written for it, and the command says how to continue before the JVM exits.
 */
class TerminatedExperimentTest {

	@TempDir
	Path tmp;

	@Test
	void sigtermStopsTheTrainingUnderWayWithACheckpointAndNoRecord() throws Exception {
		Path out = tmp.resolve("experiment");
		List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
			System.getProperty("java.class.path"), "-Djava.awt.headless=true", ModalityKdCli.class.getName(), "experiment",
			"--quick", "--out", out.toString(), "--steps", "100000,15", "--threads", "1");
		Path childLog = tmp.resolve("child.log");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (!Files.readString(childLog).contains("seed 1: training teacher")) {
				assertTrue(p.isAlive(), "the experiment ended early: " + Files.readString(childLog));
				assertTrue(System.nanoTime() < deadline, "no training in 5 minutes: " + Files.readString(childLog));
				Thread.sleep(50);
			}
			Thread.sleep(2000);
			p.destroy(); // SIGTERM on Linux
			assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the experiment stops after SIGTERM");
		} finally {
			if (p.isAlive()) {
				p.destroyForcibly(); // a failed stop must not leave the child training
			}
		}
		String log = Files.readString(childLog);
		assertTrue(log.contains("experiment cancelled in teacher of seed 1 at step "), "the run says it stopped: " + log);
		assertTrue(log.contains("run it again to continue"), log);
		Path teacher = out.resolve("seed-1").resolve("teacher");
		assertTrue(TrainingRun.hasCheckpoint(teacher), "the checkpoint is there to resume from");
		assertNull(ExperimentRecords.open(out).record(1, "teacher"), "no record of the unfinished training");
		try (Stream<Path> files = Files.walk(out)) {
			assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")
				|| f.getFileName().toString().endsWith(".lock")).toList(), "nothing half-written");
		}
	}
}

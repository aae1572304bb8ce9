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
import java.time.Duration;
import java.util.List;
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
		// The 2 s after the marker let the teacher's training get under way, so that the stop lands mid-training.
		String log = ChildCli.terminateAfter("seed 1: training teacher", Duration.ofMinutes(5), Duration.ofSeconds(2),
			tmp.resolve("child.log"), "experiment", "--quick", "--out", out.toString(), "--steps", "100000,15", "--threads", "1");
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

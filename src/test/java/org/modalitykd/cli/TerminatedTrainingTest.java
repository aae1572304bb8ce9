/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
		// Many steps, validation and checkpoints only at the end: what is written comes from the stop.
		String log = ChildCli.terminateAfter("step 3/100000", tmp.resolve("child.log"), "train-teacher", "--data",
			TrainingFixtures.syntheticCases().toString(), "--out", out.toString(), "--modalities", "t1,t1ce", "--levels", "3",
			"--base-filters", "4", "--patch-size", "16", "--steps", "100000", "--validation-interval", "100000",
			"--checkpoint-interval", "100000", "--device", "cpu", "--threads", "1", "--log-every", "1");
		Matcher m = Pattern.compile("cancelled teacher after (\\d+) steps").matcher(log);
		assertTrue(m.find(), "the run says it stopped: " + log);
		long steps = Long.parseLong(m.group(1));
		assertTrue(steps >= 3 && steps < 100000, "stopped mid-run: " + steps);
		assertTrue(log.contains("step " + steps + ": checkpoint written"), "a checkpoint at the stop: " + log);
		assertTrue(TrainingRun.hasCheckpoint(out), "the checkpoint is there to resume from");
		assertTrue(Files.isRegularFile(out.resolve("model-card.json")), "and the bundle of the last weights");
	}
}

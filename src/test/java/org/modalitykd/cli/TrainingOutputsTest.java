/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.TempFileHolder;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/**
 * Training outputs: an existing bundle is replaced only with --overwrite or continued
 * with --resume, and the temporary folders that a training SIGKILLed mid-write leaves
 * (bundle, checkpoint, validation model) are removed by the next run on that output.
 */
class TrainingOutputsTest {

	@TempDir
	Path tmp;

	private static String[] train(Path out, String... more) {
		List<String> head = new ArrayList<>(List.of("train-teacher", "--data", TrainingFixtures.syntheticCases().toString(),
			"--out", out.toString(), "--threads", "1", "--modalities", "t1,t1ce"));
		head.addAll(List.of(more));
		return TinyTraining.args(head.toArray(String[]::new));
	}

	private static List<String> hiddenIn(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
		}
	}

	@Test
	void anExistingBundleIsReplacedOnlyWithOverwriteAndLeftoversOfKilledWritersGo() throws Exception {
		Path models = Files.createDirectories(tmp.resolve("models"));
		Path out = models.resolve("teacher");
		CliTest.Outcome first = CliTest.run(train(out));
		assertEquals(0, first.status(), first.err());
		byte[] card = Files.readAllBytes(out.resolve("model-card.json"));

		CliTest.assertOneLineError(CliTest.run(train(out)), 1, "holds the checkpoint of an earlier run",
			"continue it with --resume, start over with --overwrite");
		org.modalitykd.io.AtomicDirectory.deleteTree(TrainingRun.workDirOf(out));
		CliTest.assertOneLineError(CliTest.run(train(out)), 1, "holds a model bundle already", "--overwrite");
		assertTrue(java.util.Arrays.equals(card, Files.readAllBytes(out.resolve("model-card.json"))), "the bundle is untouched");
		CliTest.Outcome replaced = CliTest.run(train(out, "--overwrite"));
		assertEquals(0, replaced.status(), replaced.err());

		// Writers SIGKILLed while writing the bundle, a checkpoint and a validation model.
		Path work = TrainingRun.workDirOf(out);
		TempFileHolder.kill(TempFileHolder.holdingFolder(out, tmp.resolve("a.log")));
		TempFileHolder.kill(TempFileHolder.holdingFolder(work.resolve("checkpoint"), tmp.resolve("b.log")));
		TempFileHolder.kill(TempFileHolder.holdingFolder(work.resolve("validation-model"), tmp.resolve("c.log")));
		assertEquals(2, hiddenIn(models).size(), hiddenIn(models).toString());
		assertEquals(4, hiddenIn(work).size(), hiddenIn(work).toString());

		CliTest.Outcome resumed = CliTest.run(train(out, "--resume"));
		assertEquals(0, resumed.status(), resumed.err());
		assertTrue(resumed.out().contains("removed 2 temporary file(s) left by a killed run in " + models)
			&& resumed.out().contains("removed 4 temporary file(s) left by a killed run in " + work), resumed.out());
		assertEquals(List.of(), hiddenIn(models));
		assertEquals(List.of(), hiddenIn(work));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingRun;

/** The options of a training that takes seconds (3 levels, 4 filters, 16^3 patches, 2 steps on the CPU), for CLI tests. */
final class TinyTraining {

	private static final String[] TINY = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "2",
		"--validation-interval", "2", "--checkpoint-interval", "2", "--device", "cpu", "--log-every", "1" };

	private TinyTraining() {
	}

	/** {@code head} (a command and its own options) followed by the tiny training options. */
	static String[] args(String... head) {
		List<String> all = new ArrayList<>(List.of(head));
		all.addAll(List.of(TINY));
		return all.toArray(String[]::new);
	}

	/** {@code train-teacher} on the synthetic cases into {@code dir/x}, with {@code extra} options. */
	static CliTest.Outcome teacher(Path dir, String... extra) {
		return run(extra, "train-teacher", "--data", data(), "--out", dir.resolve("x").toString());
	}

	/**
	 * {@code train-student --modality t1 --method method} on the synthetic cases into
	 * {@code dir/s}, kdnet and protokd with a teacher that does not exist (a refused option
	 * is refused before the teacher is read).
	 */
	static CliTest.Outcome student(Path dir, String method, String... extra) {
		List<String> head = new ArrayList<>(List.of("train-student", "--data", data(), "--out", dir.resolve("s").toString(),
			"--modality", "t1", "--method", method));
		if (!method.equals("none")) {
			head.addAll(List.of("--teacher", dir.resolve("no-teacher").toString()));
		}
		return run(extra, head.toArray(String[]::new));
	}

	/** {@code train-unpaired} on t1 and t2 of the synthetic cases into {@code dir/u}. */
	static CliTest.Outcome unpaired(Path dir, String... extra) {
		return run(extra, "train-unpaired", "--data-a", data(), "--modality-a", "t1", "--data-b", data(), "--modality-b", "t2",
			"--out", dir.resolve("u").toString());
	}

	/**
	 * Runs {@code command --data <the synthetic cases> --out bundle options}, tiny, and
	 * asserts that it trained; returns the bundle.
	 */
	static Path trained(Path bundle, String command, String... options) {
		CliTest.Outcome o = run(options, command, "--data", data(), "--out", bundle.toString());
		assertEquals(0, o.status(), o.err());
		return bundle;
	}

	private static CliTest.Outcome run(String[] extra, String... head) {
		List<String> all = new ArrayList<>(List.of(head));
		all.addAll(List.of(extra));
		return CliTest.run(args(all.toArray(String[]::new)));
	}

	private static String data() {
		return TrainingFixtures.syntheticCases().toString();
	}

	/** A refused run writes nothing: neither the bundle {@code dir/name} nor its checkpoint folder. */
	static void assertNothingWritten(Path dir, String... names) {
		for (String name : names) {
			assertFalse(Files.exists(dir.resolve(name)), name + ": a refused run writes nothing");
			assertFalse(Files.exists(TrainingRun.workDirOf(dir.resolve(name))), name + ": no checkpoint either");
		}
	}
}

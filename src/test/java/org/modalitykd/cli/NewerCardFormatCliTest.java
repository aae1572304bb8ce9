/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.ShippedBundles;

/**
 * A bundle whose card is of a newer format than this version reads gets the same one
 * line, exit status 1 and no output from every command that reads bundles.
 */
class NewerCardFormatCliTest {

	@TempDir
	Path tmp;

	@Test
	void everyCommandThatReadsBundlesRefusesANewerCardWithOneLine() throws IOException {
		ShippedBundles.NewerCard newer = ShippedBundles.NewerCard.in(tmp);
		String card = newer.refusal();
		Path out = Files.createDirectories(tmp.resolve("out"));

		CliTest.assertOneLineError(CliTest.run("segment", "--model", newer.bundle().toString(), "--input",
			newer.caseDir().toString(), "--output", out.resolve("seg.nii.gz").toString(), "--device", "cpu"), 1, card);
		CliTest.assertOneLineError(CliTest.run("model-info", newer.bundle().toString()), 1, card);
		CliTest.assertOneLineError(CliTest.run("model-info", "--json", newer.bundle().toString()), 1, card);
		CliTest.assertOneLineError(CliTest.run("batch", "--manifest", newer.caseDir().toString(), "--model",
			newer.models().toString(), "--out", out.resolve("batch").toString(), "--device", "cpu"), 1, card);
		CliTest.assertOneLineError(CliTest.run("compare", "--models", newer.models().toString(), "--cases",
			newer.data().toString(), "--out", out.resolve("compare").toString(), "--device", "cpu"), 1, card);
		CliTest.assertOneLineError(CliTest.run("train-student", "--data", newer.data().toString(), "--out",
			out.resolve("student").toString(), "--modality", "t1ce", "--method", "protokd", "--teacher",
			newer.bundle().toString(), "--steps", "1", "--device", "cpu"), 1, card);
		try (Stream<Path> written = Files.walk(out)) {
			assertTrue(written.skip(1).toList().isEmpty(), "nothing written");
		}
		assertFalse(Files.exists(out.resolve("seg.nii.gz")));
		try (Stream<Path> left = Files.list(newer.data())) {
			assertEquals(List.of(newer.caseDir()), left.toList(), "no training folder beside the data");
		}
	}
}

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
import org.modalitykd.net.ModelBundle;

/**
 * A bundle whose card is of a newer format than this version reads gets the same one
 * line, exit status 1 and no output from every command that reads bundles.
 */
class NewerCardFormatCliTest {

	@TempDir
	Path tmp;

	@Test
	void everyCommandThatReadsBundlesRefusesANewerCardWithOneLine() throws IOException {
		Path models = Files.createDirectories(tmp.resolve("models"));
		Path bundle = ShippedBundles.newerFormat(models.resolve("teacher"));
		Path data = ShippedBundles.sampleData(tmp.resolve("data"));
		Path caseDir = data.resolve("synth_0001");
		String card = bundle.resolve(ModelBundle.CARD_FILE) + ": " + ShippedBundles.NEWER;
		Path out = Files.createDirectories(tmp.resolve("out"));

		CliTest.assertOneLineError(CliTest.run("segment", "--model", bundle.toString(), "--input", caseDir.toString(),
			"--output", out.resolve("seg.nii.gz").toString(), "--device", "cpu"), 1, card);
		CliTest.assertOneLineError(CliTest.run("model-info", bundle.toString()), 1, card);
		CliTest.assertOneLineError(CliTest.run("model-info", "--json", bundle.toString()), 1, card);
		CliTest.assertOneLineError(CliTest.run("batch", "--manifest", caseDir.toString(), "--model", models.toString(),
			"--out", out.resolve("batch").toString(), "--device", "cpu"), 1, card);
		CliTest.assertOneLineError(CliTest.run("compare", "--models", models.toString(), "--cases",
			data.toString(), "--out", out.resolve("compare").toString(), "--device", "cpu"), 1, card);
		CliTest.assertOneLineError(CliTest.run("train-student", "--data", data.toString(), "--out",
			out.resolve("student").toString(), "--modality", "t1ce", "--method", "protokd", "--teacher", bundle.toString(),
			"--steps", "1", "--device", "cpu"), 1, card);
		try (Stream<Path> written = Files.walk(out)) {
			assertTrue(written.skip(1).toList().isEmpty(), "nothing written");
		}
		assertFalse(Files.exists(out.resolve("seg.nii.gz")));
		try (Stream<Path> left = Files.list(data)) {
			assertEquals(List.of(caseDir), left.toList(), "no training folder beside the data");
		}
	}
}

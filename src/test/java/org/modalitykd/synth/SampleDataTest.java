/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;

/**
 * The committed sample data are what the generator makes with the command in
 * sample-data/README.md: when the generator changes, this test says to regenerate
 * them (and docs/synth-montage.png) with that command.
 */
class SampleDataTest {

	private static final Path SAMPLE = Path.of("sample-data");
	private static final Pattern COMMAND = Pattern.compile(
		"scripts/modalitykd synth --out sample-data --cases (\\d+) --seed (\\d+) --anatomy colin27");

	@Test
	void sampleDataAreReproducedByTheDocumentedCommand() throws IOException {
		Matcher m = COMMAND.matcher(Files.readString(SAMPLE.resolve("README.md")));
		assertTrue(m.find(), "sample-data/README.md names the command");
		int cases = Integer.parseInt(m.group(1));
		long seed = Long.parseLong(m.group(2));
		List<String> rows = Files.readAllLines(SAMPLE.resolve(SyntheticDataset.SUMMARY));
		assertEquals(cases + 1, rows.size(), "one summary row per case");

		CaseGenerator generator = new CaseGenerator(SynthFixtures.colin27(2), TumourSettings.standard());
		String stale = " (regenerate with the command in sample-data/README.md)";
		for (int i = 0; i < cases; i++) {
			String id = SyntheticDataset.caseId("synth", i);
			assertTrue(rows.get(i + 1).startsWith(id + "\t" + SyntheticDataset.caseSeed(seed, i) + "\t"), rows.get(i + 1));
			SyntheticCase fresh = generator.generate(id, SyntheticDataset.caseSeed(seed, i));
			MriCase stored = new CaseLoader().load(SAMPLE.resolve(id), null);
			assertTrue(stored.images().geometry().sameGrid(fresh.images().geometry(), 1e-4), id + " grid" + stale);
			assertArrayEquals(fresh.labels().labels(), stored.labels().orElseThrow().labels(), id + " labels" + stale);
			for (String modality : ContrastTable.MODALITIES) {
				assertArrayEquals(fresh.images().channel(modality), stored.images().channel(modality), id + " " + modality + stale);
			}
		}
	}
}

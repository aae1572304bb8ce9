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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modalitykd.ShippedBundles;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.eval.SegmentationEvaluator;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.volume.LabelVolume;

/**
 * The bundles shipped with each release keep working: each, loaded by today's code,
 * segments the sample case it segmented when shipped as it did then
 * (src/test/resources/bundles/v1, v2, ..., whose READMEs say how the stored label maps
 * were made; every release segments release 1's copy of the case). A change to the card,
 * the graph loader, the normaliser or the inference that breaks bundles on users' disks
 * fails here.
 */
class ShippedBundlesTest {

	private static final Path V1 = ShippedBundles.V1;
	private static final Path BUNDLES = V1.getParent();
	/** The Dice each region must reach against the labels the bundle made when shipped. */
	private static final double MIN_DICE = 0.99;

	@TempDir
	Path tmp;

	/** The inputs as the labels were made: the teacher the case folder, a student only its own modality's file. */
	@ParameterizedTest
	@CsvSource({ "v1, teacher, ", "v1, student-t1ce, t1ce", "v1, student-flair, flair", "v2, teacher, ",
		"v2, student-t1ce, t1ce", "v2, student-flair, flair", "v2, baseline-t1ce, t1ce", "v2, baseline-flair, flair" })
	void eachShippedBundleSegmentsTheSampleCaseAsItDidWhenShipped(String release, String bundle, String onlyModality)
		throws IOException {
		Path shipped = BUNDLES.resolve(release);
		Path caseDir = V1.resolve("synth_0001");
		String input = onlyModality == null ? caseDir.toString()
			: onlyModality + "=" + caseDir.resolve("synth_0001_" + onlyModality + ".nii.gz");
		Path out = tmp.resolve(bundle + ".nii.gz");
		CliTest.Outcome o = CliTest.run("segment", "--model", shipped.resolve(bundle).toString(), "--input", input,
			"--output", out.toString(), "--device", "cpu", "--batch", "8");
		assertEquals(0, o.status(), o.err());

		LabelVolume stored = SegmentationEvaluator.readLabels(new NiftiReader(),
			shipped.resolve("labels/" + bundle + ".nii.gz"));
		long[] h = stored.histogram();
		assertTrue(h[1] + h[2] + h[4] > 0, "the stored labels hold a tumour (else an empty map would pass)");
		LabelVolume today = SegmentationEvaluator.readLabels(new NiftiReader(), out);
		Map<BratsRegion, RegionMetrics> metrics = new SegmentationEvaluator().evaluate(today, stored);
		for (BratsRegion region : BratsRegion.values()) {
			double dice = metrics.get(region).dice();
			assertTrue(dice >= MIN_DICE, release + " " + bundle + " " + region + ": Dice " + dice
				+ " to the labels it made when shipped");
		}
	}

	/** The fixtures are the shipped bytes: a "fix" to a fixture would hide the break the test is there to find. */
	@ParameterizedTest
	@CsvSource({ "v1, teacher/model-card.json, student-t1ce/saved_model.pb, labels/teacher.nii.gz",
		"v2, teacher/model-card.json, baseline-flair/saved_model.pb, labels/baseline-t1ce.nii.gz" })
	void theFixturesAreTheShippedBytes(String release, String someCard, String someGraph, String someLabels)
		throws IOException {
		Path dir = BUNDLES.resolve(release);
		Map<String, String> listed = new TreeMap<>();
		for (String line : Files.readAllLines(dir.resolve("SHA256SUMS"))) {
			String[] hashAndPath = line.split(" [ *]", 2);
			listed.put(hashAndPath[1], hashAndPath[0]);
		}
		Set<String> present;
		try (Stream<Path> walk = Files.walk(dir)) {
			present = walk.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
				.filter(f -> !f.equals("SHA256SUMS") && !f.equals("README.md")).collect(Collectors.toCollection(
					java.util.TreeSet::new));
		}
		assertEquals(listed.keySet(), present, "every fixture file is listed in SHA256SUMS and no listed one is missing");
		for (Map.Entry<String, String> e : listed.entrySet()) {
			assertEquals(e.getValue(), sha256(dir.resolve(e.getKey())), release + " " + e.getKey() + " changed");
		}
		assertTrue(listed.keySet().containsAll(List.of(someCard, someGraph, someLabels)), listed.keySet().toString());
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

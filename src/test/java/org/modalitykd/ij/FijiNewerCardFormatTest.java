/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.ShippedBundles;

import ij.WindowManager;
import ij.measure.ResultsTable;

/**
 * The Fiji commands that read bundles refuse one whose card is of a newer format with
 * the core's line, through the one error policy (CommandErrors): one line, nothing made.
 */
class FijiNewerCardFormatTest {

	@TempDir
	Path tmp;

	@BeforeEach
	void fresh() throws IOException {
		ImageJ1.reset();
	}

	private static String q(Path p) {
		return "[" + p + "]";
	}

	@Test
	void segmentModelInfoAndDistillRefuseANewerCardWithOneLine() throws IOException {
		ShippedBundles.NewerCard newer = ShippedBundles.NewerCard.in(tmp);
		String card = newer.refusal();

		ImageJ1.run("Open MRI Case...", "case=" + q(newer.caseDir()) + " modalities=t1,t1ce,t2,flair");
		assertEquals("ModalityKD Segment: " + card, ImageJ1.runFailing("Segment...", "models=" + q(newer.models())
			+ " model=auto device=cpu overlap=0.5 opacity=40 qa=none"));
		assertNull(WindowManager.getImage("synth_0001-labels"), "no labels made");
		assertEquals(0, ResultsTable.getResultsTable().size());

		assertEquals("ModalityKD Model Info: " + card, ImageJ1.runFailing("Model Info...", "model=" + q(newer.bundle())));
		assertEquals(0, ResultsTable.getResultsTable().size());

		Path out = tmp.resolve("student");
		String distilled = ImageJ1.runFailing("Distill Student...", "data=" + q(newer.data())
			+ " modality=t1ce method=protokd teacher=" + q(newer.bundle()) + " " + FijiTrainingFixture.TINY + " out=" + q(out));
		assertEquals("ModalityKD Distill Student: " + card, distilled);
		assertFalse(Files.exists(out), "no student written");
		try (Stream<Path> left = Files.list(newer.data())) {
			assertEquals(List.of(newer.caseDir()), left.toList(), "no training folder beside the data");
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.modalitykd.eval.NyquistPeak;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;

/**
 * No checkerboard in what the shipped models print: every bundle of sample-data/models
 * segments every sample case, and in the box around the tumour it finds each class's
 * probability map has a period-2 score ({@link NyquistPeak}) below the pattern threshold.
 * The score is seen to work on the first shipped T1ce student (transposed convolutions,
 * kept as a fixture), which prints the pattern.
 */
class ShippedModelsPatternTest {

	@Test
	void noShippedModelPrintsAPeriodTwoPatternOnTheSampleCases() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path bundle : bundles()) {
			ModelCard card = ModelBundle.readCard(bundle);
			try (LoadedSegmenter segmenter = LoadedSegmenter.open(bundle, SessionOptions.cpu())) {
				for (Path caseDir : cases()) {
					MriCase c = new CaseLoader().load(caseDir, card.modalities());
					Segmentation s = segmenter.segment(c.images(), false, Progress.NONE);
					double score = worstScore(s);
					found.add(String.format(java.util.Locale.ROOT, "%s on %s: %.2f", bundle.getFileName(),
						caseDir.getFileName(), score));
					assertTrue(score < NyquistPeak.PATTERN_THRESHOLD, String.join("; ", found));
				}
			}
		}
		System.out.println("period-2 scores of the shipped models: " + String.join("; ", found));
		assertTrue(found.size() >= 3 * 3, "every shipped model on every sample case: " + found);
	}

	@Test
	void theFirstShippedT1ceStudentPrintsThePattern() throws IOException {
		Path bundle = org.modalitykd.ShippedBundles.V1.resolve("student-t1ce");
		Path caseDir = org.modalitykd.ShippedBundles.V1.resolve("synth_0001");
		try (LoadedSegmenter segmenter = LoadedSegmenter.open(bundle, SessionOptions.cpu())) {
			MriCase c = new CaseLoader().load(caseDir, List.of("t1ce"));
			double score = worstScore(segmenter.segment(c.images(), false, Progress.NONE));
			System.out.printf("period-2 score of release 1's T1ce student on synth_0001: %.2f%n", score);
			assertTrue(score > NyquistPeak.PATTERN_THRESHOLD, "the pattern the score is there to find: " + score);
		}
	}

	/** The largest score over the tumour classes, in the bounding box of the labels found (at least 8 voxels a side). */
	private static double worstScore(Segmentation s) {
		Geometry g = s.probabilities().geometry();
		LabelVolume labels = s.labels();
		int[] lo = { g.nx(), g.ny(), g.nz() };
		int[] hi = { -1, -1, -1 };
		for (int z = 0; z < g.nz(); z++) {
			for (int y = 0; y < g.ny(); y++) {
				for (int x = 0; x < g.nx(); x++) {
					if (labels.get(x, y, z) != 0) {
						int[] v = { x, y, z };
						for (int a = 0; a < 3; a++) {
							lo[a] = Math.min(lo[a], v[a]);
							hi[a] = Math.max(hi[a], v[a]);
						}
					}
				}
			}
		}
		if (hi[0] < 0) {
			return 0;
		}
		int[] size = { g.nx(), g.ny(), g.nz() };
		int[] to = new int[3];
		for (int a = 0; a < 3; a++) {
			// Widen a small box around its centre so that a period has room to show.
			int need = NyquistPeak.MIN_LENGTH - (hi[a] + 1 - lo[a]);
			if (need > 0) {
				lo[a] = Math.max(0, lo[a] - (need + 1) / 2);
				hi[a] = Math.min(size[a] - 1, lo[a] + NyquistPeak.MIN_LENGTH - 1);
			}
			to[a] = hi[a] + 1;
		}
		double worst = 0;
		for (int k = 1; k < s.probabilities().channelCount(); k++) {
			float[] crop = NyquistPeak.crop(s.probabilities().channel(k), g.nx(), g.ny(), lo, to);
			worst = Math.max(worst, NyquistPeak.of(crop, to[0] - lo[0], to[1] - lo[1], to[2] - lo[2]).max());
		}
		return worst;
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> s = Files.list(Path.of("sample-data/models"))) {
			return s.filter(p -> Files.isRegularFile(p.resolve(ModelBundle.CARD_FILE))).sorted().toList();
		}
	}

	private static List<Path> cases() throws IOException {
		try (Stream<Path> s = Files.list(Path.of("sample-data"))) {
			return s.filter(p -> p.getFileName().toString().startsWith("synth_")).sorted().toList();
		}
	}
}

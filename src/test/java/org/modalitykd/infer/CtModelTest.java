/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.data.HuWindowNormalizer;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCardJson;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.synth.CaseGenerator;
import org.modalitykd.synth.ParametricHead;
import org.modalitykd.synth.SyntheticDataset;
import org.modalitykd.synth.TissueMaps;
import org.modalitykd.synth.TumourSettings;
import org.modalitykd.volume.Volume;

/**
 * A CT model: its card records the Hounsfield window, training and inference
 * normalise alike, a synthetic CT case opens and is segmented, and an MRI or a CT in
 * other units given to it is refused with one line.
 */
class CtModelTest {

	@TempDir
	Path tmp;

	private static final ModelCard.IntensityNormalization HU = new ModelCard.IntensityNormalization(
		ModelCard.IntensityNormalization.HU_WINDOW, -100, 200);

	@Test
	void theCardRecordsTheWindowAndOldCardsStillRead() throws IOException {
		Path bundle = TinyModels.bundle(tmp, "ct", ModelRole.STUDENT, List.of("ct"), 5, 0.5, HU);
		String json = java.nio.file.Files.readString(bundle.resolve(ModelBundle.CARD_FILE));
		assertTrue(json.contains("\"method\": \"hu-window\"") && json.contains("\"window_hu\""), json);
		ModelCard card = ModelCardJson.read(json);
		assertEquals(HU, card.normalization());
		// A card written before hu-window existed, and a hu-window card without its window.
		String old = json.replaceAll("(?s)\"intensity_normalization\": \\{.*?\\}", "\"intensity_normalization\": {\"method\": \"zscore-nonzero\"}");
		assertEquals(ModelCard.IntensityNormalization.ZSCORE_NONZERO, ModelCardJson.read(old).normalization().method());
		assertTrue(!ModelCardJson.write(ModelCardJson.read(old)).contains("window_hu"), "z-score cards are written as before");
		String bare = json.replaceAll("(?s)\"intensity_normalization\": \\{.*?\\}", "\"intensity_normalization\": {\"method\": \"hu-window\"}");
		assertEquals(-100, ModelCardJson.read(bare).normalization().windowMin());
		assertEquals(200, ModelCardJson.read(bare).normalization().windowMax());
		assertEquals(ModelCard.IntensityNormalization.HU_WINDOW,
			ModelCard.IntensityNormalization.forModalities(List.of("ct")).method());
		// Training accepts CT networks; their cards get the window (TrainedModelCard.normalization).
		assertEquals(List.of("ct"), org.modalitykd.train.TrainingJobs.modalities("ct", "--modalities"));
		assertEquals(ModelCard.IntensityNormalization.ZSCORE_NONZERO,
			ModelCard.IntensityNormalization.forModalities(List.of("t1", "t2")).method());
	}

	@Test
	void trainingAndInferenceNormaliseAlike() throws IOException {
		MriCase c = ctCase(List.of("t1", "ct"));
		Volume v = c.images();
		float[][] channels = { v.channel(0), v.channel(1) };
		float[][] inference = IntensityNormalizer.apply(HU, v.channelNames(), channels);
		Volume training = IntensityNormalizer.of(HU).apply(v);
		for (int ch = 0; ch < 2; ch++) {
			org.junit.jupiter.api.Assertions.assertArrayEquals(training.channel(ch), inference[ch]);
		}
		org.junit.jupiter.api.Assertions.assertArrayEquals(new HuWindowNormalizer(-100, 200).normalise(v.channel("ct")),
			inference[1]);
	}

	@Test
	void aCtCaseIsSegmentedAndMriOrOtherUnitsAreRefused() throws IOException {
		Path bundleDir = TinyModels.bundle(tmp, "ct", ModelRole.STUDENT, List.of("ct"), 5, 0.5, HU);
		MriCase c = ctCase(List.of("t1", "ct"));
		try (ModelBundle bundle = ModelBundle.load(bundleDir, SessionOptions.defaults())) {
			Segmenter segmenter = new Segmenter(bundle, InferenceSettings.defaults());
			Segmentation s = segmenter.segment(c.images(), true, Progress.NONE);
			assertTrue(s.labels().geometry().sameGrid(c.images().geometry(), 1e-6), "labels on the case's grid");

			Volume mriAsCt = new Volume(c.images().geometry(), List.of("ct"), new float[][] { c.images().channel("t1") });
			ModelMismatchException e = assertThrows(ModelMismatchException.class,
				() -> segmenter.segment(mriAsCt, true, Progress.NONE));
			assertTrue(e.getMessage().contains("Hounsfield") && !e.getMessage().contains("\n"), e.getMessage());

			float[] raw = c.images().channel("ct").clone();
			for (int i = 0; i < raw.length; i++) {
				raw[i] += 1024;
			}
			Volume unsigned = new Volume(c.images().geometry(), List.of("ct"), new float[][] { raw });
			assertThrows(ModelMismatchException.class, () -> segmenter.segment(unsigned, true, Progress.NONE));
		}
	}

	/** One synthetic case (phantom, 6 mm) with {@code modalities}, written and read back as files. */
	private MriCase ctCase(List<String> modalities) throws IOException {
		ParametricHead source = new ParametricHead();
		TissueMaps tissues = source.tissues();
		CaseGenerator generator = new CaseGenerator(tissues.atSpacing(6), source.head(tissues).atSpacing(6),
			TumourSettings.standard(), modalities);
		Path out = tmp.resolve("cases");
		new SyntheticDataset(generator, "parametric").write(out, 1, 3, "ct", (i, n, sc, dir, sec) -> {
		});
		return new CaseLoader().load(BratsLayout.casesUnder(out).get(0), null);
	}
}

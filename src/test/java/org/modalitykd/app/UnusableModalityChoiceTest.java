/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.Volume;

/**
 * The "Segment" facade every front end calls (Fiji, SciJava, scripts): a modality that
 * is present but unusable (empty, constant, NaN) counts as absent when the model is
 * chosen, and the reason says so, instead of the teacher segmenting a blank channel.
 */
class UnusableModalityChoiceTest {

	@TempDir
	Path tmp;

	private Volume caseWith(String modality, float value) throws IOException {
		Volume v = new CaseLoader().load(TinyModels.noisyCase(tmp.resolve("cases"), "p1", 20, 18, 10, 1), null).images();
		float[][] channels = new float[v.channelCount()][];
		for (int c = 0; c < channels.length; c++) {
			channels[c] = v.channel(c);
		}
		float[] bad = new float[channels[0].length];
		Arrays.fill(bad, value);
		channels[v.channelNames().indexOf(modality)] = bad;
		return new Volume(v.geometry(), v.channelNames(), channels);
	}

	@Test
	void autoTakesTheStudentThatDoesWithoutAnEmptyModalityAndSaysWhy() throws IOException {
		ModelCatalog catalog = ModelCatalog.scan(TinyModels.teacherAndStudent(tmp.resolve("models")));
		CatalogSegmenter tool = new CatalogSegmenter(SessionOptions.cpu(), InferenceSettings.defaults());
		Volume images = caseWith("flair", 0);

		SegmentationTool.Result auto = tool.segment(images, catalog, "auto", SegmentationTool.Qa.NONE, Progress.NONE);
		assertEquals("student_t1", auto.choice().entry().name());
		assertTrue(auto.choice().fallback());
		assertTrue(auto.choice().reason().contains("the flair image is empty (every voxel is 0)")
			&& auto.choice().reason().contains("instead of teacher"), auto.choice().reason());
		assertEquals("student_t1", SegmentationTool.choose(catalog, "auto", images).entry().name(),
			"a dialog is shown the model the facade will use");

		SegmentationTool.Result asked = tool.segment(caseWith("t1ce", Float.NaN), catalog, "teacher", SegmentationTool.Qa.NONE,
			Progress.NONE);
		assertEquals("student_t1", asked.choice().entry().name());
		assertTrue(asked.choice().reason().contains("t1ce image is all NaN"), asked.choice().reason());

		// A usable case keeps the teacher: the screening does not change good cases.
		Volume good = new CaseLoader().load(tmp.resolve("cases/p1"), null).images();
		SegmentationTool.Result teacher = tool.segment(good, catalog, "auto", SegmentationTool.Qa.NONE, Progress.NONE);
		assertEquals("teacher", teacher.choice().entry().name());
		assertFalse(teacher.choice().fallback());
	}

	@Test
	void aCaseOpenedForViewingKeepsTheEmptyModalityAndSegmentationStillLeavesItOut() throws IOException {
		ModelCatalog catalog = ModelCatalog.scan(TinyModels.teacherAndStudent(tmp.resolve("models")));
		Path dir = TinyModels.noisyCase(tmp.resolve("cases"), "p2", 20, 18, 10, 2);
		Volume v = new CaseLoader().loadAsIs(dir, null).images();
		new org.modalitykd.io.NiftiWriter().writeVolume(Volume.of(v.geometry(), "flair", new float[(int) v.geometry().voxelCount()]),
			new org.modalitykd.io.NiftiReader().readHeader(dir.resolve("p2_flair.nii.gz")), dir.resolve("p2_flair.nii.gz"));
		Volume opened = new CaseLoader().loadAsIs(dir, null).images();
		assertEquals(List.of("t1", "t1ce", "t2", "flair"), opened.channelNames(), "Open MRI Case shows what is there");
		assertThrows(org.modalitykd.io.NiftiException.class, () -> new CaseLoader().load(dir, null));
		CatalogSegmenter tool = new CatalogSegmenter(SessionOptions.cpu(), InferenceSettings.defaults());
		assertEquals("student_t1", tool.segment(opened, catalog, "auto", SegmentationTool.Qa.NONE, Progress.NONE).choice()
			.entry().name());
	}

	@Test
	void noModelWithoutTheUnusableModalityIsOneLineSayingWhatIsWrong() throws IOException {
		ModelCatalog catalog = ModelCatalog.scan(TinyModels.teacherAndStudent(tmp.resolve("models")));
		CatalogSegmenter tool = new CatalogSegmenter(SessionOptions.cpu(), InferenceSettings.defaults());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> tool.segment(caseWith("t1", 5), catalog, "auto", SegmentationTool.Qa.NONE, Progress.NONE));
		assertTrue(e.getMessage().startsWith("the t1 image is constant (every voxel is 5.0); no model here does without t1"),
			e.getMessage());
		assertEquals(1, e.getMessage().lines().count());
		assertEquals(List.of("t1", "t1ce", "t2", "flair"), caseWith("t1", 5).channelNames());
	}
}

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.CtCases;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.scijava.ModalityKDService;
import org.modalitykd.volume.Volume;
import org.scijava.Context;

/**
 * CT through the use-case layer and the SciJava service (what scripts and Java call): the
 * model choice gives a CT case a CT model and an MRI case an MRI model, never the other,
 * with one line when nothing fits; a CT that is not in Hounsfield units, or an MRI given
 * as the CT, is refused with one line before any file is written.
 */
class CtSegmentationTest {

	@TempDir
	static Path shared;

	private static Path models;
	private static CaseFiles both;
	private static Path ctOnly;
	private static Path mrOnly;

	@TempDir
	Path tmp;

	@BeforeAll
	static void fixtures() throws IOException {
		models = CtCases.ctAndMriModels(shared.resolve("models"));
		both = CtCases.write(shared.resolve("both"), "both", 1, 3, List.of("t2", "ct")).get(0);
		ctOnly = CtCases.write(shared.resolve("ct"), "ct", 1, 4, List.of("ct")).get(0).modalities().get("ct").getParent();
		mrOnly = CtCases.write(shared.resolve("mr"), "mr", 1, 5, List.of("t2")).get(0).modalities().get("t2").getParent();
	}

	@Test
	void theChoiceFollowsTheModalitiesACaseHas() throws IOException {
		ModelCatalog catalog = ModelCatalog.scan(models);
		assertEquals("ct", catalog.choose("auto", List.of("ct")).entry().name());
		assertEquals("t2", catalog.choose("auto", List.of("t2")).entry().name());
		ModelCatalog.Choice asked = catalog.choose("t2", List.of("ct"));
		assertEquals("ct", asked.entry().name(), "the MRI model asked for a CT: the CT model, saying so");
		assertTrue(asked.fallback() && asked.reason().startsWith("t2 needs t2, which the image lacks"), asked.reason());
		ModelCatalog mriOnly = ModelCatalog.scan(models.resolve("t2"));
		IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
			() -> mriOnly.choose("auto", List.of("ct")));
		assertEquals("no model fits an image with [ct]; the models need [t2: baseline (t2)]", none.getMessage());

		Path out = tmp.resolve("ct.nii.gz");
		CaseResult r = ModalityKD.segment(ctOnly).models(models).output(out).run();
		assertEquals("ct", r.choice().entry().name());
		assertTrue(Files.isRegularFile(out));
		CaseResult mr = ModalityKD.segment(mrOnly).models(models).output(tmp.resolve("mr.nii.gz")).run();
		assertEquals("t2", mr.choice().entry().name());
		MriCase opened = new CaseLoader().load(both.modalities().get("ct").getParent(), null);
		CaseResult inMemory = ModalityKD.segment(opened.images()).models(models).modality("ct").run();
		assertEquals("ct", inMemory.choice().entry().name());
	}

	@Test
	void aCtNotInHounsfieldUnitsOrAnMriAsCtIsOneLineAndNoFile() throws IOException {
		Path unit = CtCases.unitRangeCt(both, tmp, "unit");
		Path mriAsCt = CtCases.mriAsCt(both, "t2", tmp, "mriasct");
		Path out = tmp.resolve("out.nii.gz");
		ModelMismatchException scaled = assertThrows(ModelMismatchException.class,
			() -> ModalityKD.segment(unit).models(models).output(out).run());
		assertOneLine(scaled.getMessage(), "holds values 0 to 1 only");
		ModelMismatchException mri = assertThrows(ModelMismatchException.class,
			() -> ModalityKD.segment(mriAsCt).models(models.resolve("ct")).output(out).run());
		assertOneLine(mri.getMessage(), "has no air");
		assertFalse(Files.exists(out), "no labels");
		try (var files = Files.list(tmp)) {
			assertEquals(List.of("mriasct", "unit"), files.map(f -> f.getFileName().toString()).sorted().toList(),
				"nothing written beside the cases");
		}

		// An image in memory whose ct channel is an MRI: refused when the model is chosen, before it is loaded.
		MriCase c = new CaseLoader().load(both.modalities().get("ct").getParent(), List.of("t2"));
		Volume asCt = new Volume(c.images().geometry(), List.of("ct"), new float[][] { c.images().channel("t2") });
		CaseSegmentation job = CaseSegmentation.withCatalog(ModelCatalog.scan(models), "auto", SegmentationOptions.defaults());
		assertOneLine(assertThrows(ModelMismatchException.class, () -> job.choose(asCt, SegmentationTool.Qa.NONE))
			.getMessage(), "Hounsfield");

		try (Context context = new Context(ModalityKDService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			assertEquals("ct", kd.chooseModel(models, List.of("ct")).entry().name());
			ModelMismatchException viaService = assertThrows(ModelMismatchException.class,
				() -> kd.run(ModalityKD.segment(unit).models(models).output(out)));
			assertOneLine(viaService.getMessage(), "Hounsfield");
			assertFalse(Files.exists(out));
		}
	}

	private static void assertOneLine(String message, String fragment) {
		assertFalse(message.contains("\n"), message);
		assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.cli.ModalityKdCli;
import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiExtension;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.scijava.ModalityKDService;
import org.modalitykd.task.TaskMonitor;
import org.scijava.Context;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The use-case layer writes what each front end wrote before it existed, byte for byte:
 * the references here are the recipes the front ends held (copied from them, frozen),
 * built from the core classes directly. And the layer's own contract: options checked in
 * one place, cancel that stops a case and a cohort and leaves no file.
 */
class UseCaseLayerTest {

	@TempDir
	static Path shared;

	private static Path models;
	private static Path cases;

	@TempDir
	Path tmp;

	@BeforeAll
	static void fixtures() throws IOException {
		models = TinyModels.teacherAndStudent(shared.resolve("models"));
		cases = Files.createDirectories(shared.resolve("cases"));
		TinyModels.noisyCase(cases, "BraTS_1", 24, 20, 12, 1);
		TinyModels.noisyCase(cases, "BraTS_2", 24, 20, 12, 2);
	}

	private static int cli(String... args) {
		return ModalityKdCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
	}

	/** The single-case recipe of the segment command before the use-case layer. */
	private static void oldSegmentRecipe(Path bundlePath, Path caseDir, Path labels, Path probs) throws IOException {
		MriCase c = new CaseLoader().load(CaseLoader.filesOf(caseDir), ModelBundle.readCard(bundlePath).modalities());
		try (ModelBundle bundle = ModelBundle.load(bundlePath, SessionOptions.cpu())) {
			Segmentation s = new Segmenter(bundle, new InferenceSettings(0.5, 2, false, true, 0, true))
				.segment(c.images(), false, Progress.NONE);
			Gson gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
			new NiftiWriter().writeLabels(s.labels(), c.referenceHeader(), labels, String.format("ModalityKD %s sha256:%.12s %s",
				bundle.card().role().key(), s.provenance().get("model_sha256"), s.provenance().get("modalities")),
				List.of(NiftiExtension.comment(gson.toJson(s.provenance()))));
			new NiftiWriter().writeVolume(s.probabilities(), c.referenceHeader(), probs);
		}
	}

	@Test
	void theSegmentCommandWritesWhatItsOldRecipeWrote() throws IOException {
		Path caseDir = cases.resolve("BraTS_1");
		Path teacher = models.resolve("teacher");
		Path out = tmp.resolve("seg.nii.gz");
		assertEquals(0, cli("segment", "--model", teacher.toString(), "--input", caseDir.toString(), "--output",
			out.toString(), "--probabilities", "--device", "cpu", "--batch", "2"));
		oldSegmentRecipe(teacher, caseDir, tmp.resolve("ref.nii.gz"), tmp.resolve("ref_probabilities.nii.gz"));
		assertArrayEquals(Files.readAllBytes(tmp.resolve("ref.nii.gz")), Files.readAllBytes(out));
		assertArrayEquals(Files.readAllBytes(tmp.resolve("ref_probabilities.nii.gz")),
			Files.readAllBytes(tmp.resolve("seg_probabilities.nii.gz")));
		String report = Files.readString(tmp.resolve("seg.provenance.json"));
		assertTrue(report.matches("\\{\"model\":\"teacher\",\"model_sha256\":\"[0-9a-f]{64}\",\"role\":\"teacher\","
			+ "\"modalities\":\"t1,t1ce,t2,flair\",\"tiling\":\"[^\"]+\",\"case\":\"BraTS_1\",\"device\":\"[^\"]+\","
			+ "\"seconds_loading\":[0-9.E-]+,\"seconds_inference\":[0-9.E-]+,\"voxels_per_label\":\\{\"0\":\\d+,\"1\":\\d+,"
			+ "\"2\":\\d+,\"4\":\\d+\\},\"output\":\"[^\"]+\",\"probabilities\":\"[^\"]+\"\\}\n"), report);
	}

	@Test
	void theBatchCommandWritesWhatItsOldRecipeWrote() throws IOException {
		Path out = tmp.resolve("batch");
		assertEquals(0, cli("batch", "--manifest", cases.toString(), "--model", models.toString(), "--out",
			out.toString(), "--device", "cpu"));
		for (CaseFiles files : BratsLayout.casesUnder(cases)) {
			// The cohort recipe: screened, the auto choice, the card's modalities, a checksum description.
			CaseLoader.Screened screened = new CaseLoader().loadScreened(files, null);
			ModelCatalog catalog = ModelCatalog.scan(models);
			ModelCatalog.Choice choice = catalog.choose("auto", screened.usable().images().channelNames(), screened.refused());
			Path ref = tmp.resolve(files.id() + "-ref.nii.gz");
			try (ModelBundle bundle = ModelBundle.load(choice.entry().directory(), SessionOptions.cpu())) {
				Segmentation s = new Segmenter(bundle, InferenceSettings.defaults()).segment(
					screened.usable().images().select(choice.entry().card().modalities()), false, Progress.NONE);
				new NiftiWriter().writeLabels(s.labels(), screened.usable().referenceHeader(), ref, String.format(
					"ModalityKD %s sha256:%.12s %s", choice.entry().card().role().key(), s.provenance().get("model_sha256"),
					s.provenance().get("modalities")));
			}
			assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(out.resolve(files.id() + ".nii.gz")), files.id());
		}
	}

	@Test
	@SuppressWarnings("deprecation")
	void theOldServiceCallsGiveWhatTheyGaveBefore() throws IOException {
		Path caseDir = cases.resolve("BraTS_2");
		try (Context context = new Context(ModalityKDService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			Path out = tmp.resolve("service.nii.gz");
			SegmentationTool.Result r = kd.segmentCase(caseDir, models, out);
			// The service's recipe before the use-case layer: its own tool, its own description.
			CaseLoader.Screened screened = new CaseLoader().loadScreened(CaseLoader.filesOf(caseDir), null);
			SegmentationTool.Result ref = new CatalogSegmenter(SessionOptions.defaults(), InferenceSettings.defaults())
				.segment(screened.usable().images(), screened.refused(), ModelCatalog.scan(models), "auto",
					SegmentationTool.Qa.NONE, Progress.NONE);
			new NiftiWriter().writeLabels(ref.segmentation().labels(), screened.usable().referenceHeader(),
				tmp.resolve("ref.nii.gz"), "ModalityKD " + ref.choice().entry().card().role().key() + " "
					+ ref.choice().entry().name());
			assertArrayEquals(Files.readAllBytes(tmp.resolve("ref.nii.gz")), Files.readAllBytes(out));
			assertEquals(ref.choice().entry().name(), r.choice().entry().name());
			assertEquals(ref.choice().reason(), r.choice().reason());

			MriCase c = kd.open(caseDir, null);
			SegmentationTool.Result old = kd.segment(c.images(), models, "student_t1", "cpu", 0.25, false, "entropy");
			CaseResult now = ModalityKD.segment(c.images()).models(models).model("student_t1").device("cpu").overlap(0.25)
				.qa("entropy").run();
			assertEquals("student_t1", old.choice().entry().name());
			assertEquals(now.model(), old.choice().entry().name());
			assertArrayEquals(now.labels().labels(), old.segmentation().labels().labels());
			assertArrayEquals(now.quality().channel(0), old.quality().channel(0));
			assertEquals(now.qualityNote(), old.qualityNote());
		}
	}

	@Test
	void theFluentRequestWritesLabelsWithProvenanceAndNamesTheModel() throws IOException {
		Path out = tmp.resolve("fluent.nii.gz");
		CaseResult r = ModalityKD.segment(cases.resolve("BraTS_1")).models(models).device("cpu").output(out).run();
		assertEquals("teacher", r.model());
		assertEquals("BraTS_1", r.caseId());
		assertTrue(Files.isRegularFile(out));
		assertEquals(r.volumes(), org.modalitykd.eval.TumourVolumes.of(new org.modalitykd.io.NiftiReader().readLabels(out)));
		assertTrue(new org.modalitykd.io.NiftiReader().readHeader(out).descrip().startsWith("ModalityKD teacher sha256:"));
		java.nio.file.FileAlreadyExistsException again = assertThrows(java.nio.file.FileAlreadyExistsException.class,
			() -> ModalityKD.segment(cases.resolve("BraTS_1")).models(models).output(out).run());
		assertTrue(again.getMessage().endsWith("replace it with overwrite(true)"), again.getMessage());
	}

	@Test
	void eachBadOptionIsRefusedInOneLineWhenSet() {
		SegmentRequest r = ModalityKD.segment(cases.resolve("BraTS_1"));
		assertEquals("unknown device 'tpu'; use cpu, gpu or auto",
			assertThrows(InvalidSettingException.class, () -> r.device("tpu")).getMessage());
		assertEquals("overlap must be in [0, 1), got 1.5",
			assertThrows(InvalidSettingException.class, () -> r.overlap(1.5)).getMessage());
		assertEquals("windowsPerCall takes a number of windows or 'auto', not 'many'",
			assertThrows(InvalidSettingException.class, () -> r.windowsPerCall("many")).getMessage());
		assertEquals("the window batch must be at least 1, got 0",
			assertThrows(InvalidSettingException.class, () -> r.windowsPerCall(0)).getMessage());
		assertEquals("unknown quality map 'x'; use none, disagreement or entropy",
			assertThrows(InvalidSettingException.class, () -> r.qa("x")).getMessage());
		assertTrue(assertThrows(InvalidSettingException.class, () -> r.run()).getMessage().startsWith("no models given"));
	}

	/** Asks to stop at the first report after {@code reports} of them. */
	private static final class CancelAfter implements TaskMonitor {
		private final int reports;
		final List<String> statuses = new ArrayList<>();
		double last = -1;

		CancelAfter(int reports) {
			this.reports = reports;
		}

		@Override
		public void progress(double fraction, String status) {
			assertTrue(fraction >= last, "progress never goes back: " + last + " then " + fraction);
			last = fraction;
			statuses.add(status);
		}

		@Override
		public boolean cancelRequested() {
			return statuses.size() > reports;
		}
	}

	@Test
	void cancelStopsACaseAndLeavesNoFile() throws IOException {
		Path out = tmp.resolve("cancelled.nii.gz");
		CancelAfter monitor = new CancelAfter(1);
		SegmentRequest request = ModalityKD.segment(cases.resolve("BraTS_1")).models(models).device("cpu")
			.windowsPerCall(1).output(out).report(tmp.resolve("cancelled.json"));
		assertThrows(CancellationException.class, () -> request.run(monitor));
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(tmp.resolve("cancelled.json")));
		assertEquals(List.of(), Files.list(tmp).toList(), "no temporary file is left either");
		assertTrue(monitor.statuses.get(1).matches("BraTS_1: 1/\\d+ windows"), monitor.statuses.toString());
	}

	@Test
	void cancelStopsACohortBetweenCasesAndKeepsTheDoneOnes() throws IOException {
		List<CaseFiles> all = BratsLayout.casesUnder(cases);
		Path out = Files.createDirectories(tmp.resolve("cohort"));
		List<Path> targets = all.stream().map(c -> CohortSegmentation.target(out, c)).toList();
		Map<String, String> events = new LinkedHashMap<>();
		TaskMonitor cancelAfterFirst = new TaskMonitor() {
			@Override
			public void progress(double fraction, String status) {
			}

			@Override
			public boolean cancelRequested() {
				return events.containsKey("BraTS_1");
			}
		};
		try (CohortSegmentation cohort = new CohortSegmentation(ModelCatalog.scan(models),
			SegmentationOptions.defaults().withDevice(org.modalitykd.net.Device.CPU))) {
			CohortSegmentation.Listener listener = new CohortSegmentation.Listener() {
				@Override
				public void skipped(CaseFiles c, Path target) {
					events.put(c.id(), "skipped");
				}

				@Override
				public void note(CaseFiles c, String note) {
				}

				@Override
				public void done(CaseFiles c, String model, double seconds, Path target, String message) {
					events.put(c.id(), "done with " + model);
				}

				@Override
				public void failed(CaseFiles c, String model, double seconds, Exception why) {
					events.put(c.id(), "failed: " + why.getMessage());
				}
			};
			CancellationException e = assertThrows(CancellationException.class,
				() -> cohort.run(all, targets, false, listener, cancelAfterFirst));
			assertEquals("cancelled after 1 of 2 cases", e.getMessage());
		}
		assertEquals(Map.of("BraTS_1", "done with teacher"), events);
		assertTrue(Files.isRegularFile(targets.get(0)));
		assertFalse(Files.exists(targets.get(1)));
	}
}

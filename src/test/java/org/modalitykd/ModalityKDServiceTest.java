/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.io.MriCase;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.train.CancelAtStep;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingParameters;
import org.modalitykd.train.TrainingRun;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.scijava.ModalityKDService;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;
import org.scijava.Context;

/** The service as a script gets it: from a SciJava context, headless. */
class ModalityKDServiceTest {

	@TempDir
	Path tmp;

	@Test
	void opensCasesAndEvaluatesThroughAContext() throws IOException {
		Geometry g = Geometry.axisAligned(4, 3, 2, 1, 1, 1);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1);
		Path dir = Files.createDirectories(tmp.resolve("BraTS_9"));
		for (String m : new String[] { "t1", "flair" }) {
			float[] ramp = new float[24];
			for (int i = 0; i < ramp.length; i++) {
				ramp[i] = i; // not constant: a constant image is refused as unusable
			}
			new NiftiWriter().writeVolume(Volume.of(g, m, ramp), h, dir.resolve("BraTS_9_" + m + ".nii.gz"));
		}
		byte[] seg = new byte[24];
		seg[5] = 4;
		new NiftiWriter().writeLabels(new LabelVolume(g, seg), h, dir.resolve("BraTS_9_seg.nii.gz"));

		try (Context context = new Context(ModalityKDService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			MriCase c = kd.open(dir, List.of("flair"));
			assertEquals(List.of("flair"), c.images().channelNames());
			LabelVolume labels = kd.openLabels(dir.resolve("BraTS_9_seg.nii.gz"));
			assertEquals(1.0, kd.evaluate(labels, c.labels().orElseThrow()).get(BratsRegion.ET).dice());

			Path pred = Files.createDirectories(tmp.resolve("pred"));
			new NiftiWriter().writeLabels(new LabelVolume(g, new byte[24]), h, pred.resolve("BraTS_9.nii.gz"));
			Path csv = tmp.resolve("r.csv");
			EvaluationReport report = kd.evaluate(pred, dir, csv);
			assertEquals(0.0, report.cases().get(0).metrics().get(BratsRegion.WT).dice());
			assertTrue(Files.readString(csv).startsWith("case_id,region,"));

			// The same output policy as the command line: an existing report only with overwrite, never an input.
			String written = Files.readString(csv);
			java.nio.file.FileAlreadyExistsException exists = org.junit.jupiter.api.Assertions.assertThrows(
				java.nio.file.FileAlreadyExistsException.class, () -> kd.evaluate(pred, dir, csv));
			assertTrue(exists.getMessage().endsWith("exists already; choose another name, or replace it with overwrite = true"),
				exists.getMessage());
			assertEquals(written, Files.readString(csv));
			kd.evaluate(pred, dir, csv, true);
			byte[] scan = Files.readAllBytes(dir.resolve("BraTS_9_t1.nii.gz"));
			IllegalArgumentException input = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> kd.segmentCase(dir, tmp.resolve("no-models"), dir.resolve("BraTS_9_t1.nii.gz"), true));
			assertTrue(input.getMessage().contains("is one of the inputs"), input.getMessage());
			assertTrue(java.util.Arrays.equals(scan, Files.readAllBytes(dir.resolve("BraTS_9_t1.nii.gz"))));
		}
	}

	/** Tiny: 3 levels of 4 filters, 16^3 patches, validation and checkpoint every 2 steps. */
	static final TrainingParameters TINY = TrainingParameters.defaults().withSteps(4).withPatchSize(16).withNetwork(3, 4)
		.withValidation(0.2, 2).withCheckpointInterval(2);

	/** What a test does with the service. */
	interface ServiceWork {
		void run(ModalityKDService kd) throws IOException, InterruptedException;
	}

	/** Runs {@code work} with the service of a fresh SciJava context, closed afterwards. */
	static void withService(ServiceWork work) throws IOException, InterruptedException {
		try (Context context = new Context(ModalityKDService.class)) {
			work.run(context.getService(ModalityKDService.class));
		}
	}

	/**
	 * Through {@code kd}, on the synthetic cases: a teacher on t1 and flair with
	 * {@code teacher} parameters into {@code dir/teacher}, then a 2-step flair student by
	 * {@code method} with {@code weights} into {@code dir/student}.
	 */
	static void teacherThenStudent(ModalityKDService kd, Path dir, TrainingParameters teacher, String method,
		TrainingJobs.Distillation weights) throws IOException, InterruptedException {
		Path data = TrainingFixtures.syntheticCases();
		kd.train(data, List.of("t1", "flair"), dir.resolve("teacher"), teacher, "cpu", false);
		kd.distill(data, "flair", method, dir.resolve("teacher"), dir.resolve("student"), TINY.withSteps(2), weights,
			"cpu", false, false, TrainingListener.NONE);
	}

	@Test
	void trainsCancelsResumesAndDistills() throws IOException, InterruptedException {
		Path data = TrainingFixtures.syntheticCases();
		Path teacher = tmp.resolve("teacher");
		try (Context context = new Context(ModalityKDService.class)) {
			ModalityKDService kd = context.getService(ModalityKDService.class);
			CancelAtStep cancelAfterTwo = new CancelAtStep(2);
			TrainingRun.Outcome first = kd.train(data, List.of("t1", "t1ce", "flair"), teacher, TINY, "cpu", false,
				cancelAfterTwo);
			assertTrue(first.cancelled());
			assertEquals(2, first.steps());
			assertEquals(List.of(1L, 2L), cancelAfterTwo.seen(), "the listener hears every step, on the calling thread");
			assertTrue(TrainingRun.hasCheckpoint(teacher));

			IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> kd.train(data, List.of("t1", "t1ce", "flair"), teacher, TINY, "cpu", false));
			assertTrue(refused.getMessage().contains("resume = true"), refused.getMessage());
			assertFalse(refused.getMessage().contains("\n"));

			TrainingRun.Outcome resumed = kd.train(data, List.of("t1", "t1ce", "flair"), teacher, TINY, "cpu", true);
			assertFalse(resumed.cancelled());
			assertEquals(4, resumed.steps());
			ModelCard card = ModelBundle.readCard(teacher);
			assertEquals(ModelRole.TEACHER, card.role());
			assertEquals(List.of("t1", "t1ce", "flair"), card.modalities());

			Path student = tmp.resolve("student");
			TrainingRun.Outcome distilled = kd.distill(data, "t1ce", "protokd", teacher, student, TINY.withSteps(2), "cpu",
				false);
			assertEquals(2, distilled.steps());
			ModelCard s = ModelBundle.readCard(student);
			assertEquals(ModelRole.STUDENT, s.role());
			assertEquals(List.of("t1ce"), s.modalities());
			assertEquals(card.architecture().levels(), s.architecture().levels(), "a student copies its teacher");
			assertTrue(s.provenance().data().contains(ModelBundle.checksum(teacher)), "the card names the teacher");

			IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
				() -> kd.distill(data, "t2", "protokd", teacher, tmp.resolve("s2"), TINY, "cpu", false));
			assertTrue(bad.getMessage().contains("not on t2"), bad.getMessage());
		}
	}
}

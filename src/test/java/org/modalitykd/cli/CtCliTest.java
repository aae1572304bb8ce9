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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.CtCases;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.train.TrainingRun;
import org.modalitykd.volume.LabelVolume;

/**
 * CT from the command line, on synthetic head CT cases: segment and batch read {@code ct}
 * files, a folder of models gives a CT case a CT model and an MRI case an MRI one, and a
 * CT whose values are not Hounsfield units (scaled to 0..1) or an MRI given as the CT is
 * one line and no output, from segment, from batch (per case, the others go on) and
 * from train-unpaired.
 */
class CtCliTest {

	@TempDir
	Path tmp;

	private static final String[] TINY = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "2",
		"--batch-size", "1", "--validation-fraction", "0.34", "--validation-interval", "2", "--checkpoint-interval", "2",
		"--device", "cpu" };

	private static String[] args(String[] tail, String... head) {
		List<String> all = new java.util.ArrayList<>(List.of(head));
		all.addAll(List.of(tail));
		return all.toArray(String[]::new);
	}

	@Test
	void segmentReadsCtAndRefusesValuesThatAreNotHounsfieldUnits() throws IOException {
		Path models = CtCases.ctAndMriModels(tmp.resolve("models"));
		CaseFiles c = CtCases.write(tmp.resolve("cases"), "ct", 1, 3, List.of("t2", "ct")).get(0);
		Path out = Files.createDirectories(tmp.resolve("out"));

		Path labels = out.resolve("ct.nii.gz");
		CliTest.Outcome o = CliTest.run("segment", "--model", models.resolve("ct").toString(), "--input",
			c.modalities().get("ct").getParent().toString(), "--output", labels.toString(), "--device", "cpu");
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains(": ct segmented with ct"), o.out());
		LabelVolume l = new NiftiReader().readLabels(labels);
		assertTrue(l.geometry().sameGrid(new NiftiReader().readVolume(c.modalities().get("ct")).geometry(), 1e-6));

		Path unit = CtCases.unitRangeCt(c, tmp.resolve("bad"), "unit");
		Path bad = out.resolve("unit.nii.gz");
		CliTest.assertOneLineError(CliTest.run("segment", "--model", models.resolve("ct").toString(), "--input",
			unit.toString(), "--output", bad.toString(), "--device", "cpu"), 1, "Hounsfield", "values 0 to 1");
		CliTest.assertOneLineError(CliTest.run("segment", "--model", models.resolve("ct").toString(), "--input",
			"ct=" + c.modalities().get("t2"), "--output", bad.toString(), "--device", "cpu"), 1, "Hounsfield", "no air");
		// The MRI model is never given the CT, nor the CT model the MRI.
		CliTest.assertOneLineError(CliTest.run("segment", "--model", models.resolve("t2").toString(), "--input",
			c.modalities().get("ct").toString(), "--output", bad.toString(), "--device", "cpu"), 1, "has no t2 image");
		CliTest.assertOneLineError(CliTest.run("segment", "--model", models.resolve("ct").toString(), "--input",
			c.modalities().get("t2").toString(), "--output", bad.toString(), "--device", "cpu"), 1, "has no ct image");
		try (var files = Files.list(out)) {
			assertEquals(List.of("ct.nii.gz", "ct.provenance.json"),
				files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing of the refused runs");
		}
	}

	@Test
	void batchGivesEachCaseTheModelOfItsModalityAndGoesOnPastBadCts() throws IOException {
		Path models = CtCases.ctAndMriModels(tmp.resolve("models"));
		Path cases = tmp.resolve("cases");
		CaseFiles ct = CtCases.write(cases.resolve("a"), "ctonly", 1, 5, List.of("ct")).get(0);
		CaseFiles mr = CtCases.write(cases.resolve("b"), "mronly", 1, 6, List.of("t2")).get(0);
		Path all = Files.createDirectories(tmp.resolve("cohort"));
		for (CaseFiles f : List.of(ct, mr)) {
			Path dir = f.modalities().values().iterator().next().getParent();
			Files.move(dir, all.resolve(dir.getFileName()));
		}
		CaseFiles both = CtCases.write(tmp.resolve("both"), "both", 1, 7, List.of("t2", "ct")).get(0);
		CtCases.unitRangeCt(both, all, "unit");
		CtCases.mriAsCt(both, "t2", all, "mriasct");

		Path out = tmp.resolve("out");
		CliTest.Outcome o = CliTest.run("batch", "--manifest", all.toString(), "--model", models.toString(), "--out",
			out.toString(), "--device", "cpu");
		assertEquals(1, o.status(), "two cases failed: " + o.out() + o.err());
		List<String> status = Files.readAllLines(out.resolve("status.csv"));
		assertTrue(status.get(1).startsWith("ctonly_0001,done,ct,"), status.toString());
		assertTrue(status.get(2).startsWith("mriasct,failed,ct,") && status.get(2).contains("no air"), status.toString());
		assertTrue(status.get(3).startsWith("mronly_0001,done,t2,"), status.toString());
		assertTrue(status.get(4).startsWith("unit,failed,ct,") && status.get(4).contains("values 0 to 1"), status.toString());
		assertEquals(5, status.size());
		assertTrue(o.out().contains("2 done, 0 skipped, 2 failed"), o.out());
		assertTrue(o.out().lines().anyMatch(l -> l.startsWith("unit: FAILED: ") && l.contains("Hounsfield")), o.out());
		try (var files = Files.list(out)) {
			assertEquals(List.of("ctonly_0001.nii.gz", "mronly_0001.nii.gz", "status.csv"),
				files.map(f -> f.getFileName().toString()).sorted().toList());
		}
	}

	@Test
	void trainUnpairedTakesACtFolderAndRefusesOneThatHoldsNoHounsfieldUnits() throws IOException {
		Path ctCases = tmp.resolve("ct");
		Path mrCases = tmp.resolve("mr");
		List<CaseFiles> ct = CtCases.write(ctCases, "ct", 3, 21, List.of("ct"));
		CtCases.write(mrCases, "mr", 3, 22, List.of("t2"));
		Path bundle = tmp.resolve("models/unpaired");
		CliTest.Outcome o = CliTest.run(args(TINY, "train-unpaired", "--data-a", ctCases.toString(), "--modality-a", "ct",
			"--data-b", mrCases.toString(), "--modality-b", "t2", "--out", bundle.toString()));
		assertEquals(0, o.status(), o.err());
		ModelCard card = ModelBundle.readCard(bundle);
		assertEquals(List.of("ct", "t2"), card.modalities());
		assertTrue(card.normalization().readsHounsfield(), "the CT slot reads Hounsfield units: " + card.normalization());
		Path labels = tmp.resolve("unpaired-ct.nii.gz");
		CliTest.Outcome s = CliTest.run("segment", "--model", bundle.toString(), "--modality", "ct", "--input",
			ct.get(0).modalities().get("ct").toString(), "--output", labels.toString(), "--device", "cpu");
		assertEquals(0, s.status(), s.err());
		assertTrue(Files.isRegularFile(labels));

		// A "CT" folder of MRI: refused before any training, with the case and the reason.
		Path notCt = tmp.resolve("not-ct");
		CaseFiles mri = CtCases.write(tmp.resolve("mri"), "mri", 1, 23, List.of("t2")).get(0);
		Path dir = CtCases.mriAsCt(mri, "t2", notCt, "mri_0001");
		Files.copy(mri.labels().orElseThrow(), dir.resolve("mri_0001_seg.nii.gz"));
		Path refused = tmp.resolve("models/refused");
		CliTest.assertOneLineError(CliTest.run(args(TINY, "train-unpaired", "--data-a", notCt.toString(), "--modality-a",
			"ct", "--data-b", mrCases.toString(), "--modality-b", "t2", "--out", refused.toString())), 1, "mri_0001",
			"Hounsfield");
		assertFalse(Files.exists(refused), "no bundle");
		assertFalse(Files.exists(TrainingRun.workDirOf(refused)), "no training folder");
	}
}

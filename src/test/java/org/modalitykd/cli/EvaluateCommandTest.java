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
import org.modalitykd.eval.PredictionPairs;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;

class EvaluateCommandTest {

	@TempDir
	Path tmp;

	private static final Geometry GRID = Geometry.axisAligned(5, 4, 3, 1, 1, 1);

	private static void labels(Path file, int value, int count) throws IOException {
		byte[] b = new byte[(int) GRID.voxelCount()];
		for (int i = 0; i < count; i++) {
			b[i] = (byte) value;
		}
		new NiftiWriter().writeLabels(new LabelVolume(GRID, b), new NiftiHeader().setSform(GRID.affine(), 1), file);
	}

	@Test
	void evaluatesBratsReferenceFoldersAgainstFlatPredictions() throws IOException {
		Path ref = tmp.resolve("ref");
		Path pred = Files.createDirectories(tmp.resolve("pred"));
		for (String id : new String[] { "BraTS_1", "BraTS_2" }) {
			Path c = Files.createDirectories(ref.resolve(id));
			labels(c.resolve(id + "_seg.nii.gz"), 4, 10);
			labels(c.resolve(id + "_t1.nii.gz"), 0, 0);
		}
		labels(pred.resolve("BraTS_1.nii.gz"), 4, 10);
		labels(pred.resolve("BraTS_2_pred.nii.gz"), 4, 5);
		Path csv = tmp.resolve("report.csv");
		CliTest.Outcome o = CliTest.run("evaluate", "--pred", pred.toString(), "--ref", ref.toString(), "--out", csv.toString());
		assertEquals(0, o.status(), o.err());
		assertTrue(o.err().isEmpty(), o.err());
		List<String> lines = Files.readAllLines(csv);
		assertEquals(1 + 2 * 3 + 3 * 3, lines.size());
		assertTrue(lines.contains("BraTS_1,ET,1.00000,0.00000,1.00000,1.00000,0.0100000,0.0100000"), lines.toString());
		// BraTS_2: 5 of 10 found: Dice 2*5/15.
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("BraTS_2,ET,0.666667,")), lines.toString());
		assertTrue(o.out().contains("mean"), o.out());
	}

	@Test
	void unmatchedCasesAreWarnedAboutAndNoMatchIsAnError() throws IOException {
		Path ref = Files.createDirectories(tmp.resolve("ref"));
		Path pred = Files.createDirectories(tmp.resolve("pred"));
		labels(ref.resolve("a_seg.nii.gz"), 2, 3);
		labels(ref.resolve("b_seg.nii.gz"), 2, 3);
		labels(pred.resolve("a.nii.gz"), 2, 3);
		labels(pred.resolve("c.nii.gz"), 2, 3);
		CliTest.Outcome o = CliTest.run("evaluate", "--pred", pred.toString(), "--ref", ref.toString(), "--out",
			tmp.resolve("r.csv").toString());
		assertEquals(0, o.status(), o.err());
		assertTrue(o.err().contains("no reference for c") && o.err().contains("no prediction for b"), o.err());

		Files.delete(pred.resolve("a.nii.gz"));
		CliTest.Outcome none = CliTest.run("evaluate", "--pred", pred.toString(), "--ref", ref.toString(), "--out",
			tmp.resolve("none.csv").toString());
		assertEquals(1, none.status());
		assertTrue(none.err().contains("no prediction matches"), none.err());
		assertFalse(Files.exists(tmp.resolve("none.csv")));
	}

	@Test
	void caseIdsDropLabelSuffixes() {
		assertEquals("BraTS_001", PredictionPairs.caseId(Path.of("BraTS_001_seg.nii.gz")));
		assertEquals("BraTS_001", PredictionPairs.caseId(Path.of("BraTS_001_pred.nii")));
		assertEquals("BraTS-GLI-00001-000", PredictionPairs.caseId(Path.of("BraTS-GLI-00001-000-seg.nii.gz")));
		assertEquals("p7", PredictionPairs.caseId(Path.of("p7.hdr")));
	}

	@Test
	void theReportNeverReplacesAnInputAndAnEarlierReportOnlyWithOverwrite() throws IOException {
		Path ref = Files.createDirectories(tmp.resolve("ref/BraTS_1"));
		labels(ref.resolve("BraTS_1_seg.nii.gz"), 4, 10);
		Path pred = Files.createDirectories(tmp.resolve("pred"));
		labels(pred.resolve("BraTS_1.nii.gz"), 4, 10);
		byte[] prediction = Files.readAllBytes(pred.resolve("BraTS_1.nii.gz"));
		CliTest.assertOneLineError(CliTest.run("evaluate", "--pred", pred.toString(), "--ref", tmp.resolve("ref").toString(),
			"--out", pred.resolve("BraTS_1.nii.gz").toString(), "--overwrite"), 1, "is one of the inputs");
		assertTrue(java.util.Arrays.equals(prediction, Files.readAllBytes(pred.resolve("BraTS_1.nii.gz"))));

		Path csv = Files.writeString(tmp.resolve("report.csv"), "an earlier report");
		CliTest.assertOneLineError(CliTest.run("evaluate", "--pred", pred.toString(), "--ref", tmp.resolve("ref").toString(),
			"--out", csv.toString()), 1, "report.csv: exists already", "--overwrite");
		assertEquals("an earlier report", Files.readString(csv));
		CliTest.Outcome o = CliTest.run("evaluate", "--pred", pred.toString(), "--ref", tmp.resolve("ref").toString(), "--out",
			csv.toString(), "--overwrite");
		assertEquals(0, o.status(), o.err());
		assertTrue(Files.readString(csv).startsWith("case_id,"), Files.readString(csv));
	}
}

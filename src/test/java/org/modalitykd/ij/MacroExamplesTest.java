/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;

import ij.IJ;
import ij.measure.ResultsTable;

/** The ImageJ macro examples in scripts/examples, run by the real macro interpreter, headless. */
class MacroExamplesTest {

	@TempDir
	Path tmp;

	@Test
	void segmentAndMeasurePrintsTheVolumes() throws IOException {
		ImageJ1.reset();
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path caseDir = TinyModels.noisyCase(tmp, "BraTS_M", 20, 18, 10, 3);
		PrintStream saved = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true));
		try {
			IJ.runMacroFile(Path.of("scripts/examples/segment_and_measure.ijm").toAbsolutePath().toString(),
				caseDir + "|" + models);
		} finally {
			System.setOut(saved);
		}
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(1, rt.size());
		String expected = String.format(java.util.Locale.ROOT, "BraTS_M segmented with teacher: WT %s mL",
			IJ.d2s(rt.getValue("WT_ml", 0), 2));
		assertTrue(printed.toString().contains(expected), printed.toString());
	}
}

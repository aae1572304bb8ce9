/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.Modalities;

/** {@code synth} and {@code montage} from the command line. */
class SynthCommandTest {

	@TempDir
	Path tmp;

	private static CliTest.Outcome run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = ModalityKdCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new CliTest.Outcome(status, out.toString(), err.toString());
	}

	private static void assertOneLineError(CliTest.Outcome o, int status, String fragment) {
		assertEquals(status, o.status(), o.err());
		assertEquals(1, o.err().strip().lines().count(), "one line expected: " + o.err());
		assertTrue(o.err().startsWith("modalitykd: ") && o.err().contains(fragment), o.err());
	}

	@Test
	void synthWritesBratsCasesAndSaysWhichAnatomyItUsed() throws IOException {
		Path out = tmp.resolve("set");
		CliTest.Outcome o = run("synth", "--out", out.toString(), "--cases", "2", "--seed", "5", "--spacing", "4",
			"--anatomy", "parametric", "--id-prefix", "demo");
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("anatomy   parametric"), o.out());
		assertTrue(o.out().contains("case 1/2 demo_0001: WT ") && o.out().contains("case 2/2 demo_0002: WT "), o.out());
		List<CaseFiles> cases = BratsLayout.casesUnder(out);
		assertEquals(List.of("demo_0001", "demo_0002"), cases.stream().map(CaseFiles::id).toList());
		for (CaseFiles c : cases) {
			assertEquals(Modalities.BRATS, c.modalityNames());
			assertTrue(c.labels().isPresent());
		}
		assertTrue(Files.isRegularFile(out.resolve("synth-cases.tsv")));

		Path png = tmp.resolve("pictures/montage.png");
		CliTest.Outcome m = run("montage", out.toString(), "--out", png.toString(), "--zoom", "2");
		assertEquals(0, m.status(), m.err());
		BufferedImage image = ImageIO.read(png.toFile());
		// Five columns of 45 voxels (180 mm at 4 mm) drawn 2 pixels per voxel, with margins.
		assertEquals(6 + 5 * (2 * 45 + 6), image.getWidth());
		assertTrue(image.getHeight() > 2 * 2 * 54, "two rows of 54-voxel-high slices");
	}

	@Test
	void ctOnlyAndBothAreTheSameCasesAndTheCtMontageHasTwoWindows() throws IOException {
		Path mri = tmp.resolve("mri");
		Path ct = tmp.resolve("ct");
		Path both = tmp.resolve("both");
		assertEquals(0, synthTheSmallCase(mri).status());
		CliTest.Outcome o = synthTheSmallCase(ct, "--modalities", "ct");
		assertEquals(0, o.status(), o.err());
		assertEquals(0, synthTheSmallCase(both, "--modalities", "t1,t1ce,t2,flair,ct").status());
		CaseFiles ctCase = BratsLayout.casesUnder(ct).get(0);
		assertEquals(List.of(Modalities.CT), ctCase.modalityNames());
		assertEquals(List.of("t1", "t1ce", "t2", "flair", "ct"), BratsLayout.casesUnder(both).get(0).modalityNames());
		String id = ctCase.id();
		assertTrue(Files.isRegularFile(ct.resolve(id).resolve(id + "_ct.nii.gz")));
		for (String part : List.of("t1", "t1ce", "t2", "flair", "seg")) {
			String name = id + "_" + part + ".nii.gz";
			assertTrue(java.util.Arrays.equals(Files.readAllBytes(mri.resolve(id).resolve(name)),
				Files.readAllBytes(both.resolve(id).resolve(name))), name + ": asking for CT changes no MRI file");
		}
		assertTrue(java.util.Arrays.equals(Files.readAllBytes(mri.resolve(id).resolve(id + "_seg.nii.gz")),
			Files.readAllBytes(ct.resolve(id).resolve(id + "_seg.nii.gz"))), "a CT-only case is the same case");
		assertTrue(java.util.Arrays.equals(Files.readAllBytes(both.resolve(id).resolve(id + "_ct.nii.gz")),
			Files.readAllBytes(ct.resolve(id).resolve(id + "_ct.nii.gz"))), "the CT does not depend on the MRI");

		Path png = tmp.resolve("ct.png");
		CliTest.Outcome m = run("montage", ct.toString(), "--out", png.toString(), "--overlay-on", "ct", "--zoom", "1");
		assertEquals(0, m.status(), m.err());
		// CT in two windows plus the overlay: three columns of 30 voxels (180 mm at 6 mm).
		assertEquals(6 + 3 * (30 + 6), ImageIO.read(png.toFile()).getWidth());
		assertOneLineError(run("synth", "--out", tmp.resolve("y").toString(), "--cases", "1", "--seed", "1",
			"--modalities", "t1,pet"), 2, "pet");
		assertFalse(Files.exists(tmp.resolve("y")), "nothing written on failure");
	}

	@Test
	void settingsAreStandardOrShiftedAndTheSummarySaysWhich() throws IOException {
		Path standard = tmp.resolve("standard");
		Path shifted = tmp.resolve("shifted");
		assertEquals(0, synthTheSmallCase(standard).status());
		CliTest.Outcome o = synthTheSmallCase(shifted, "--settings", "shifted");
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("settings  shifted"), o.out());
		List<String> a = Files.readAllLines(standard.resolve("synth-cases.tsv"));
		List<String> b = Files.readAllLines(shifted.resolve("synth-cases.tsv"));
		assertTrue(a.get(0).endsWith("\tet_ml\tsettings") && b.get(0).equals(a.get(0)), a.get(0));
		assertTrue(a.get(1).endsWith("\tstandard") && b.get(1).endsWith("\tshifted"), a.get(1) + " / " + b.get(1));
		assertFalse(java.util.Arrays.equals(Files.readAllBytes(standard.resolve("synth_0001/synth_0001_flair.nii.gz")),
			Files.readAllBytes(shifted.resolve("synth_0001/synth_0001_flair.nii.gz"))), "another case");

		Path refused = tmp.resolve("refused");
		assertOneLineError(synthTheSmallCase(refused, "--settings", "wild"), 2,
			"--settings: unknown generator settings 'wild'; choose standard or shifted");
		assertFalse(Files.exists(refused), "nothing written on refusal");
	}

	/**
	 * {@code synth} of one small case (seed 5, 6 mm, parametric anatomy: quick) into {@code out},
	 * with {@code options} added: runs that differ only in those options make the same case.
	 */
	private static CliTest.Outcome synthTheSmallCase(Path out, String... options) {
		List<String> args = new ArrayList<>(List.of("synth", "--out", out.toString()));
		args.addAll(List.of(options));
		args.addAll(List.of("--cases", "1", "--seed", "5", "--spacing", "6", "--anatomy", "parametric"));
		return run(args.toArray(String[]::new));
	}

	@Test
	void badRequestsAreOneLineErrors() throws IOException {
		String out = tmp.resolve("x").toString();
		assertOneLineError(run("synth", "--out", out, "--cases", "0", "--seed", "1"), 2, "--cases");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--spacing", "0"), 2, "--spacing");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--anatomy", "mni"), 2, "mni");
		assertOneLineError(run("synth", "--out", out, "--cases", "1"), 2, "--seed");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--id-prefix", "a_b"), 2, "--id-prefix");
		assertOneLineError(run("synth", "--out", out, "--cases", "1", "--seed", "1", "--min-ml", "50", "--max-ml", "5"), 2, "50");
		CliTest.Outcome missing = run("synth", "--out", out, "--cases", "1", "--seed", "1", "--anatomy", "colin27",
			"--templates", tmp.resolve("nowhere").toString());
		assertOneLineError(missing, 1, "mricron-data");
		assertFalse(Files.exists(tmp.resolve("x")), "nothing written on failure");
		Path file = tmp.resolve("plain-file");
		Files.writeString(file, "x");
		assertOneLineError(run("synth", "--out", file.toString(), "--cases", "1", "--seed", "1", "--anatomy", "parametric"), 1,
			"is a file");
		assertOneLineError(run("montage", tmp.toString(), "--out", tmp.resolve("m.png").toString()), 2, "no BraTS cases");
	}
}

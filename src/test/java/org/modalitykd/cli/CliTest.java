/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

public class CliTest {

	private static final Path FIXTURES = Path.of("src/test/resources/nifti-fixtures");

	@TempDir
	Path tmp;

	public record Outcome(int status, String out, String err) {
	}

	public static Outcome run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = ModalityKdCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Outcome(status, out.toString(), err.toString());
	}

	/** Exit status, exactly one line on stderr with the tool's prefix, and each fragment in it. */
	public static void assertOneLineError(Outcome o, int status, String... fragments) {
		assertEquals(status, o.status(), o.err());
		assertEquals(1, o.err().strip().lines().count(), "one line expected: " + o.err());
		assertTrue(o.err().startsWith("modalitykd: "), o.err());
		for (String f : fragments) {
			assertTrue(o.err().contains(f), "'" + f + "' missing from: " + o.err());
		}
	}

	@Test
	void statsJsonHasExactlyTheDocumentedKeysAndNibabelsValues() throws IOException {
		String name = "orient_oblique_qform_qfac-1.nii";
		Outcome o = run("stats", "--json", FIXTURES.resolve(name).toString());
		assertEquals(0, o.status(), o.err());
		assertEquals(1, o.out().strip().lines().count(), "exactly one JSON object on one line");
		JsonObject json = JsonParser.parseString(o.out()).getAsJsonObject();
		assertEquals(Set.of("shape", "spacing", "affine", "datatype", "min", "max", "mean", "sum"), json.keySet());
		JsonObject nib = JsonParser.parseString(Files.readString(FIXTURES.resolve("expected.json"))).getAsJsonObject()
			.getAsJsonObject(name);
		assertEquals(nib.get("shape"), json.get("shape"));
		assertEquals(nib.get("datatype"), json.get("datatype"));
		for (String key : new String[] { "min", "max", "mean", "sum" }) {
			assertEquals(nib.get(key).getAsDouble(), json.get(key).getAsDouble(), Math.abs(nib.get(key).getAsDouble()) * 1e-12, key);
		}
		for (int r = 0; r < 4; r++) {
			for (int c = 0; c < 4; c++) {
				assertEquals(nib.getAsJsonArray("affine").get(r).getAsJsonArray().get(c).getAsDouble(),
					json.getAsJsonArray("affine").get(r).getAsJsonArray().get(c).getAsDouble(), 1e-5);
			}
		}
	}

	@Test
	void statsTextShowsShapeSpacingAndAffine() {
		Outcome o = run("stats", FIXTURES.resolve("spacing_anisotropic_0.9x1.1x3.0.nii").toString());
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("shape     5 x 4 x 3"), o.out());
		assertTrue(o.out().contains("affine"), o.out());
	}

	@Test
	void missingFileIsADataErrorOnOneLineWithoutStackTrace() {
		Outcome o = run("stats", tmp.resolve("nothing.nii.gz").toString());
		assertOneLineError(o, 1, "nothing.nii.gz", "no such file");
		assertFalse(o.err().contains("\tat "));
	}

	@Test
	void debugShowsTheStackTrace() {
		Outcome o = run("stats", "--debug", tmp.resolve("nothing.nii").toString());
		assertEquals(1, o.status());
		assertTrue(o.err().contains("\tat org.modalitykd"), o.err());
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertEquals(2, run().status());
		assertOneLineError(run("stats"), 2, "FILE");
		assertOneLineError(run("frobnicate"), 2);
		assertOneLineError(run("stats", "--no-such-option", "x.nii"), 2);
		assertOneLineError(run("convert", FIXTURES.resolve("dtype_int16.nii").toString(), tmp.resolve("o.nii").toString(),
			"--datatype", "complex64"), 2, "complex64", "int16");
	}

	@Test
	void convertKeepsValuesAndLeavesNothingOnFailure() throws IOException {
		Path out = tmp.resolve("copy.hdr.gz");
		Outcome ok = run("convert", FIXTURES.resolve("form_both_differ.nii").toString(), out.toString());
		assertEquals(0, ok.status(), ok.err());
		assertTrue(Files.exists(tmp.resolve("copy.img.gz")));
		JsonObject before = JsonParser.parseString(run("stats", "--json", FIXTURES.resolve("form_both_differ.nii").toString()).out()).getAsJsonObject();
		JsonObject after = JsonParser.parseString(run("stats", "--json", out.toString()).out()).getAsJsonObject();
		assertEquals(before, after);

		Path corrupt = tmp.resolve("corrupt.nii");
		byte[] bytes = Files.readAllBytes(FIXTURES.resolve("dtype_float32.nii"));
		Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length - 17));
		Path target = tmp.resolve("never.nii.gz");
		Outcome bad = run("convert", corrupt.toString(), target.toString());
		assertOneLineError(bad, 1, "corrupt.nii", "truncated");
		try (var files = Files.list(tmp)) {
			assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("never")), "no output or temp file");
		}
	}

	@Test
	void infoListsModalitiesAndGeometryAgreement() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("BraTS_1"));
		Geometry g = Geometry.axisAligned(4, 3, 2, 1, 1, 1);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1);
		for (String m : new String[] { "t1", "t2", "flair" }) {
			new NiftiWriter().writeVolume(Volume.of(g, m, new float[24]), h, dir.resolve("BraTS_1_" + m + ".nii.gz"));
		}
		Outcome o = run("info", dir.toString());
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("modalities  t1, t2, flair"), o.out());
		assertTrue(o.out().contains("consistent"), o.out());
		assertTrue(o.out().contains("labels      none"), o.out());

		JsonObject json = JsonParser.parseString(run("info", "--json", dir.toString()).out()).getAsJsonObject();
		assertEquals("BraTS_1", json.get("case_id").getAsString());
		assertTrue(json.get("consistent").getAsBoolean());

		new NiftiWriter().writeVolume(Volume.of(Geometry.axisAligned(4, 3, 3, 1, 1, 1), "x", new float[36]), h,
			dir.resolve("BraTS_1_t1ce.nii.gz"));
		Outcome inconsistent = run("info", dir.toString());
		assertEquals(1, inconsistent.status());
		assertTrue(inconsistent.out().contains("INCONSISTENT: t1ce vs t1"), inconsistent.out());
	}

	@Test
	void infoReadsEveryCaseBeforeItPrintsSoThatAnUnreadableOnePrintsNoHalfReport() throws IOException {
		Geometry g = Geometry.axisAligned(4, 3, 2, 1, 1, 1);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1);
		Path good = tmp.resolve("good_t1.nii.gz");
		new NiftiWriter().writeVolume(Volume.of(g, "t1", new float[24]), h, good);
		Path broken = Files.writeString(tmp.resolve("broken_t1.nii.gz"), "not an image");
		Path manifest = Files.writeString(tmp.resolve("cases.csv"),
			"case_id,modality,path\ngood,t1," + good + "\nbroken,t1," + broken + "\n");
		for (String format : new String[] { "text", "json" }) {
			Outcome o = format.equals("json") ? run("info", "--json", manifest.toString()) : run("info", manifest.toString());
			assertOneLineError(o, 1, "broken_t1.nii.gz");
			assertEquals("", o.out(), format + ": nothing of the readable case either");
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.TinyModels;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.train.TrainingFixtures;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Garbage in, one line out (issue 18, "input sanity"): unusable modalities, labels that
 * are not BraTS ones, unfinished outputs under {@code batch --resume}, a split without
 * validation, manifests as spreadsheets write them, a missing folder and a 4D modality.
 * Each case runs the command as a user would and checks what it says and what it leaves.
 */
class InputSanityTest {

	@TempDir
	Path tmp;

	private static final int NX = 20;
	private static final int NY = 18;
	private static final int NZ = 10;

	/** Overwrites a modality of a noisy case with {@code voxels}, keeping its header. */
	private static void overwrite(Path file, float[] voxels) throws IOException {
		NiftiReader reader = new NiftiReader();
		Volume v = reader.readVolume(file);
		new NiftiWriter().writeVolume(Volume.of(v.geometry(), "x", voxels), reader.readHeader(file), file);
	}

	private static float[] filled(float value) {
		float[] v = new float[NX * NY * NZ];
		Arrays.fill(v, value);
		return v;
	}

	private static float[] withNaN(Path file, int count) throws IOException {
		float[] v = new NiftiReader().readVolume(file).channel(0).clone();
		for (int i = 0; i < count; i++) {
			v[i * 7] = Float.NaN;
		}
		return v;
	}

	private boolean anyOutputStartingWith(String prefix) throws IOException {
		try (Stream<Path> all = Files.list(tmp)) {
			return all.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
		}
	}

	@Test
	void segmentRefusesAnEmptyConstantOrNonFiniteModalityNamingTheFile() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "p1", NX, NY, NZ, 1);
		Path flair = caseDir.resolve("p1_flair.nii.gz");
		Path t1ce = caseDir.resolve("p1_t1ce.nii.gz");
		String out = tmp.resolve("seg.nii.gz").toString();

		overwrite(flair, filled(0));
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
			"--output", out, "--device", "cpu"), 1, flair.toString(), "flair image is empty (every voxel is 0)", "replace the file");

		overwrite(flair, filled(37.5f));
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
			"--output", out, "--device", "cpu"), 1, flair.toString(), "is constant (every voxel is 37.5)");

		TinyModels.noisyCase(tmp.resolve("cases"), "p1", NX, NY, NZ, 1);
		overwrite(t1ce, withNaN(t1ce, 13));
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
			"--output", out, "--device", "cpu"), 1, t1ce.toString(), "has 13 NaN or infinite voxels (of 3600)");

		overwrite(t1ce, filled(Float.NaN));
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(),
			"--output", out, "--device", "cpu"), 1, t1ce.toString(), "is all NaN or infinite (3600 voxels)");
		assertFalse(anyOutputStartingWith("seg"), "nothing written");
	}

	@Test
	void batchTakesTheStudentWhenTheTeachersModalityIsEmptyAndFailsOnlyTheCaseNothingFits() throws IOException {
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path cases = tmp.resolve("cases");
		TinyModels.noisyCase(cases, "good", NX, NY, NZ, 1);
		TinyModels.noisyCase(cases, "noflair", NX, NY, NZ, 2);
		TinyModels.noisyCase(cases, "nant1", NX, NY, NZ, 3);
		overwrite(cases.resolve("noflair/noflair_flair.nii.gz"), filled(0));
		Path nanT1 = cases.resolve("nant1/nant1_t1.nii.gz");
		overwrite(nanT1, withNaN(nanT1, 5));
		Path out = tmp.resolve("out");

		CliTest.Outcome o = CliTest.run("batch", "--manifest", cases.toString(), "--model", models.toString(), "--out",
			out.toString(), "--device", "cpu");
		assertEquals(1, o.status(), o.out() + o.err());
		List<String> status = Files.readAllLines(out.resolve("status.csv"));
		assertTrue(status.get(1).startsWith("good,done,teacher,"), status.toString());
		// nant1: the student needs t1, the teacher needs all four; nothing does without t1.
		assertTrue(status.get(2).startsWith("nant1,failed,,") && status.get(2).contains("nant1_t1.nii.gz")
			&& status.get(2).contains("has 5 NaN or infinite voxels") && status.get(2).contains("no model here does without t1"),
			status.get(2));
		assertTrue(status.get(3).startsWith("noflair,done,student_t1,") && status.get(3).contains("flair image is empty")
			&& status.get(3).contains("instead of teacher"), status.get(3));
		assertTrue(o.out().contains("noflair: ") && o.out().contains("using student_t1"), o.out());
		assertTrue(Files.exists(out.resolve("noflair.nii.gz")) && !Files.exists(out.resolve("nant1.nii.gz")));
	}

	/** A label map on the grid of {@link EvaluateCommandTest}'s cases, with given values at the first voxels. */
	private static void labelMap(Path file, int... values) throws IOException {
		org.modalitykd.volume.Geometry g = org.modalitykd.volume.Geometry.axisAligned(5, 4, 3, 1, 1, 1);
		byte[] v = new byte[(int) g.voxelCount()];
		for (int i = 0; i < values.length; i++) {
			v[i] = (byte) values[i];
		}
		new NiftiWriter().writeLabels(new LabelVolume(g, v), new NiftiHeader().setSform(g.affine(), 1), file);
	}

	@Test
	void evaluateRefusesLabelsOutsideBratsNamingTheFileTheValuesAndTheirCounts() throws IOException {
		Path pred = tmp.resolve("pred/c1.nii.gz");
		Path ref = tmp.resolve("ref/c1_seg.nii.gz");
		Files.createDirectories(pred.getParent());
		Files.createDirectories(ref.getParent());
		labelMap(pred, 1, 2, 4, 3, 3, 5);
		labelMap(ref, 1, 2, 4, 4, 4, 1);
		Path report = tmp.resolve("report.csv");
		CliTest.assertOneLineError(CliTest.run("evaluate", "--pred", pred.getParent().toString(), "--ref",
			ref.getParent().toString(), "--out", report.toString()), 1, pred.toString(), "3 (2 voxels), 5 (1 voxel)",
			"other than the BraTS 0, 1, 2, 4");
		labelMap(pred, 1, 2, 4);
		labelMap(ref, 1, 3);
		CliTest.assertOneLineError(CliTest.run("evaluate", "--pred", pred.getParent().toString(), "--ref",
			ref.getParent().toString(), "--out", report.toString()), 1, ref.toString(), "3 (1 voxel)");
		assertFalse(Files.exists(report), "no report");
	}

	@Test
	void resumeRedoesTruncatedEmptyAndWrongShapeOutputsAndSaysWhy() throws IOException {
		Path teacher = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path cases = tmp.resolve("cases");
		for (String id : List.of("a", "b", "c", "d")) {
			TinyModels.noisyCase(cases, id, NX, NY, NZ, id.hashCode());
		}
		Path out = tmp.resolve("out");
		CliTest.Outcome first = CliTest.run("batch", "--manifest", cases.toString(), "--model", teacher.toString(), "--out",
			out.toString(), "--device", "cpu");
		assertEquals(0, first.status(), first.out() + first.err());
		byte[] whole = Files.readAllBytes(out.resolve("a.nii.gz"));
		Files.write(out.resolve("a.nii.gz"), Arrays.copyOf(whole, whole.length / 2));
		Files.write(out.resolve("b.nii.gz"), new byte[0]);
		org.modalitykd.volume.Geometry small = org.modalitykd.volume.Geometry.axisAligned(NX, NY, NZ - 1, 1, 1, 1);
		new NiftiWriter().writeLabels(new LabelVolume(small, new byte[(int) small.voxelCount()]),
			new NiftiHeader().setSform(small.affine(), 1), out.resolve("c.nii.gz"));
		long dTime = Files.getLastModifiedTime(out.resolve("d.nii.gz")).toMillis();

		CliTest.Outcome resumed = CliTest.run("batch", "--manifest", cases.toString(), "--model", teacher.toString(), "--out",
			out.toString(), "--device", "cpu", "--resume");
		assertEquals(0, resumed.status(), resumed.out() + resumed.err());
		assertTrue(resumed.out().contains("3 done, 1 skipped, 0 failed"), resumed.out());
		List<String> status = Files.readAllLines(out.resolve("status.csv"));
		List<String> last = status.subList(status.size() - 4, status.size());
		assertTrue(last.get(0).startsWith("a,done,teacher,") && last.get(0).contains("redone") && last.get(0).contains("cannot be read"),
			last.get(0));
		assertTrue(last.get(1).startsWith("b,done,teacher,") && last.get(1).contains("cannot be read"), last.get(1));
		assertTrue(last.get(2).startsWith("c,done,teacher,") && last.get(2).contains("20x18x9"), last.get(2));
		assertTrue(last.get(3).startsWith("d,skipped,"), last.get(3));
		assertEquals(dTime, Files.getLastModifiedTime(out.resolve("d.nii.gz")).toMillis(), "a whole output is kept");
		for (String id : List.of("a", "b", "c")) {
			assertArrayEquals(new int[] { NX, NY, NZ }, new NiftiReader().readLabels(out.resolve(id + ".nii.gz")).geometry().dims());
		}
	}

	private static final String[] TINY = { "--levels", "3", "--base-filters", "4", "--patch-size", "16", "--steps", "2",
		"--device", "cpu" };

	private static String[] train(Path data, Path out, String... extra) {
		List<String> all = new java.util.ArrayList<>(List.of("train-teacher", "--data", data.toString(), "--out", out.toString()));
		all.addAll(List.of(TINY));
		all.addAll(List.of(extra));
		return all.toArray(String[]::new);
	}

	private Path copyCases(String name, int count) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve(name));
		List<Path> sources;
		try (Stream<Path> dirs = Files.list(TrainingFixtures.syntheticCases())) {
			sources = dirs.filter(Files::isDirectory).sorted().limit(count).toList();
		}
		for (Path source : sources) {
			Path target = Files.createDirectories(dir.resolve(source.getFileName()));
			try (Stream<Path> files = Files.list(source)) {
				for (Path f : files.toList()) {
					Files.copy(f, target.resolve(f.getFileName()));
				}
			}
		}
		return dir;
	}

	@Test
	void trainingOnOneCaseWithAValidationFractionIsRefusedBeforeAnythingIsWritten() throws IOException {
		Path one = copyCases("one", 1);
		Path out = tmp.resolve("model");
		CliTest.assertOneLineError(CliTest.run(train(one, out)), 1, "only 1 case", "validation fraction of 0.2",
			"at least 2 cases", "validation fraction to 0");
		assertFalse(Files.exists(out) || Files.exists(tmp.resolve("model.training")), "nothing written");
		CliTest.Outcome ok = CliTest.run(train(one, out, "--validation-fraction", "0"));
		assertEquals(0, ok.status(), ok.err());
	}

	@Test
	void trainingRefusesLabelsOutsideBratsNamingTheCaseBeforeAnythingIsWritten() throws IOException {
		Path data = copyCases("data", 3);
		Path caseDir;
		try (Stream<Path> dirs = Files.list(data)) {
			caseDir = dirs.sorted().skip(1).findFirst().orElseThrow();
		}
		Path seg;
		try (Stream<Path> files = Files.list(caseDir)) {
			seg = files.filter(f -> f.getFileName().toString().contains("_seg")).findFirst().orElseThrow();
		}
		NiftiReader reader = new NiftiReader();
		LabelVolume labels = reader.readLabels(seg);
		byte[] v = labels.labels().clone();
		v[0] = 3;
		v[1] = 3;
		v[2] = 7;
		new NiftiWriter().writeLabels(new LabelVolume(labels.geometry(), v), reader.readHeader(seg), seg);
		Path out = tmp.resolve("model");
		String id = caseDir.getFileName().toString();
		CliTest.assertOneLineError(CliTest.run(train(data, out)), 1, "case " + id, seg.getFileName().toString(),
			"3 (2 voxels), 7 (1 voxel)");
		assertFalse(Files.exists(out) || Files.exists(tmp.resolve("model.training")), "nothing written");
	}

	@Test
	void trainingRefusesAnEmptyModalityNamingTheFileBeforeAnythingIsWritten() throws IOException {
		Path data = copyCases("data", 2);
		Path flair;
		try (Stream<Path> files = Files.walk(data)) {
			flair = files.filter(f -> f.getFileName().toString().endsWith("_flair.nii.gz")).sorted().findFirst().orElseThrow();
		}
		NiftiReader reader = new NiftiReader();
		Volume v = reader.readVolume(flair);
		new NiftiWriter().writeVolume(Volume.of(v.geometry(), "flair", new float[(int) v.geometry().voxelCount()]),
			reader.readHeader(flair), flair);
		Path out = tmp.resolve("model");
		CliTest.assertOneLineError(CliTest.run(train(data, out, "--validation-fraction", "0")), 1, flair.toString(),
			"the flair image is empty (every voxel is 0)");
		assertFalse(Files.exists(out) || Files.exists(tmp.resolve("model.training")), "nothing written");
	}

	@Test
	void manifestWithByteOrderMarkAndQuotedPathsIsReadAndAMissingFileNamesItsLine() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("my cases"), "p1", NX, NY, NZ, 1);
		StringBuilder csv = new StringBuilder("\uFEFFcase_id,modality,path\r\n");
		csv.append("p1,t1,\"my cases/p1/p1_t1.nii.gz\"\r\n");
		csv.append("\"p1\",\"t1ce\",'my cases/p1/p1_t1ce.nii.gz'\r\n");
		csv.append("p1,t2,\"").append(caseDir.resolve("p1_t2.nii.gz")).append("\"\r\n");
		csv.append("p1,flair,my cases/p1/p1_flair.nii.gz\r\n");
		Path manifest = tmp.resolve("cases.csv");
		Files.writeString(manifest, csv, StandardCharsets.UTF_8);
		Path out = tmp.resolve("seg.nii.gz");
		CliTest.Outcome o = CliTest.run("segment", "--model", model.toString(), "--input", manifest.toString(), "--output",
			out.toString(), "--device", "cpu");
		assertEquals(0, o.status(), o.err());
		assertArrayEquals(new int[] { NX, NY, NZ }, new NiftiReader().readLabels(out).geometry().dims());

		Files.writeString(manifest, csv.toString().replace("p1_t1ce.nii.gz", "p1_t1c.nii.gz"), StandardCharsets.UTF_8);
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", manifest.toString(), "--output",
			tmp.resolve("seg2.nii.gz").toString(), "--device", "cpu"), 1, manifest.toString(), "line 3",
			"no such file my cases/p1/p1_t1c.nii.gz");
		CliTest.assertOneLineError(CliTest.run("batch", "--manifest", manifest.toString(), "--model", model.toString(), "--out",
			tmp.resolve("out").toString(), "--device", "cpu"), 1, "line 3", "p1_t1c.nii.gz");
	}

	@Test
	void aMissingCaseFolderIsNamedAsSuch() throws IOException {
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path missing = tmp.resolve("BraTS_404");
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", missing.toString(), "--output",
			tmp.resolve("seg.nii.gz").toString(), "--device", "cpu"), 1, missing + ": no such folder");
	}

	@Test
	void a4dImageGivenAsOneModalitySaysSo() throws IOException {
		References.requireNibabel();
		Path model = TinyModels.teacherAndStudent(tmp.resolve("models")).resolve("teacher");
		Path caseDir = TinyModels.noisyCase(tmp.resolve("cases"), "p1", NX, NY, NZ, 1);
		Path t2 = caseDir.resolve("p1_t2.nii.gz");
		// Written by nibabel, so the file is a 4D image by an independent writer's account.
		References.Run py = References.run(List.of(References.PYTHON.toString(), "-c",
			"import sys, numpy as np, nibabel as nib; rng = np.random.default_rng(1); "
				+ "nib.Nifti1Image(rng.normal(100, 20, (" + NX + "," + NY + "," + NZ + ",2)).astype(np.float32), np.eye(4))"
				+ ".to_filename(sys.argv[1])",
			t2.toString()));
		assertEquals(0, py.exitCode(), py.stderr());
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output",
			tmp.resolve("seg.nii.gz").toString(), "--device", "cpu"), 1, t2 + ": holds 2 volumes (4D); give one 3D image per modality");
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input",
			"t1=" + caseDir.resolve("p1_t1.nii.gz") + ",t1ce=" + caseDir.resolve("p1_t1ce.nii.gz") + ",t2=" + t2 + ",flair="
				+ caseDir.resolve("p1_flair.nii.gz"), "--output", tmp.resolve("seg.nii.gz").toString(), "--device", "cpu"),
			1, "holds 2 volumes (4D)");
	}
}

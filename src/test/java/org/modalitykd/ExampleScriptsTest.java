/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.scijava.ModalityKDService;
import org.scijava.Context;
import org.modalitykd.volume.Volume;
import org.python.util.PythonInterpreter;

/**
 * The Jython examples shipped in scripts/examples run against the real API. The
 * {@code #@} lines are SciJava parameters; here they are set as plain variables.
 */
class ExampleScriptsTest {

	@TempDir
	Path tmp;

	private Path writeCase(Path root, String id) throws IOException {
		Path dir = Files.createDirectories(root.resolve(id));
		Geometry g = Geometry.axisAligned(4, 3, 2, 1, 1, 1);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1);
		float[] ramp = new float[24];
		for (int i = 0; i < ramp.length; i++) {
			ramp[i] = i; // not constant: a constant image is refused as unusable
		}
		for (String m : new String[] { "t1", "t1ce", "t2", "flair" }) {
			new NiftiWriter().writeVolume(Volume.of(g, m, ramp), h, dir.resolve(id + "_" + m + ".nii.gz"));
		}
		return dir;
	}

	/** Runs Jython {@code code} with {@code variables} set, as SciJava sets the #@ parameters; returns what it printed. */
	private static String runJython(String code, Map<String, ?> variables) {
		StringWriter out = new StringWriter();
		try (PythonInterpreter py = new PythonInterpreter()) {
			py.setOut(out);
			variables.forEach((name, value) -> py.set(name, value));
			py.exec(code);
		}
		return out.toString();
	}

	/** Runs scripts/examples/{@code script}; returns what it printed. */
	private static String runExample(String script, Map<String, ?> variables) throws IOException {
		return runJython(Files.readString(Path.of("scripts/examples", script)), variables);
	}

	/** As {@link #runExample}, with {@code kd}, the script's #@ ModalityKDService, from a SciJava context of its own. */
	private static String runExampleWithService(String script, Map<String, ?> variables) throws IOException {
		try (Context context = new Context(ModalityKDService.class)) {
			Map<String, Object> all = new LinkedHashMap<>(variables);
			all.put("kd", context.getService(ModalityKDService.class));
			return runExample(script, all);
		}
	}

	@Test
	void batchStatsListsEveryCase() throws IOException {
		writeCase(tmp, "BraTS_A");
		writeCase(tmp, "BraTS_B");
		String out = runExample("batch_stats.py", Map.of("root", tmp.toFile()));
		assertTrue(out.contains("BraTS_A\tt1,t1ce,t2,flair\tok"), out);
		assertTrue(out.contains("BraTS_B\t"), out);
	}

	@Test
	void evaluateFolderUsesTheServiceAndWritesTheReport() throws IOException {
		Path ref = writeCase(tmp, "BraTS_D");
		Geometry g = Geometry.axisAligned(4, 3, 2, 1, 1, 1);
		byte[] seg = new byte[24];
		seg[0] = 2;
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1);
		new NiftiWriter().writeLabels(new LabelVolume(g, seg), h, ref.resolve("BraTS_D_seg.nii.gz"));
		Path pred = Files.createDirectories(tmp.resolve("pred"));
		new NiftiWriter().writeLabels(new LabelVolume(g, seg), h, pred.resolve("BraTS_D.nii.gz"));
		Path csv = tmp.resolve("report.csv");
		String out = runExampleWithService("evaluate_folder.py",
			Map.of("predictions", pred.toFile(), "references", tmp.toFile(), "report_csv", csv.toFile()));
		assertTrue(out.contains("WT mean Dice 1.0000 over 1 cases"), out);
		assertTrue(out.contains("ET mean Dice 1.0000"), "both empty counts as 1: " + out);
		assertTrue(Files.readString(csv).contains("BraTS_D,WT,1.00000"));
	}

	@Test
	void openCaseLoadsTheRequestedModalities() throws IOException {
		File dir = writeCase(tmp, "BraTS_C").toFile();
		String out = runExample("open_case.py", Map.of("case_path", dir, "modalities", "flair,t1"));
		assertTrue(out.contains("BraTS_C: [u'flair', u't1'], 4x3x2 @ 1.000x1.000x1.000 mm")
			|| out.contains("BraTS_C: ['flair', 't1'], 4x3x2"), out);
	}

	@Test
	void batchSegmentWritesLabelsAndVolumes() throws IOException {
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path cases = Files.createDirectories(tmp.resolve("cases"));
		TinyModels.noisyCase(cases, "BraTS_E", 20, 18, 10, 1);
		Path t1only = TinyModels.noisyCase(cases, "BraTS_F", 20, 18, 10, 2);
		for (String m : new String[] { "t1ce", "t2", "flair" }) {
			Files.delete(t1only.resolve("BraTS_F_" + m + ".nii.gz"));
		}
		Path out = Files.createDirectories(tmp.resolve("out"));
		String text = runExampleWithService("batch_segment.py",
			Map.of("cases_dir", cases.toFile(), "models", models.toFile(), "out_dir", out.toFile()));
		assertTrue(text.contains("BraTS_E: teacher -> WT ") && text.contains("BraTS_F: student_t1 -> WT "), text);
		assertTrue(text.contains("2 cases segmented"), text);
		assertTrue(Files.isRegularFile(out.resolve("BraTS_E.nii.gz")) && Files.isRegularFile(out.resolve("BraTS_F.nii.gz")));
		java.util.List<String> csv = Files.readAllLines(out.resolve("volumes.csv"));
		assertEquals("case_id,model,wt_ml,tc_ml,et_ml", csv.get(0));
		LabelVolume e = new org.modalitykd.io.NiftiReader().readLabels(out.resolve("BraTS_E.nii.gz"));
		assertEquals(String.format(java.util.Locale.ROOT, "BraTS_E,teacher,%.3f", org.modalitykd.eval.TumourVolumes.of(e).get("WT")),
			csv.get(1).substring(0, csv.get(1).indexOf(',', "BraTS_E,teacher,".length())));
	}

	@Test
	void segmentImageUsesTheFluentApiOnAnImagePlus() throws IOException {
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path dir = TinyModels.noisyCase(tmp, "BraTS_G", 20, 18, 10, 3);
		String text = runExample("segment_image.py",
			Map.of("case_dir", dir.toFile(), "models", models.toFile(), "model", "auto", "device", "cpu", "tta", Boolean.FALSE));
		LabelVolume expected = org.modalitykd.app.ModalityKD.segment(new org.modalitykd.io.CaseLoader().load(dir, null).images())
			.models(models).device("cpu").run().labels();
		java.util.Map<String, Double> v = org.modalitykd.eval.TumourVolumes.of(expected);
		assertTrue(text.startsWith("BraTS_G: teacher (using teacher: teacher (t1, t1ce, t2, flair), the best model for "),
			text);
		// Python rounds the exact binary value: 2.605 is 2.60499..., so "2.60".
		java.util.function.Function<String, String> mL = k -> new java.math.BigDecimal(v.get(k))
			.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
		assertTrue(text.contains("WT " + mL.apply("WT") + " mL, TC " + mL.apply("TC") + " mL, ET " + mL.apply("ET") + " mL"),
			text + " expected " + v);
		assertTrue(java.util.regex.Pattern.compile("model sha256 [0-9a-f]{64}").matcher(text).find(), text);
	}

	/** The first Jython block of docs/fiji.md's fluent API section, as the page shows it. */
	@Test
	void theFluentExampleOfTheFijiPageRuns() throws IOException {
		String page = Files.readString(Path.of("docs/fiji.md"));
		int section = page.indexOf("Segmentation has a fluent API");
		int start = page.indexOf("```python\n", section) + "```python\n".length();
		String script = page.substring(start, page.indexOf("```", start));
		Path models = TinyModels.teacherAndStudent(tmp.resolve("models"));
		Path dir = TinyModels.noisyCase(tmp, "BraTS_H", 20, 18, 10, 5);
		Path out = tmp.resolve("BraTS_H-labels.nii.gz");
		String printed = runJython(script, Map.of("case_dir", dir.toFile(), "models", models.toFile(), "out_file", out.toFile()));
		assertTrue(printed.startsWith("teacher: using teacher: "), printed);
		double wt = org.modalitykd.eval.TumourVolumes.of(new org.modalitykd.io.NiftiReader().readLabels(out)).get("WT");
		// As Python rounds: the exact binary value, half to even.
		assertTrue(printed.contains("WT " + new java.math.BigDecimal(wt).setScale(1,
			java.math.RoundingMode.HALF_EVEN).toPlainString() + " mL"), printed);
		assertTrue(Files.isRegularFile(out));
	}

	@Test
	void trainAndDistillWritesATeacherAndAStudent() throws IOException {
		Path out = Files.createDirectories(tmp.resolve("models"));
		String text = runExampleWithService("train_and_distill.py", Map.of("data_dir",
			org.modalitykd.train.TrainingFixtures.syntheticCases().toFile(), "out_dir", out.toFile(), "modality", "flair",
			"steps", 2, "patch_size", 16, "levels", 3, "base_filters", 4));
		assertTrue(text.contains("step 2/2 loss ") && text.contains("validation at step 2: Dice WT "), text);
		assertTrue(text.contains("teacher: 2 steps") && text.contains("student: 2 steps"), text);
		assertEquals(org.modalitykd.net.ModelRole.TEACHER,
			org.modalitykd.net.ModelBundle.readCard(out.resolve("teacher")).role());
		org.modalitykd.net.ModelCard student = org.modalitykd.net.ModelBundle.readCard(out.resolve("student-flair"));
		assertEquals(org.modalitykd.net.ModelRole.STUDENT, student.role());
		assertEquals("protokd", student.provenance().method());
	}
}

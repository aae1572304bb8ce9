/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.Weights;
import org.modalitykd.volume.LabelVolume;

/** The main job's command on generated cases and two untrained models. */
class CompareCommandTest {

	@TempDir
	Path tmp;

	private static int run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = ModalityKdCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		assertEquals(0, status, err.toString());
		return status;
	}

	private void bundle(Path dir, ModelRole role, List<String> modalities) throws IOException {
		bundle(dir, role, modalities, "test", 3);
	}

	private void bundle(Path dir, ModelRole role, List<String> modalities, String method, long weightSeed)
		throws IOException {
		UNetConfig config = UNetConfig.defaults(modalities.size(), 4).withLevels(3).withBaseFilters(4);
		Weights w = TinyModels.untrainedWeights(config, weightSeed);
		ModelBundle.save(dir, new ModelCard(ModelCard.FORMAT_VERSION, role, modalities, ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO),
			new int[] { 16, 16, 16 }, new double[] { 4, 4, 4 }, config,
			new ModelCard.Provenance(method, Map.of(), "synthetic", 1, 0, Map.of(), "2026-01-01T00:00:00Z"), Map.of()), w);
	}

	@Test
	void segmentsEveryCaseWithEveryModelAndWritesReportSummaryAndPicture() throws IOException {
		Path cases = tmp.resolve("cases");
		run("synth", "--out", cases.toString(), "--cases", "2", "--seed", "3", "--spacing", "4", "--anatomy", "parametric");
		Path models = Files.createDirectories(tmp.resolve("models"));
		bundle(models.resolve("teacher"), ModelRole.TEACHER, Modalities.BRATS);
		bundle(models.resolve("student-t1ce"), ModelRole.STUDENT, List.of("t1ce"));
		Path out = tmp.resolve("out");
		run("compare", "--models", models.toString(), "--cases", cases.toString(), "--out", out.toString());

		List<String> csv = Files.readAllLines(out.resolve("report.csv"));
		assertEquals("model,case_id,region,dice,hd95_mm,sensitivity,specificity,ref_volume_ml,pred_volume_ml", csv.get(0));
		assertEquals(1 + 2 * (2 * 3 + 3 * 3), csv.size(), "two models x (two cases x three regions + nine summary rows)");
		String summary = Files.readString(out.resolve("summary.md"));
		assertTrue(summary.contains("| teacher | teacher | t1, t1ce, t2, flair |"), summary);
		assertTrue(summary.contains("| student-t1ce | student | t1ce |"), summary);
		for (String model : new String[] { "teacher", "student-t1ce" }) {
			for (String id : new String[] { "synth_0001", "synth_0002" }) {
				LabelVolume labels = new NiftiReader().readLabels(out.resolve(model).resolve(id + ".nii.gz"));
				LabelVolume reference = new NiftiReader().readLabels(cases.resolve(id).resolve(id + "_seg.nii.gz"));
				assertTrue(labels.geometry().sameGrid(reference.geometry(), 1e-6), model + " " + id + " on the case grid");
			}
		}
		BufferedImage picture = ImageIO.read(out.resolve("overlay.png").toFile());
		assertTrue(picture.getWidth() > 3 * 16 * 3, "three panels: reference, teacher, student");
		assertTrue(!summary.contains("against their baselines"), "no baseline, no comparison: " + summary);
	}

	@Test
	void eachDistilledStudentIsComparedCaseByCaseWithItsBaseline() throws IOException {
		Path cases = tmp.resolve("cases");
		run("synth", "--out", cases.toString(), "--cases", "2", "--seed", "3", "--spacing", "4", "--anatomy", "parametric");
		Path models = Files.createDirectories(tmp.resolve("models"));
		bundle(models.resolve("student-t2"), ModelRole.STUDENT, List.of("t2"), "protokd", 3);
		bundle(models.resolve("baseline-t2"), ModelRole.BASELINE, List.of("t2"), "supervised", 5);
		bundle(models.resolve("baseline-flair"), ModelRole.BASELINE, List.of("flair"), "supervised", 7);
		Path out = tmp.resolve("out");
		run("compare", "--models", models.toString(), "--cases", cases.toString(), "--out", out.toString());

		// The expected row, from report.csv's per-case Dice: mean over WT, TC, ET per case,
		// student minus baseline, averaged over the two cases.
		Map<String, double[]> meanDice = new java.util.HashMap<>();
		List<String> csv = Files.readAllLines(out.resolve("report.csv"));
		for (String line : csv.subList(1, csv.size())) {
			String[] f = line.split(",", -1);
			if (f[1].startsWith("synth_")) {
				double[] byCase = meanDice.computeIfAbsent(f[0], k -> new double[2]);
				byCase[Integer.parseInt(f[1].substring(6)) - 1] += Double.parseDouble(f[3]) / 3;
			}
		}
		double[] s = meanDice.get("student-t2");
		double[] b = meanDice.get("baseline-t2");
		assertTrue(s[0] != b[0] || s[1] != b[1], "the two untrained networks differ, so the pairing is seen");
		double difference = ((s[0] - b[0]) + (s[1] - b[1])) / 2;
		int better = (s[0] > b[0] ? 1 : 0) + (s[1] > b[1] ? 1 : 0);
		String summary = Files.readString(out.resolve("summary.md"));
		String row = String.format(java.util.Locale.ROOT, "| student-t2 | baseline-t2 | %.3f | %.3f | %+.3f | %d of 2 |",
			(s[0] + s[1]) / 2, (b[0] + b[1]) / 2, difference, better);
		assertTrue(summary.contains("## Students against their baselines"), summary);
		assertTrue(summary.contains(row), row + " in\n" + summary);
		// The models in the order of the pictures: grouped by modalities, each student before its baseline.
		assertTrue(summary.indexOf("| baseline-flair | baseline") < summary.indexOf("| student-t2 | student")
			&& summary.indexOf("| student-t2 | student") < summary.indexOf("| baseline-t2 | baseline"), summary);
		String pairs = summary.substring(summary.indexOf("## Students against their baselines"));
		assertTrue(!pairs.contains("baseline-flair"), "a baseline without a student is in no pair: " + summary);
	}
}

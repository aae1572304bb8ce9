/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingOption;

/**
 * The sweep: its points differ from their reference in one setting, its verdict pairs by
 * seed and modality (checked by hand), and a record made with other settings is refused
 * instead of mixed in.
 */
class SweepReportTest {

	@Test
	void pointsAreNamedOnceAndEachReferenceExists() {
		List<SweepPoints.Point> points = SweepPoints.all();
		Set<String> names = points.stream().map(SweepPoints.Point::name).collect(Collectors.toSet());
		assertEquals(points.size(), names.size());
		for (SweepPoints.Point p : points) {
			SweepPoints.Point ref = SweepPoints.referenceOf(p);
			if (ref != null) {
				assertEquals(p.method(), ref.method(), p.name());
				assertNull(ref.reference(), "a reference is compared with nothing: " + ref.name());
			}
		}
		// The KD weight spans at least 0.05 to 1 around the reference 0.1 (issue 15).
		assertTrue(points.stream().anyMatch(p -> p.method() == TrainingMethod.KD_NET && p.distillation().weight() == 1.0));
		assertTrue(points.stream().anyMatch(p -> p.method() == TrainingMethod.KD_NET && p.distillation().weight() < 0.05));
		ExperimentDesign design = new ExperimentDesign(ExperimentPlan.sweep());
		// A teacher, and every point on T1ce and on T2.
		assertEquals(1 + 2 * points.size(), design.trainings().size());
	}

	@Test
	void differencesArePairedBySeedAndModality(@TempDir Path dir) throws IOException {
		ExperimentPlan plan = ExperimentPlan.sweep();
		ExperimentRecords records = ExperimentRecords.open(dir);
		// Reference KD-Net: WT 0.5 everywhere. kd_weight 0.3: +0.1 (t1ce seed 1), +0.3 (t1ce
		// seed 2), +0.2 (t2 seed 1), +0.2 (t2 seed 2). TC = ET = WT.
		double[][] up = { { 0.1, 0.3 }, { 0.2, 0.2 } };
		List<String> modalities = List.of("t1ce", "t2");
		for (int m = 0; m < 2; m++) {
			for (int s = 0; s < 2; s++) {
				add(records, s + 1, modalities.get(m) + " KD-Net reference", modalities.get(m) + "-kdnet", 0.5);
				add(records, s + 1, modalities.get(m) + " KD-Net kd_weight 0.3", modalities.get(m) + "-kdnet-kd0.3",
					0.5 + up[m][s]);
			}
		}
		SweepReport report = new SweepReport(plan, ExperimentRecords.open(dir));
		SweepReport.Line line = report.lines().stream().filter(l -> l.point().name().equals("kdnet-kd0.3")).findFirst()
			.orElseThrow();
		PairedDifference d = line.difference()[3];
		// Differences 0.1, 0.3, 0.2, 0.2: mean 0.2, sd sqrt(0.02 / 3), half-width t(0.975, 3) = 3.1824 times sd / 2.
		assertEquals(4, d.pairs());
		assertEquals(0.2, d.mean(), 1e-9);
		assertEquals(0.2 - 3.1824 * Math.sqrt(0.02 / 3) / 2, d.low(), 1e-4);
		assertTrue(d.significant());
		assertEquals(0.7, line.mean()[3], 1e-9);
		String md = report.markdown(plan);
		assertTrue(md.contains("| KD-Net kd_weight 0.3 | 0.700 | KD-Net reference | 4 | +0.200 ["), md);
		report.writeCsv(dir);
		assertTrue(Files.readString(dir.resolve("sweep.csv")).contains("kdnet-kd0.3,kdnet,4,0.700000,0.200000"));
	}

	@Test
	void theWinnerOfAFactorIsItsBestPointOrTheReference(@TempDir Path dir) throws IOException {
		ExperimentPlan plan = ExperimentPlan.sweep();
		ExperimentRecords records = ExperimentRecords.open(dir);
		// KD-Net reference 0.5; kd_weight 0.03: 0.45, 0.3: 0.58, 1: 0.55 (so 0.3 wins the
		// weight); T 2: 0.47 (so the reference's T stays); without T^2: 0.488, a gain of +0.003
		// after the wobble, below MIN_GAIN (so T^2 stays).
		String[][] points = { { "KD-Net reference", "kdnet" }, { "KD-Net kd_weight 0.03", "kdnet-kd0.03" },
			{ "KD-Net kd_weight 0.3", "kdnet-kd0.3" }, { "KD-Net kd_weight 1", "kdnet-kd1" }, { "KD-Net T 2", "kdnet-t2" },
			{ "KD-Net without T^2", "kdnet-nosq" } };
		double[] dice = { 0.5, 0.45, 0.58, 0.55, 0.47, 0.488 };
		for (String m : List.of("t1ce", "t2")) {
			for (int s = 1; s <= 2; s++) {
				for (int i = 0; i < points.length; i++) {
					// A small seed-dependent wobble keeps the paired differences' spread above 0.
					add(records, s, m + " " + points[i][0], m + "-" + points[i][1], dice[i] + (i == 0 ? 0 : 0.01 * s));
				}
			}
		}
		SweepReport report = new SweepReport(plan, ExperimentRecords.open(dir));
		List<SweepReport.Winner> winners = report.winners();
		assertEquals(3, winners.size(), winners.toString());
		SweepReport.Winner weight = winners.get(0);
		assertEquals(TrainingMethod.KD_NET, weight.method());
		assertEquals(TrainingOption.KD_WEIGHT, weight.factor());
		assertEquals(3, weight.tried());
		assertEquals("kdnet-kd0.3", weight.best().point().name());
		// 0.58 + 0.01 s - 0.5 over s = 1, 2: mean +0.095.
		assertEquals(0.095, weight.best().difference()[3].mean(), 1e-9);
		SweepReport.Winner temperature = winners.get(1);
		assertEquals(TrainingOption.TEMPERATURE, temperature.factor());
		assertTrue(temperature.referenceStays(), "T 2 is below the reference");
		SweepReport.Winner squared = winners.get(2);
		assertEquals(TrainingOption.TEMPERATURE_SQUARED, squared.factor());
		assertEquals(0.003, report.lines().stream().filter(l -> l.point().name().equals("kdnet-nosq")).findFirst()
			.orElseThrow().difference()[3].mean(), 1e-9);
		assertTrue(squared.referenceStays(), "+0.003 is within the margin");
		String md = report.markdown(plan);
		assertTrue(md.contains("| kd-net | kd_weight | 3 | KD-Net kd_weight 0.3 | +0.095 ["), md);
		assertTrue(md.contains("| kd-net | temperature | 1 | KD-Net reference | 0 (reference) | - |"), md);
	}

	@Test
	void aRecordFromOtherSettingsIsRefusedNotMixedIn(@TempDir Path dir) throws IOException {
		ExperimentPlan plan = ExperimentPlan.quickSweep();
		Path records = dir.resolve("records");
		ExperimentRecords r = ExperimentRecords.open(Files.createDirectories(records));
		r.add(new TrainingRecord(1, "teacher", 30, 1, 1, 1, 0.5, false, "000000000000", "test"),
			List.of(new CaseScore(1, "teacher (all four)", "validation_0001", 0.5, 0.5, 0.5)));
		ExperimentRunner runner = new ExperimentRunner(plan, dir.resolve("work"), records, "test", SessionOptions.cpu(),
			line -> {
			});
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, runner::run);
		assertTrue(e.getMessage().contains("records teacher of seed 1 with other settings (000000000000"), e.getMessage());
		assertTrue(!Files.exists(dir.resolve("work").resolve("seed-1").resolve("teacher")), "nothing was trained");
	}

	private static void add(ExperimentRecords records, long seed, String row, String training, double dice)
		throws IOException {
		records.add(new TrainingRecord(seed, training, 10, 1, 1, 1, 0.5, false, "0123456789ab", "test"),
			List.of(new CaseScore(seed, row, "validation_0001", dice, dice, dice),
				new CaseScore(seed, row, "validation_0002", dice, dice, dice)));
	}
}

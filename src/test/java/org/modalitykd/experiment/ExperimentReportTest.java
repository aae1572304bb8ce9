/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReportTest {

	private final ExperimentPlan plan = ExperimentPlan.quick();
	private final ExperimentDesign design = new ExperimentDesign(plan);

	@Test
	void designFollowsTableOne() {
		// A teacher, three students for each of four modalities, three ablations and the
		// nnU-Net-augmented baseline on T1ce, and the unpaired network with one "alone" network
		// per modality: 20 trainings, 21 rows (the unpaired one twice).
		assertEquals(20, design.trainings().size());
		assertEquals(21, design.rows().size());
		assertEquals("t1ce baseline", design.row("t1ce baseline with nnU-Net augmentation").baseline());
		assertEquals(org.modalitykd.data.AugmentationLevel.NNUNET,
			design.row("t1ce baseline with nnU-Net augmentation").training().augmentation());
		assertEquals("teacher", design.trainings().get(0).name());
		assertEquals("t1ce baseline", design.row("t1ce ProtoKD").baseline());
		// ProtoKD's default has no prototype term: its ablation adds the term at the official
		// beta; the pixel KL's removes the KL from that.
		assertEquals(0.0, org.modalitykd.train.ProtoKdLosses.DEFAULT_BETA);
		assertEquals("t1ce ProtoKD", design.row("t1ce ProtoKD with prototype term").baseline());
		assertEquals(0.1, design.row("t1ce ProtoKD with prototype term").training().distillation().prototypeWeight());
		assertEquals(null, design.row("t1ce ProtoKD with prototype term").training().distillation().weight());
		assertEquals("t1ce ProtoKD with prototype term",
			design.row("t1ce ProtoKD prototype term without pixel KL").baseline());
		assertEquals(0.0, design.row("t1ce ProtoKD prototype term without pixel KL").training().distillation().weight());
		assertEquals(0.1,
			design.row("t1ce ProtoKD prototype term without pixel KL").training().distillation().prototypeWeight());
		assertEquals(0.0, design.row("t1ce KD-Net without latent term").training().distillation().featureWeight());
		assertEquals("t1ce KD-Net", design.row("t1ce KD-Net without latent term").baseline());
		// Ablations are also judged against the baseline; the full methods have only that.
		assertEquals("t1ce baseline", design.row("t1ce KD-Net without latent term").reference());
		assertEquals("t1ce baseline", design.row("t1ce ProtoKD prototype term without pixel KL").reference());
		assertEquals("t1ce baseline", design.row("t1ce ProtoKD with prototype term").reference());
		assertEquals(null, design.row("t1ce ProtoKD").reference());
		assertEquals(null, design.row("t1ce baseline with nnU-Net augmentation").reference());
		assertEquals("t2 alone (half)", design.row("t2 unpaired").baseline());
		assertEquals("t2", design.row("t2 unpaired").modality());
		assertEquals(2, design.rowsOf(design.row("t1 unpaired").training()).size());
	}

	@Test
	void meansStdsAndPairedDifferencesByHand(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		// Baseline: WT 0.5 on case a, 0.7 on case b, both seeds. ProtoKD: +0.1 / +0.2 in seed
		// 1 and +0.3 / +0.2 in seed 2 (TC and ET: WT / 2).
		add(records, 1, "t1ce baseline", "t1ce-baseline", 0.5, 0.7);
		add(records, 2, "t1ce baseline", "t1ce-baseline", 0.5, 0.7);
		add(records, 1, "t1ce ProtoKD", "t1ce-protokd", 0.6, 0.9);
		add(records, 2, "t1ce ProtoKD", "t1ce-protokd", 0.8, 0.9);
		ExperimentReport report = new ExperimentReport(design, ExperimentRecords.open(dir));

		ExperimentReport.RowSummary proto = report.rows().stream().filter(r -> r.row().label().equals("t1ce ProtoKD"))
			.findFirst().orElseThrow();
		// Seed means 0.75 and 0.85: mean 0.8, sample std 0.1 / sqrt(2); the 95 % interval over
		// the 2 seeds is 0.8 +- t(0.975, 1) * 0.05 = 0.8 +- 12.7062 * 0.05.
		assertEquals(0.8, proto.mean()[0], 1e-9);
		assertEquals(0.1 / Math.sqrt(2), proto.std()[0], 1e-9);
		assertEquals(0.8 - 12.7062 * 0.05, proto.low()[0], 1e-4);
		assertEquals(0.8 + 12.7062 * 0.05, proto.high()[0], 1e-4);
		assertEquals(0.4, proto.mean()[1], 1e-9);
		// The mean of WT, TC, ET = WT / 2 + 2 WT / 3 ... per case (a, a/2, a/2): 2a/3.
		assertEquals(0.8 * 2 / 3, proto.mean()[3], 1e-9);
		assertEquals(2, proto.seeds());

		ExperimentReport.Comparison c = report.comparisons().get(0);
		// Per case, averaged over seeds: a +0.2, b +0.2; no spread, so the interval is a point.
		PairedDifference wt = c.byCase()[0];
		assertEquals(0.2, wt.mean(), 1e-9);
		assertEquals(0.2, wt.low(), 1e-9);
		assertEquals(2, wt.pairs());
		assertEquals(0.1, c.byCase()[1].mean(), 1e-9);
		// Per seed: +0.15 (0.75 - 0.6) and +0.25 (0.85 - 0.6): mean 0.2, sd 0.1 / sqrt(2),
		// interval 0.2 +- 12.7062 * 0.05, which holds 0: the seeds do not carry the case-wise "win".
		PairedDifference seeds = c.bySeed()[0];
		assertEquals(2, seeds.pairs());
		assertEquals(0.2, seeds.mean(), 1e-9);
		assertEquals(0.2 - 12.7062 * 0.05, seeds.low(), 1e-4);
		assertTrue(!seeds.significant());
		assertEquals(0.2 * 2 / 3, c.bySeed()[3].mean(), 1e-9);

		String md = report.markdown(plan);
		assertTrue(md.contains("| t1ce ProtoKD | 2 | 0.800 [0.165, 1.435]"), md);
		assertTrue(md.contains("| t1ce ProtoKD | t1ce baseline | 2 | +0.200 [-0.435, +0.835] |"), md);
		assertTrue(md.contains("| t1ce ProtoKD | t1ce baseline | 2 | +0.200 [+0.200, +0.200] *"), md);
		report.writeCsv(dir);
		assertEquals(3, Files.readAllLines(dir.resolve("summary.csv")).size());
		// One line per comparison and unit (seed, case), after the header.
		assertEquals(3, Files.readAllLines(dir.resolve("differences.csv")).size());
	}

	@Test
	void anAblationIsComparedWithItsMethodAndWithTheBaseline(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		// WT per case (a, b): baseline 0.5 / 0.7 and KD-Net 0.6 / 0.8 in both seeds; KD-Net
		// without its latent term 0.7 / 0.9 in seed 1, 0.5 / 0.7 in seed 2.
		for (long seed = 1; seed <= 2; seed++) {
			add(records, seed, "t1ce baseline", "t1ce-baseline", 0.5, 0.7);
			add(records, seed, "t1ce KD-Net", "t1ce-kdnet", 0.6, 0.8);
		}
		add(records, 1, "t1ce KD-Net without latent term", "t1ce-kdnet-nolatent", 0.7, 0.9);
		add(records, 2, "t1ce KD-Net without latent term", "t1ce-kdnet-nolatent", 0.5, 0.7);
		ExperimentReport report = new ExperimentReport(design, ExperimentRecords.open(dir));

		List<ExperimentReport.Comparison> ablation = report.comparisons().stream()
			.filter(c -> c.row().label().equals("t1ce KD-Net without latent term")).toList();
		assertEquals(List.of("t1ce KD-Net", "t1ce baseline"), ablation.stream().map(c -> c.baseline().label()).toList());
		// Seed means 0.8 and 0.6. Against KD-Net (0.7 in both seeds): +0.1 and -0.1, mean 0.
		assertEquals(0.0, ablation.get(0).bySeed()[0].mean(), 1e-9);
		// Against the baseline (0.6 in both): +0.2 and 0, mean 0.1, sd 0.1 sqrt(2), standard
		// error 0.1: the interval is 0.1 +- t(0.975, 1) * 0.1 = 0.1 +- 1.27062.
		PairedDifference vsBaseline = ablation.get(1).bySeed()[0];
		assertEquals(0.1, vsBaseline.mean(), 1e-9);
		assertEquals(0.1 - 1.27062, vsBaseline.low(), 1e-4);
		assertEquals(0.1 + 1.27062, vsBaseline.high(), 1e-4);
		// The full method is compared with the baseline only.
		assertEquals(1, report.comparisons().stream().filter(c -> c.row().label().equals("t1ce KD-Net")).count());

		String md = report.markdown(plan);
		assertTrue(md.contains("| t1ce KD-Net without latent term | t1ce baseline | 2 | +0.100 [-1.171, +1.371] |"), md);
		report.writeCsv(dir);
		// Three comparisons, each paired by seed and by case, after the header.
		assertEquals(7, Files.readAllLines(dir.resolve("differences.csv")).size());
	}

	@Test
	void aPartOfTheDesignReportsWhatItHasAndLeavesOutComparisonsWithRowsItLacks(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		for (long seed = 1; seed <= 2; seed++) {
			add(records, seed, "t1ce baseline", "t1ce-baseline", 0.5, 0.7);
			add(records, seed, "t1ce KD-Net", "t1ce-kdnet", 0.6, 0.8);
			add(records, seed, "t1ce KD-Net without latent term", "t1ce-kdnet-nolatent", 0.7, 0.9);
		}
		// The ablation alone (as experiment --trainings t1ce-kdnet-nolatent runs it): its full
		// method and the baseline are not rows of this part.
		ExperimentDesign part = design.only(List.of("t1ce-kdnet-nolatent"));
		assertTrue(part.findRow("t1ce baseline").isEmpty());
		ExperimentReport report = new ExperimentReport(part, ExperimentRecords.open(dir));

		assertEquals(List.of("t1ce KD-Net without latent term"), report.rows().stream().map(r -> r.row().label()).toList());
		assertEquals(0.8, report.rows().get(0).mean()[0], 1e-9);
		assertTrue(report.comparisons().isEmpty());
		// With the KD-Net row in the part, the ablation is compared with it (and still not
		// with the baseline): 0.8 against 0.7 in both seeds.
		ExperimentReport withMethod = new ExperimentReport(design.only(List.of("t1ce-kdnet", "t1ce-kdnet-nolatent")),
			ExperimentRecords.open(dir));
		List<ExperimentReport.Comparison> c = withMethod.comparisons();
		assertEquals(1, c.size());
		assertEquals("t1ce KD-Net", c.get(0).baseline().label());
		assertEquals(0.1, c.get(0).bySeed()[0].mean(), 1e-9);
	}

	@Test
	void recordsSurviveAReopenAndATornFileIsRefused(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		add(records, 3, "t1 baseline", "t1-baseline", 0.25, 0.5);
		ExperimentRecords again = ExperimentRecords.open(dir);
		assertTrue(again.done(3, "t1-baseline"));
		assertEquals(records.scores(), again.scores());
		assertEquals(records.trainings(), again.trainings());
		Files.writeString(dir.resolve(ExperimentRecords.DICE_FILE), "seed,row,case,dice_wt,dice_tc,dice_et\n1,x,y,0.5\n");
		IOException e = assertThrows(IOException.class, () -> ExperimentRecords.open(dir));
		assertTrue(e.getMessage().contains("4 fields instead of 6"), e.getMessage());
	}

	@Test
	void costIsTheMedianOverSeedsSoThatAPausedRunDoesNotCount(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		// Three seeds of 1,000 steps: 100 s, 120 s, and one suspended for an hour (3,700 s).
		double[] seconds = { 100, 3700, 120 };
		for (int seed = 1; seed <= 3; seed++) {
			records.add(new TrainingRecord(seed, "t1ce-baseline", 1000, seconds[seed - 1], 100, 2048, 0.5, false,
				"0123456789ab", "test"), List.of(new CaseScore(seed, "t1ce baseline", "test_0001", 0.5, 0.5, 0.5)));
		}
		ExperimentReport.Cost cost = new ExperimentReport(design, ExperimentRecords.open(dir)).costs().get(0);
		assertEquals("t1ce-baseline", cost.training());
		assertEquals(3, cost.runs());
		// Sorted 100, 120, 3,700: the median is 120 s, 0.12 s per step (the mean would be 1,307 s).
		assertEquals(120, cost.medianSeconds(), 1e-9);
		assertEquals(0.12, cost.secondsPerStep(), 1e-12);
	}

	@Test
	void provenanceNamesEachCodeThatTrainedAndTheOneThatWroteTheTables(@TempDir Path dir) throws IOException {
		ExperimentRecords records = ExperimentRecords.open(dir);
		assertEquals("No trainings recorded yet; tables written by code new.",
			new ExperimentReport(design, records).provenance("new"));
		add(records, 1, "t1ce baseline", "t1ce-baseline", 0.5, 0.7);
		add(records, 2, "t1ce baseline", "t1ce-baseline", 0.5, 0.7);
		records.add(new TrainingRecord(1, "t1ce-protokd", 10, 1.5, 100, 2048, 0.5, false, "0123456789ab", "older"),
			List.of(new CaseScore(1, "t1ce ProtoKD", "case-a", 0.6, 0.3, 0.3)));
		assertEquals("Trained by code test (2 trainings), older (1 training); tables written by code new.",
			new ExperimentReport(design, ExperimentRecords.open(dir)).provenance("new"));
	}

	private static void add(ExperimentRecords records, long seed, String row, String training, double a, double b)
		throws IOException {
		List<CaseScore> scores = new ArrayList<>();
		scores.add(new CaseScore(seed, row, "case-a", a, a / 2, a / 2));
		scores.add(new CaseScore(seed, row, "case-b", b, b / 2, b / 2));
		records.add(new TrainingRecord(seed, training, 10, 1.5, 100, 2048, 0.5, false, "0123456789ab", "test"), scores);
	}
}

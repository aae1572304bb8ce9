/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;

/**
 * The question a distilled student must answer: is it better than the same network
 * trained on the same modality without a teacher? Each student (a model distilled from a
 * teacher) is paired with a baseline among the compared models (role {@code baseline}: the
 * same modalities, trained without a teacher), and compared case by case on mean Dice
 * (the mean of WT, TC and ET), so that a summary names the gain and how many cases carry it.
 */
public final class StudentsAgainstBaselines {

	/**
	 * One student and its baseline.
	 *
	 * @param student    the distilled student's run
	 * @param baseline   the baseline's run
	 * @param difference per case, the student's mean Dice minus the baseline's, in case order
	 */
	public record Pair(ModelComparison.ModelRun student, ModelComparison.ModelRun baseline, double[] difference) {

		/** The mean of the per-case differences. */
		public double meanDifference() {
			return Arrays.stream(difference).average().orElse(Double.NaN);
		}

		/** The cases on which the student scores higher. */
		public long casesBetter() {
			return Arrays.stream(difference).filter(d -> d > 0).count();
		}
	}

	private StudentsAgainstBaselines() {
	}

	/** The distilled students of {@code runs} that have a baseline among them, in the order of {@code runs}. */
	public static List<Pair> pairs(List<ModelComparison.ModelRun> runs) {
		List<Pair> pairs = new ArrayList<>();
		for (ModelComparison.ModelRun r : runs) {
			if (r.model().card().role() == ModelRole.STUDENT) {
				baselineOf(r, runs).ifPresent(b -> pairs.add(new Pair(r, b, differences(r.report(), b.report()))));
			}
		}
		return pairs;
	}

	/** The section of summary.md, or an empty string when no student has a baseline. */
	public static String markdown(List<ModelComparison.ModelRun> runs) {
		List<Pair> pairs = pairs(runs);
		if (pairs.isEmpty()) {
			return "";
		}
		StringBuilder s = new StringBuilder("\n## Students against their baselines\n\n")
			.append("Mean Dice = mean of WT, TC and ET per case; difference = student minus the baseline ")
			.append("(same modalities, trained without a teacher), per case, then averaged.\n\n")
			.append("| student | baseline | student mean Dice | baseline mean Dice | difference | cases better |\n")
			.append("|---|---|---|---|---|---|\n");
		for (Pair p : pairs) {
			s.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %+.3f | %d of %d |%n", p.student().model().name(),
				p.baseline().model().name(), meanDice(p.student().report()), meanDice(p.baseline().report()),
				p.meanDifference(), p.casesBetter(), p.difference().length));
		}
		return s.toString();
	}

	private static Optional<ModelComparison.ModelRun> baselineOf(ModelComparison.ModelRun student,
		List<ModelComparison.ModelRun> runs) {
		ModelCard s = student.model().card();
		return runs.stream().filter(r -> {
			ModelCard c = r.model().card();
			return c.role() == ModelRole.BASELINE && c.modalities().equals(s.modalities());
		}).findFirst();
	}

	private static double[] differences(EvaluationReport student, EvaluationReport baseline) {
		Map<String, Double> base = new HashMap<>();
		baseline.cases().forEach(c -> base.put(c.caseId(), meanDice(c.metrics())));
		return student.cases().stream().filter(c -> base.containsKey(c.caseId()))
			.mapToDouble(c -> meanDice(c.metrics()) - base.get(c.caseId())).toArray();
	}

	private static double meanDice(Map<BratsRegion, RegionMetrics> m) {
		return (m.get(BratsRegion.WT).dice() + m.get(BratsRegion.TC).dice() + m.get(BratsRegion.ET).dice()) / 3;
	}

	private static double meanDice(EvaluationReport r) {
		return r.cases().stream().mapToDouble(c -> meanDice(c.metrics())).average().orElse(Double.NaN);
	}
}

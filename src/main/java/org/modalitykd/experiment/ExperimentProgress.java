/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What an experiment has left: per seed, which of the design's trainings are recorded and
 * which are not, and an estimate of the time the rest takes in one process. An experiment
 * of many seeds runs over several sittings and machines; this says where it stands before
 * the next one starts. The estimate of a training is the median wall time of its recorded
 * runs (any seed); for a training with none, the median over the recorded runs of every
 * training with its number of steps, since a training's cost is set by its steps and its
 * method's graph. Nothing is estimated when nothing comparable is recorded.
 */
public final class ExperimentProgress {

	/**
	 * @param seed the training seed
	 * @param done the design's trainings recorded for it, in design order
	 * @param left those not recorded, in the order a run trains them
	 */
	public record Seed(long seed, List<String> done, List<String> left) {
	}

	private final List<Seed> seeds = new ArrayList<>();
	private double secondsLeft;
	private int unestimated;

	public ExperimentProgress(ExperimentDesign design, ExperimentPlan plan, ExperimentRecords records) {
		for (long seed : plan.seeds()) {
			List<String> done = new ArrayList<>();
			List<String> left = new ArrayList<>();
			for (ExperimentDesign.Training t : design.trainings()) {
				if (records.done(seed, t.name())) {
					done.add(t.name());
				} else {
					left.add(t.name());
					OptionalDouble estimate = estimate(records, t.name(), plan.steps(t));
					if (estimate.isPresent()) {
						secondsLeft += estimate.getAsDouble();
					} else {
						unestimated++;
					}
				}
			}
			seeds.add(new Seed(seed, List.copyOf(done), List.copyOf(left)));
		}
	}

	public List<Seed> seeds() {
		return List.copyOf(seeds);
	}

	/** Trainings left over all seeds. */
	public int trainingsLeft() {
		return seeds.stream().mapToInt(s -> s.left().size()).sum();
	}

	/** Estimated seconds of the trainings left that have an estimate. */
	public double secondsLeft() {
		return secondsLeft;
	}

	/** Trainings left with nothing comparable recorded, so not in {@link #secondsLeft()}. */
	public int unestimated() {
		return unestimated;
	}

	/** One line per seed and a last line with what is left and how long it should take. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (Seed s : seeds) {
			int all = s.done().size() + s.left().size();
			lines.add(s.left().isEmpty() ? String.format(Locale.ROOT, "seed %d: all %d trainings recorded", s.seed(), all)
				: String.format(Locale.ROOT, "seed %d: %d of %d recorded; left: %s", s.seed(), s.done().size(), all,
					String.join(", ", s.left())));
		}
		int left = trainingsLeft();
		if (left == 0) {
			lines.add("nothing left: every training of every seed is recorded");
		} else {
			String estimate = unestimated == left ? "no estimate (nothing comparable recorded yet)"
				: String.format(Locale.ROOT, "about %.1f hours in one process at the recorded median times%s",
					secondsLeft / 3600, unestimated == 0 ? "" : " (" + unestimated + " of them without an estimate)");
			lines.add(String.format(Locale.ROOT, "left: %d training%s, %s", left, left == 1 ? "" : "s", estimate));
		}
		return lines;
	}

	private static OptionalDouble estimate(ExperimentRecords records, String training, long steps) {
		double[] same = records.trainings().stream().filter(r -> r.training().equals(training))
			.mapToDouble(TrainingRecord::seconds).toArray();
		if (same.length > 0) {
			return OptionalDouble.of(ExperimentReport.median(same));
		}
		double[] sameSteps = records.trainings().stream().filter(r -> r.steps() == steps)
			.mapToDouble(TrainingRecord::seconds).toArray();
		return sameSteps.length > 0 ? OptionalDouble.of(ExperimentReport.median(sameSteps)) : OptionalDouble.empty();
	}
}

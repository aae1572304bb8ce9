/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.train.CaseCacheSettings;
import org.modalitykd.train.ClassWiseDistillation;
import org.modalitykd.train.TeacherModel;
import org.modalitykd.train.TrainingDataset;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingParameters;

/**
 * The training job of one training of the design for one seed: the plan's sizes, the
 * training's method and data (all of the pool, or the half of it that the design
 * names), and its teacher from beside the bundle.
 */
final class ExperimentJobs {

	private ExperimentJobs() {
	}

	static TrainingJob job(ExperimentPlan plan, ExperimentDesign.Training t, long seed, TrainingDataset pool, Path bundle,
		CaseCacheSettings cache) throws IOException {
		long steps = plan.steps(t);
		// Every network is validated once, at its end, and kept as it ended: the same rule for
		// every row, and no test-time cost of choosing among snapshots. A checkpoint halfway
		// lets an interrupted experiment resume.
		TrainingParameters p = TrainingParameters.defaults().withSteps(steps).withBatchSize(plan.batchSize())
			.withPatchSize(plan.patch()).withLearningRate(plan.learningRate()).withNetwork(plan.levels(), plan.baseFilters())
			.withSeed(seed).withValidation(plan.validationFraction(), (int) steps)
			.withCheckpointInterval((int) Math.max(1, (steps + 1) / 2)).withCache(cache);
		if (t.segLoss() != null) {
			p = p.withSegmentationLoss(t.segLoss());
		}
		if (t.normalization() != null) {
			p = p.withNormalization(t.normalization());
		}
		if (t.augmentation() != null) {
			p = p.withAugmentation(t.augmentation());
		}
		List<String> ids = pool.ids().stream().sorted().toList();
		List<String> firstHalf = ids.subList(0, ids.size() / 2);
		List<String> secondHalf = ids.subList(ids.size() / 2, ids.size());
		return switch (t.method()) {
			case SUPERVISED -> {
				TrainingDataset data = pool.withModalities(t.modalities());
				data = switch (t.cases()) {
					case ALL -> data;
					case FIRST_HALF -> data.subset(firstHalf, pool.source() + " (first half)");
					case SECOND_HALF -> data.subset(secondHalf, pool.source() + " (second half)");
				};
				yield t.isTeacher() ? TrainingJobs.teacher(data, p)
					: TrainingJobs.student(data, t.modalities().get(0), t.method(), null, t.distillation(), p);
			}
			case KD_NET, PROTOKD -> {
				TeacherModel teacher = TeacherModel.load(bundle.resolveSibling(ExperimentDesign.TEACHER));
				yield TrainingJobs.student(pool.withModalities(teacher.modalities()), t.modalities().get(0), t.method(),
					teacher, t.distillation(), p);
			}
			case UNPAIRED -> TrainingJobs.unpaired(
				pool.withModalities(t.modalities().subList(0, 1)).subset(firstHalf, pool.source() + " (first half)"),
				pool.withModalities(t.modalities().subList(1, 2)).subset(secondHalf, pool.source() + " (second half)"),
				t.distillation().weight() == null ? ClassWiseDistillation.DEFAULT_WEIGHT : t.distillation().weight(),
				ClassWiseDistillation.DEFAULT_TAU, p);
		};
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.List;

import org.modalitykd.net.ModelRole;
import org.modalitykd.net.UNetConfig;

/**
 * Everything a training run needs besides where to write.
 *
 * @param role       what the model card calls the model
 * @param objective  method, loss weights, temperatures, optimiser
 * @param network    the trained network (for unpaired: one channel, 2 normalisation slots)
 * @param modalities the modalities the model card lists: its input channels, or for an
 *                   unpaired model the modality of each slot
 * @param data       the (first) dataset; for KD its cases hold the teacher's modalities
 * @param dataB      the second modality's dataset (unpaired), else null
 * @param teacher    the frozen teacher (KD-Net, ProtoKD), else null
 * @param schedule   steps, batch, patch, learning rate, validation, checkpoints, seed
 */
public record TrainingJob(ModelRole role, Objective objective, UNetConfig network, List<String> modalities, TrainingDataset data,
	TrainingDataset dataB, TeacherModel teacher, TrainingSchedule schedule) {

	public TrainingJob {
		modalities = List.copyOf(modalities);
		TrainingMethod m = objective.method();
		if (m.needsTeacher() && teacher == null) {
			throw new IllegalArgumentException(m.key() + " distils a teacher: give its bundle");
		}
		if ((m == TrainingMethod.UNPAIRED) != (dataB != null)) {
			throw new IllegalArgumentException(m == TrainingMethod.UNPAIRED ? "unpaired training needs two datasets"
				: "only unpaired training takes a second dataset");
		}
		for (int p : schedule.patchSize()) {
			if (p % network.sizeMultiple() != 0) {
				throw new IllegalArgumentException("the patch size must be a multiple of " + network.sizeMultiple()
					+ " (2^(levels-1)) on every axis, got " + java.util.Arrays.toString(schedule.patchSize()));
			}
		}
	}

	/** For KD: which of the data's channels (the teacher's modalities) the student reads. */
	int[] studentChannels() {
		if (teacher == null) {
			return null;
		}
		return modalities.stream().mapToInt(teacher::channelOf).toArray();
	}
}

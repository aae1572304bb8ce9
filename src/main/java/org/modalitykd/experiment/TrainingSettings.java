/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingSchedule;

/**
 * Everything that decides a training's result, in one line, and a short key of it: the
 * plan (data, sizes, steps) and the job as built (method, loss weights and options,
 * network, schedule, augmentation, modalities, seed). A record carries the key, so that
 * a record made with other settings (another plan, or a default changed since) is never
 * mixed into a table. Paths and the teacher's bytes are left out: the data and the
 * teacher are made by the same plan and seed on every machine.
 */
public final class TrainingSettings {

	private TrainingSettings() {
	}

	/** The settings of {@code job}, trained as {@code training} of {@code plan}. */
	public static String describe(ExperimentPlan plan, ExperimentDesign.Training training, TrainingJob job) {
		TrainingSchedule s = job.schedule();
		return plan.describe() + "; training " + training.name() + "; method " + job.objective().method().key()
			+ "; losses " + job.objective().describe() + " " + job.objective().describeOptions() + "; network "
			+ job.network().describe() + " seed " + job.network().seed() + "; modalities " + job.modalities()
			+ "; steps " + s.steps() + ", batch " + s.batchSize() + ", patch " + Arrays.toString(s.patchSize()) + ", lr "
			+ s.learningRate() + " " + s.lrSchedule() + ", validation " + s.validationFraction() + ", tumour share "
			+ s.tumourShare() + ", augmentation " + s.augmentation().key() + ", seed " + s.seed();
	}

	/** The first 12 hex digits of the SHA-256 of {@code description}. */
	public static String key(String description) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java", e);
		}
	}
}

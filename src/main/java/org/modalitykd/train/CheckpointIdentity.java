/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.modalitykd.data.AugmentationLevel;
import org.modalitykd.net.Upsampling;

/**
 * What a checkpoint records about the run that wrote it (method, architecture,
 * modalities, seed, batch, patch, split, teacher, loss, augmentation, upsampling), and the
 * check that a resumed run is the same run: otherwise its losses would not continue the
 * interrupted ones.
 */
final class CheckpointIdentity {

	/** Checkpoint key of the augmentation level; a checkpoint without it was trained with light. */
	private static final String AUGMENTATION_KEY = "augmentation";
	/** Checkpoint key of the decoder's upsampling; a checkpoint without it was trained with transposed. */
	private static final String UPSAMPLING_KEY = "upsampling";

	/** Identity keys added after checkpoints were first written: a checkpoint without them is not refused for it. */
	private static final Set<String> NEWER_KEYS = Set.of("loss_weights", "loss_options");

	private CheckpointIdentity() {
	}

	/** What must match for a checkpoint to be resumed by this job, as the checkpoint records it. */
	static Map<String, String> of(TrainingJob job, TrainingSplit split) {
		Map<String, String> m = new LinkedHashMap<>();
		TrainingSchedule s = job.schedule();
		m.put("method", job.objective().method().key());
		m.put("architecture", job.network().describe() + ", seed " + job.network().seed());
		m.put("modalities", String.join(",", job.modalities()));
		m.put("seed", Long.toString(s.seed()));
		m.put("batch_size", Integer.toString(s.batchSize()));
		m.put("patch_size", Arrays.toString(s.patchSize()));
		m.put("split", split.describe());
		m.put("teacher_sha256", job.teacher() == null ? "" : job.teacher().checksum());
		// A resumed run must optimise the same loss: weights and forms (seg-loss, latent-loss).
		m.put("loss_weights", job.objective().describe().toString());
		m.put("loss_options", job.objective().describeOptions().toString());
		m.put(AUGMENTATION_KEY, s.augmentation().key());
		m.put(UPSAMPLING_KEY, job.network().upsampling().key());
		return m;
	}

	/**
	 * Refuses to resume from a checkpoint whose recorded identity ({@code saved}) differs
	 * from this job's ({@code meta}). Keys that older checkpoints lack are read with the
	 * value those runs used, or not compared at all ({@link #NEWER_KEYS}).
	 *
	 * @throws IllegalArgumentException naming the first key that differs
	 */
	static void check(Map<String, String> meta, Map<String, String> saved, Path work) {
		for (var e : meta.entrySet()) {
			if (NEWER_KEYS.contains(e.getKey()) && !saved.containsKey(e.getKey())) {
				continue;
			}
			String was = saved.getOrDefault(e.getKey(),
				e.getKey().equals(AUGMENTATION_KEY) ? AugmentationLevel.defaultLevel().key()
					: e.getKey().equals(UPSAMPLING_KEY) ? Upsampling.TRANSPOSED_CONV.key() : null);
			if (!e.getValue().equals(was)) {
				throw new IllegalArgumentException("the checkpoint in " + work + " was written by a different run: its "
					+ e.getKey() + " is '" + was + "', now '" + e.getValue() + "'");
			}
		}
	}
}

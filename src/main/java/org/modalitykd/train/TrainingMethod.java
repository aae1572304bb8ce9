/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Locale;

import org.modalitykd.net.ModelRole;

/** What a training run minimises (METHODS.md), and the role its model gets. */
public enum TrainingMethod {
	/** Dice + cross-entropy only: a teacher on all its modalities, or the mono-modal baseline. */
	SUPERVISED("supervised"),
	/** Hu et al.: + T^2 KL to the frozen teacher's softened logits + L2 (or channel-softmax KL) between bottlenecks. */
	KD_NET("kd-net"),
	/** Wang et al.: + pixel KL (T = 10, mean over voxels and classes) + MSE of I2FV maps. */
	PROTOKD("protokd"),
	/** Dou et al.: one network, two unpaired modalities, + symmetric KL of class-wise distributions. */
	UNPAIRED("unpaired-kd");

	private final String key;

	TrainingMethod(String key) {
		this.key = key;
	}

	/** The spelling in model cards and logs. */
	public String key() {
		return key;
	}

	/** The value of the front ends' method option: none, kdnet, protokd (unpaired has its own command). */
	public String optionValue() {
		return switch (this) {
			case SUPERVISED -> "none";
			case KD_NET -> "kdnet";
			case PROTOKD -> "protokd";
			case UNPAIRED -> "unpaired";
		};
	}

	/** Whether a frozen teacher runs in the training graph. */
	public boolean needsTeacher() {
		return this == KD_NET || this == PROTOKD;
	}

	/** Whether each step segments a batch of each of two modalities with one network. */
	public boolean twoModalities() {
		return this == UNPAIRED;
	}

	/**
	 * The method option of a one-modality network: none, kdnet or protokd.
	 *
	 * @throws InvalidOptionException for anything else
	 */
	public static TrainingMethod parseStudentMethod(String s) {
		return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
			case "none" -> SUPERVISED;
			case "kdnet", "kd-net" -> KD_NET;
			case "protokd" -> PROTOKD;
			default -> throw new InvalidOptionException(TrainingOption.METHOD, "unknown method '" + s
				+ "'; expected none, kdnet or protokd");
		};
	}

	/** The model card role of a network trained this way. */
	public ModelRole role(boolean allModalitiesOfATeacher) {
		return switch (this) {
			case SUPERVISED -> allModalitiesOfATeacher ? ModelRole.TEACHER : ModelRole.BASELINE;
			case KD_NET, PROTOKD -> ModelRole.STUDENT;
			case UNPAIRED -> ModelRole.UNPAIRED;
		};
	}
}

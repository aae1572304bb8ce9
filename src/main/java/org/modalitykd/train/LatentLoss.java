/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.keys.EnumKeys;

/**
 * The two readings of KD-Net's latent term ({@link TrainingOption#LATENT_LOSS}): the mean
 * squared difference of the bottlenecks, or the KL divergence between their channel-wise
 * softmax distributions ({@link FeatureDistance}). MSE stays the default until the sweep
 * of issue 15 picks one by measurement.
 */
public enum LatentLoss {
	/** mean over every element of (teacher - student)^2; logged as {@code feature_l2} */
	MSE("mse", "feature_l2"),
	/** KL(softmax_c(teacher) || softmax_c(student)) per voxel, mean over voxels; logged as {@code feature_kl} */
	KL("kl", "feature_kl");

	private final String value;
	private final String term;

	LatentLoss(String value, String term) {
		this.value = value;
		this.term = term;
	}

	/** The option value: {@code mse} or {@code kl}. */
	public String value() {
		return value;
	}

	/** The name of the term in the log and in the model card's loss weights. */
	public String term() {
		return term;
	}

	/**
	 * @throws InvalidOptionException naming {@link TrainingOption#LATENT_LOSS} for anything but mse or kl
	 */
	public static LatentLoss parse(String s) {
		EnumKeys<LatentLoss> keys = EnumKeys.of(LatentLoss.class, LatentLoss::value);
		return keys.find(s).orElseThrow(() -> new InvalidOptionException(TrainingOption.LATENT_LOSS,
			"unknown latent loss '" + s + "'; expected " + keys.accepted()));
	}
}

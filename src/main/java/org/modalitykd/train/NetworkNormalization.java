/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.keys.EnumKeys;
import org.modalitykd.net.Normalization;
import org.modalitykd.net.UNetConfig;

/**
 * The normalisation a training chooses for its network ({@link TrainingOption#NORMALIZATION}):
 * the kind of statistics and whether each modality has its own. Per-modality choices are
 * for the unpaired method only, where one set of kernels serves several modalities and
 * Dou et al. keep "respective statistics" per modality in the normalisation layers.
 */
public enum NetworkNormalization {
	/** Statistics of each sample and channel; shared scale and shift. The default elsewhere. */
	INSTANCE("instance", Normalization.INSTANCE, false),
	/** Batch statistics while training, running averages at inference; one set for all. */
	BATCH("batch", Normalization.BATCH, false),
	/**
	 * Batch norm with a scale, shift and running statistics per modality; a step moves only
	 * the slot of its batch's modality. The unpaired default, as in Dou et al.'s code.
	 */
	MODALITY_BATCH("modality-batch", Normalization.BATCH, true),
	/** Instance statistics with a scale and shift per modality (the unpaired default before). */
	MODALITY_INSTANCE("modality-instance", Normalization.INSTANCE, true);

	/** The option value that leaves the choice to the method's default. */
	public static final String AUTO = "auto";

	private final String key;
	private final Normalization kind;
	private final boolean perModality;

	NetworkNormalization(String key, Normalization kind, boolean perModality) {
		this.key = key;
		this.kind = kind;
		this.perModality = perModality;
	}

	/** The option value: {@code instance}, {@code batch}, {@code modality-batch} or {@code modality-instance}. */
	public String key() {
		return key;
	}

	/** Whether every modality has its own normalisation slot. */
	public boolean perModality() {
		return perModality;
	}

	/** {@code network} with this normalisation for {@code modalities} one-at-a-time modalities. */
	public UNetConfig applyTo(UNetConfig network, int modalities) {
		return network.withNormalization(kind, perModality ? modalities : 1);
	}

	/**
	 * The choice named {@code value}, any case; null for {@link #AUTO} or null.
	 *
	 * @throws InvalidOptionException naming the normalization option, saying what is allowed
	 */
	public static NetworkNormalization parse(String value) {
		if (value == null || value.trim().equalsIgnoreCase(AUTO)) {
			return null;
		}
		EnumKeys<NetworkNormalization> keys = EnumKeys.of(NetworkNormalization.class, NetworkNormalization::key);
		return keys.find(value).orElseThrow(() -> new InvalidOptionException(TrainingOption.NORMALIZATION,
			"unknown normalization '" + value + "': choose " + String.join(", ", keys.keys()) + " or " + AUTO
				+ " (instance; modality-batch for unpaired training)"));
	}
}

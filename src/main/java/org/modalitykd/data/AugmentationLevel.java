/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import org.modalitykd.keys.EnumKeys;

/**
 * The named augmentation levels a training run chooses from (option {@code augmentation}).
 * {@link #LIGHT} is the default and gives the batches runs gave before the levels
 * existed; {@link #NNUNET} adds nnU-Net's intensity transforms (docs/training.md).
 */
public enum AugmentationLevel {
	/** Mirroring, quarter turns, scale/shift ±10 % and gamma [0.7, 1.5] on a third of the patches. */
	LIGHT("light", Augmentation.defaults()),
	/** Mirroring, quarter turns, and nnU-Net's noise, blur, brightness, contrast, low resolution, gammas, plus a bias field. */
	NNUNET("nnunet", Augmentation.nnUnet());

	private final String key;
	private final Augmentation augmentation;

	AugmentationLevel(String key, Augmentation augmentation) {
		this.key = key;
		this.augmentation = augmentation;
	}

	/** The option value: {@code light} or {@code nnunet}. */
	public String key() {
		return key;
	}

	public Augmentation augmentation() {
		return augmentation;
	}

	/** The default, {@link #LIGHT}. */
	public static AugmentationLevel defaultLevel() {
		return LIGHT;
	}

	/**
	 * The level named {@code value} (any case, surrounding blanks ignored).
	 *
	 * @throws IllegalArgumentException saying which values exist
	 */
	public static AugmentationLevel parse(String value) {
		EnumKeys<AugmentationLevel> keys = EnumKeys.of(AugmentationLevel.class, AugmentationLevel::key);
		return keys.find(value).orElseThrow(() -> new IllegalArgumentException("unknown augmentation level '" + value
			+ "'; expected " + keys.accepted()));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Locale;

/**
 * Which segmentation loss {@link DiceCrossEntropy} builds ({@link TrainingOption#SEG_LOSS}).
 * The default stays {@link #DEFAULT} until the sweep of issue 15 picks one by measurement.
 */
public enum SegmentationLossForm {
	/**
	 * Unweighted mean voxel cross-entropy + soft batch Dice over the foreground classes,
	 * denominators sum(p) + sum(y) ({@link SegmentationLoss#softDice}).
	 */
	DEFAULT("default"),
	/**
	 * The form of ProtoKD's official code ({@code code/loss.py}, {@code DiceCeLoss} with
	 * {@code WeightedCrossEntropyLoss} and {@code DiceLoss}): cross-entropy weighted per
	 * class by 1 - the class's share of the batch's voxels, normalised by the sum of the
	 * voxels' weights, + soft batch Dice averaged over all classes, background included,
	 * denominators sum(p^2) + sum(y) ({@link OfficialSegmentationLoss}).
	 */
	OFFICIAL("official");

	private final String value;

	SegmentationLossForm(String value) {
		this.value = value;
	}

	/** The option value: {@code default} or {@code official}. */
	public String value() {
		return value;
	}

	/**
	 * @throws InvalidOptionException naming {@link TrainingOption#SEG_LOSS} for anything but default or official
	 */
	public static SegmentationLossForm parse(String s) {
		String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
		for (SegmentationLossForm f : values()) {
			if (f.value.equals(v)) {
				return f;
			}
		}
		throw new InvalidOptionException(TrainingOption.SEG_LOSS, "unknown segmentation loss '" + s
			+ "'; expected default or official");
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Locale;

import org.modalitykd.keys.EnumKeys;

/**
 * Which segmentation loss {@link DiceCrossEntropy} builds ({@link TrainingOption#SEG_LOSS}).
 * The default stays {@link #DEFAULT} until the sweep of issue 15 picks one by measurement.
 */
public enum SegmentationLossForm {
	/**
	 * Unweighted mean voxel cross-entropy + soft batch Dice over the foreground classes,
	 * denominators sum(p) + sum(y) ({@link SegmentationLoss#softDice}).
	 */
	DEFAULT,
	/**
	 * The form of ProtoKD's official code ({@code code/loss.py}, {@code DiceCeLoss} with
	 * {@code WeightedCrossEntropyLoss} and {@code DiceLoss}): cross-entropy weighted per
	 * class by 1 - the class's share of the batch's voxels, normalised by the sum of the
	 * voxels' weights, + soft batch Dice averaged over all classes, background included,
	 * denominators sum(p^2) + sum(y) ({@link OfficialSegmentationLoss}).
	 */
	OFFICIAL;

	/** The option value, the name in lower case: {@code default} or {@code official}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidOptionException naming {@link TrainingOption#SEG_LOSS} for anything but default or official
	 */
	public static SegmentationLossForm parse(String s) {
		EnumKeys<SegmentationLossForm> keys = EnumKeys.byName(SegmentationLossForm.class);
		return keys.find(s).orElseThrow(() -> new InvalidOptionException(TrainingOption.SEG_LOSS,
			"unknown segmentation loss '" + s + "'; expected " + keys.accepted()));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

/**
 * What one training of the experiment cost, and what made it.
 *
 * @param seed           the training seed
 * @param training       the training's name ({@link ExperimentDesign.Training#name()})
 * @param steps          optimiser steps
 * @param seconds        wall time of the training, validation included
 * @param parameters     trainable scalars of the network
 * @param bundleBytes    size of the saved model bundle
 * @param validationDice best mean validation Dice (WT, TC, ET), NaN without validation
 * @param resumed        whether the training continued from a checkpoint of an earlier,
 *                       interrupted run (its time then covers only the rest)
 * @param settings       the key of everything that decided its result ({@link TrainingSettings#key})
 * @param code           the ModalityKD version (git commit) that trained it
 */
public record TrainingRecord(long seed, String training, long steps, double seconds, long parameters, long bundleBytes,
	double validationDice, boolean resumed, String settings, String code) {

	public TrainingRecord {
		for (String field : new String[] { training, settings, code }) {
			if (field.contains(",") || field.contains("\n")) {
				throw new IllegalArgumentException("a comma or line break in a training record: " + field);
			}
		}
	}
}

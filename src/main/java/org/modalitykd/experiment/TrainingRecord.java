package org.modalitykd.experiment;

/**
 * What one training of the experiment cost.
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
 */
public record TrainingRecord(long seed, String training, long steps, double seconds, long parameters, long bundleBytes,
	double validationDice, boolean resumed) {
}

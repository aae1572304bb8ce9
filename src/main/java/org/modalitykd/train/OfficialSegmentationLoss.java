/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The segmentation loss of ProtoKD's official code ({@code code/loss.py}: {@code DiceCeLoss}
 * with {@code weighted=True}, as {@code code/trainer.py} builds it), as TF ops on NDHWC
 * tensors ({@link SegmentationLossForm#OFFICIAL}). Labels are one-hot (or soft, for deep
 * supervision) with the logits' shape; the class weights are computed from the labels and
 * get no gradient.
 */
public final class OfficialSegmentationLoss {

	/** {@code dice_loss}'s smoothing in ProtoKD's {@code loss.py}, in numerator and denominator. */
	public static final double SMOOTH = 1e-5;

	/**
	 * Keeps the weighted mean finite for a batch of one class only (its weight is then 0:
	 * PyTorch gives NaN there, this gives 0).
	 */
	static final double MIN_WEIGHT_SUM = 1e-12;

	private OfficialSegmentationLoss() {
	}

	/**
	 * {@code WeightedCrossEntropyLoss}: w_c = 1 - n_c / N with n_c the batch's voxels of
	 * class c and N all its voxels; the loss is {@code sum_i w_{y_i} CE_i / sum_i w_{y_i}}
	 * (PyTorch's {@code F.cross_entropy(weight=w)} with mean reduction), CE_i = -log
	 * softmax(z_i)_{y_i}.
	 */
	public static <T extends TFloating> Operand<T> weightedCrossEntropy(Ops tf, Operand<T> logits, Operand<T> oneHot,
		int classes) {
		Class<T> type = logits.type();
		Operand<TInt32> rows = tf.constant(new int[] { -1, classes });
		Operand<T> y = tf.reshape(oneHot, rows);
		Operand<T> counts = tf.sum(y, tf.constant(0));
		Operand<T> weights = tf.stopGradient(tf.math.sub(tf.constant(type, 1.0),
			tf.math.div(counts, tf.sum(counts, tf.constant(0)))));
		// Rows of classes before LogSoftmax: its TF 2.18 gradient is right only for rank 2.
		Operand<T> logP = tf.nn.logSoftmax(tf.reshape(logits, rows));
		Operand<T> voxelWeight = tf.sum(tf.math.mul(y, weights), tf.constant(1));
		Operand<T> ce = tf.math.neg(tf.sum(tf.math.mul(y, logP), tf.constant(1)));
		Operand<T> weighted = tf.sum(tf.math.mul(voxelWeight, ce), tf.constant(0));
		return tf.math.div(weighted, tf.math.maximum(tf.sum(voxelWeight, tf.constant(0)),
			tf.constant(type, MIN_WEIGHT_SUM)));
	}

	/**
	 * {@code DiceLoss}: 1 - (1/C) sum_c (2 sum(p_c y_c) + s) / (sum(y_c^2) + sum(p_c^2) + s),
	 * the sums over the batch and all voxels, every class including the background, s = 1e-5.
	 *
	 * @param probabilities softmax output {@code [N, D, H, W, C]}
	 */
	public static <T extends TFloating> Operand<T> softDice(Ops tf, Operand<T> probabilities, Operand<T> oneHot) {
		Class<T> type = probabilities.type();
		Operand<TInt32> axes = tf.constant(new int[] { 0, 1, 2, 3 });
		Operand<T> intersection = tf.sum(tf.math.mul(probabilities, oneHot), axes);
		Operand<T> total = tf.math.add(tf.sum(tf.math.square(oneHot), axes), tf.sum(tf.math.square(probabilities), axes));
		Operand<T> smooth = tf.constant(type, SMOOTH);
		Operand<T> dice = tf.math.div(tf.math.add(tf.math.mul(tf.constant(type, 2.0), intersection), smooth),
			tf.math.add(total, smooth));
		return tf.math.sub(tf.constant(type, 1.0), tf.math.mean(dice, tf.constant(0)));
	}
}

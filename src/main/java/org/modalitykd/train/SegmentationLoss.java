/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The segmentation losses as TF ops on NDHWC tensors: soft Dice and cross-entropy,
 * both differentiable with respect to the logits. Labels are one-hot (or soft, e.g.
 * downsampled for deep supervision) with the same shape as the logits.
 */
public final class SegmentationLoss {

	/** Keeps a class that is absent from both prediction and labels at Dice 1, not 0/0. */
	public static final double DICE_SMOOTH = 1e-5;

	private SegmentationLoss() {
	}

	/**
	 * Soft Dice loss 1 - mean_c (2 sum(p_c y_c) + s) / (sum(p_c) + sum(y_c) + s), with
	 * the sums over the batch and all voxels ("batch Dice", as nnU-Net) and the mean over
	 * the classes, the background (class 0) included only when asked.
	 *
	 * @param probabilities softmax output {@code [N, D, H, W, C]}
	 */
	public static <T extends TFloating> Operand<T> softDice(Ops tf, Operand<T> probabilities, Operand<T> oneHot,
		boolean includeBackground) {
		return tf.math.sub(tf.constant(probabilities.type(), 1.0),
			tf.math.mean(perClassDice(tf, probabilities, oneHot, includeBackground), tf.constant(0)));
	}

	/** The soft Dice score per class ({@code [C]}, or {@code [C-1]} without the background). */
	public static <T extends TFloating> Operand<T> perClassDice(Ops tf, Operand<T> probabilities, Operand<T> oneHot,
		boolean includeBackground) {
		Class<T> type = probabilities.type();
		Operand<org.tensorflow.types.TInt32> axes = tf.constant(new int[] { 0, 1, 2, 3 });
		Operand<T> intersection = tf.sum(tf.math.mul(probabilities, oneHot), axes);
		Operand<T> total = tf.math.add(tf.sum(probabilities, axes), tf.sum(oneHot, axes));
		Operand<T> smooth = tf.constant(type, DICE_SMOOTH);
		Operand<T> dice = tf.math.div(tf.math.add(tf.math.mul(tf.constant(type, 2.0), intersection), smooth),
			tf.math.add(total, smooth));
		return includeBackground ? dice : tf.slice(dice, tf.constant(new int[] { 1 }), tf.constant(new int[] { -1 }));
	}

	/** Mean over voxels of -sum_c y_c log softmax(logits)_c. */
	public static <T extends TFloating> Operand<T> crossEntropy(Ops tf, Operand<T> logits, Operand<T> oneHot,
		int classes) {
		Operand<org.tensorflow.types.TInt32> rows = tf.constant(new int[] { -1, classes });
		Operand<T> perVoxel = tf.nn.softmaxCrossEntropyWithLogits(tf.reshape(logits, rows), tf.reshape(oneHot, rows))
			.loss();
		return tf.math.mean(perVoxel, tf.constant(0));
	}

	/**
	 * One-hot labels averaged over 2^level x 2^level x 2^level blocks: the soft targets
	 * of a deep-supervision head at 1/2^level resolution.
	 */
	public static <T extends TFloating> Operand<T> downsampledLabels(Ops tf, Operand<T> oneHot, int level) {
		long f = 1L << level;
		List<Long> window = List.of(1L, f, f, f, 1L);
		return tf.nn.avgPool3d(oneHot, window, window, "VALID");
	}

	/**
	 * Weights of the full-resolution output and the deep-supervision heads: 1, 1/2, 1/4,
	 * ... normalised to sum to 1 (as nnU-Net).
	 *
	 * @param heads number of outputs including the full-resolution one
	 */
	public static double[] deepSupervisionWeights(int heads) {
		double[] w = new double[heads];
		double sum = 0;
		for (int i = 0; i < heads; i++) {
			w[i] = Math.pow(0.5, i);
			sum += w[i];
		}
		for (int i = 0; i < heads; i++) {
			w[i] /= sum;
		}
		return w;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * Dou et al.'s knowledge-distillation term for unpaired modalities: for each modality
 * and each class c, the logits averaged over the voxels (of the whole batch) whose
 * ground truth is c, softened as softmax(mean / tau): a C x C matrix of class-wise
 * prediction distributions. The loss is the symmetric KL between the two modalities'
 * rows, 0.5 (KL(a_c || b_c) + KL(b_c || a_c)), averaged over the classes present in
 * both batches (0 when there is none). Both sides get gradients: one shared network
 * makes both predictions.
 */
public final class ClassWiseDistillation {

	public static final double DEFAULT_TAU = 2;
	public static final double DEFAULT_WEIGHT = 0.5;

	private ClassWiseDistillation() {
	}

	public static <T extends TFloating> Operand<T> loss(Ops tf, Operand<T> logitsA, Operand<T> oneHotA,
		Operand<T> logitsB, Operand<T> oneHotB, int classes, double tau) {
		if (!(tau > 0)) {
			throw new IllegalArgumentException("tau must be positive, got " + tau);
		}
		Class<T> type = logitsA.type();
		Operand<T> t = tf.constant(type, tau);
		Operand<T> logA = tf.nn.logSoftmax(tf.math.div(classMeanLogits(tf, logitsA, oneHotA, classes), t));
		Operand<T> logB = tf.nn.logSoftmax(tf.math.div(classMeanLogits(tf, logitsB, oneHotB, classes), t));
		Operand<T> diff = tf.math.sub(logA, logB);
		// KL(a||b) + KL(b||a) = sum_j (p_a - p_b)(log p_a - log p_b), per class row.
		Operand<T> symmetric = tf.math.mul(tf.constant(type, 0.5),
			tf.sum(tf.math.mul(tf.math.sub(tf.math.exp(logA), tf.math.exp(logB)), diff), tf.constant(1)));
		Operand<T> present = tf.math.mul(present(tf, oneHotA, classes), present(tf, oneHotB, classes));
		Operand<T> n = tf.math.maximum(tf.sum(present, tf.constant(0)), tf.constant(type, 1.0));
		return tf.math.div(tf.sum(tf.math.mul(symmetric, present), tf.constant(0)), n);
	}

	/** Row c: the mean logit vector over the voxels labelled c ({@code [C, C]}; zeros for an absent class). */
	public static <T extends TFloating> Operand<T> classMeanLogits(Ops tf, Operand<T> logits, Operand<T> oneHot,
		int classes) {
		Operand<org.tensorflow.types.TInt32> rows = tf.constant(new int[] { -1, classes });
		Operand<T> z = tf.reshape(logits, rows);
		Operand<T> y = tf.reshape(oneHot, rows);
		Operand<T> sums = tf.linalg.matMul(y, z, MatMul.transposeA(true));
		Operand<T> counts = tf.reshape(tf.sum(y, tf.constant(0)), tf.constant(new int[] { classes, 1 }));
		return tf.math.div(sums, tf.math.maximum(counts, tf.constant(logits.type(), 1.0)));
	}

	private static <T extends TFloating> Operand<T> present(Ops tf, Operand<T> oneHot, int classes) {
		Operand<T> counts = tf.sum(tf.reshape(oneHot, tf.constant(new int[] { -1, classes })), tf.constant(0));
		return tf.dtypes.cast(tf.math.greater(counts, tf.constant(oneHot.type(), 0.0)), oneHot.type());
	}
}

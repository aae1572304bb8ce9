/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The Kullback-Leibler divergence between temperature-softened class distributions,
 * KL(softmax(z_T / T) || softmax(z_S / T)), per voxel, as TF ops on NDHWC logits. The
 * building block of both logit-distillation terms ({@link HintonDistillation},
 * {@link PixelDistillation}); they differ only in how they reduce it.
 */
final class SoftenedKl {

	private SoftenedKl() {
	}

	/**
	 * {@code sum_c p_T,c (log p_T,c - log p_S,c)} per voxel, flattened to one axis.
	 * Log-softmax keeps it finite for confident teachers. The teacher's side gets no
	 * gradient (it is a target).
	 * <p>
	 * The logits are reshaped to rows of classes first: TF 2.18's C++ gradient of
	 * LogSoftmax sums over axis 1, which is the class axis only for rank-2 input (on
	 * NDHWC it gave wrong gradients, caught by the finite-difference test).
	 *
	 * @throws IllegalArgumentException when the class axis has no static size
	 */
	static <T extends TFloating> Operand<T> perVoxel(Ops tf, Operand<T> teacherLogits, Operand<T> studentLogits,
		double temperature) {
		if (!(temperature > 0)) {
			throw new IllegalArgumentException("the distillation temperature must be positive, got " + temperature);
		}
		Operand<T> t = tf.constant(teacherLogits.type(), temperature);
		Operand<TInt32> rows = tf.constant(new int[] { -1, classes(studentLogits) });
		Operand<T> logPt = tf.nn.logSoftmax(tf.math.div(tf.reshape(tf.stopGradient(teacherLogits), rows), t));
		Operand<T> logPs = tf.nn.logSoftmax(tf.math.div(tf.reshape(studentLogits, rows), t));
		return tf.sum(tf.math.mul(tf.math.exp(logPt), tf.math.sub(logPt, logPs)), tf.constant(1));
	}

	/** The static size of the last (class) axis. */
	static int classes(Operand<?> logits) {
		Shape s = logits.shape();
		long c = s.numDimensions() > 0 ? s.size(s.numDimensions() - 1) : -1;
		if (c < 1) {
			throw new IllegalArgumentException("the logits' class axis needs a static size; the shape is " + s);
		}
		return Math.toIntExact(c);
	}
}

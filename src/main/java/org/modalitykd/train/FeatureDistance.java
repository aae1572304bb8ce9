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
 * KD-Net's latent term, in its two readings ({@link LatentLoss}), between the teacher's
 * and the student's bottleneck feature maps (same shape: the networks share the
 * architecture below the input layer). The teacher's side is a target and gets no gradient.
 */
public final class FeatureDistance {

	private FeatureDistance() {
	}

	/** The term {@code l} names. */
	public static <T extends TFloating> Operand<T> of(LatentLoss l, Ops tf, Operand<T> teacher, Operand<T> student) {
		return l == LatentLoss.KL ? channelKl(tf, teacher, student) : meanSquared(tf, teacher, student);
	}

	/** Mean over every element of (teacher - student)^2. */
	public static <T extends TFloating> Operand<T> meanSquared(Ops tf, Operand<T> teacher, Operand<T> student) {
		Operand<T> d = tf.math.squaredDifference(tf.stopGradient(teacher), student);
		return tf.math.mean(tf.reshape(d, tf.constant(new int[] { -1 })), tf.constant(0));
	}

	/**
	 * KL(q_T || q_S) with q = softmax over the channel (last) axis of the feature map at
	 * each voxel, no temperature: {@code sum_k q_T,k (log q_T,k - log q_S,k)} per voxel,
	 * then the mean over voxels and samples (not divided by the channels).
	 * <p>
	 * The maps are reshaped to rows of channels first: TF 2.18's C++ gradient of
	 * LogSoftmax is right only for rank-2 input (see {@link SoftenedKl}).
	 */
	public static <T extends TFloating> Operand<T> channelKl(Ops tf, Operand<T> teacher, Operand<T> student) {
		Operand<TInt32> rows = tf.constant(new int[] { -1, SoftenedKl.classes(student) });
		Operand<T> logQt = tf.nn.logSoftmax(tf.reshape(tf.stopGradient(teacher), rows));
		Operand<T> logQs = tf.nn.logSoftmax(tf.reshape(student, rows));
		Operand<T> perVoxel = tf.sum(tf.math.mul(tf.math.exp(logQt), tf.math.sub(logQt, logQs)), tf.constant(1));
		return tf.math.mean(perVoxel, tf.constant(0));
	}
}

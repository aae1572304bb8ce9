/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * ProtoKD's pixel-wise term: KL(softmax(z_T / T) || softmax(z_S / T)) averaged over
 * voxels <em>and classes</em> (the official code's {@code KLDivLoss(reduction='mean')}:
 * the per-voxel KL divided by the number of classes), not multiplied by T^2. Default
 * T = 10.
 */
public final class PixelDistillation {

	public static final double DEFAULT_TEMPERATURE = 10;

	private PixelDistillation() {
	}

	/** @param teacherLogits, studentLogits NDHWC logits of the same shape */
	public static <T extends TFloating> Operand<T> loss(Ops tf, Operand<T> teacherLogits, Operand<T> studentLogits,
		double temperature, int classes) {
		Operand<T> kl = SoftenedKl.perVoxel(tf, teacherLogits, studentLogits, temperature);
		Operand<T> mean = tf.math.mean(tf.reshape(kl, tf.constant(new int[] { -1 })), tf.constant(0));
		return tf.math.div(mean, tf.constant(teacherLogits.type(), classes));
	}
}

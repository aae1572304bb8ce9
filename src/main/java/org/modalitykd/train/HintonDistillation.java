/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * KD-Net's logit term (Hinton et al.): T^2 KL(softmax(z_T / T) || softmax(z_S / T)),
 * the KL summed over classes and averaged over voxels and samples. The T^2 keeps the
 * gradient's size independent of the temperature.
 */
public final class HintonDistillation {

	private HintonDistillation() {
	}

	/** @param teacherLogits, studentLogits NDHWC logits of the same shape */
	public static <T extends TFloating> Operand<T> loss(Ops tf, Operand<T> teacherLogits, Operand<T> studentLogits,
		double temperature) {
		return loss(tf, teacherLogits, studentLogits, temperature, true);
	}

	/**
	 * The same, times T^2 only when {@code temperatureSquared}: without it the term
	 * shrinks roughly as 1/T^2 at high T, which some reimplementations prefer to a
	 * smaller weight.
	 */
	public static <T extends TFloating> Operand<T> loss(Ops tf, Operand<T> teacherLogits, Operand<T> studentLogits,
		double temperature, boolean temperatureSquared) {
		Operand<T> kl = SoftenedKl.perVoxel(tf, teacherLogits, studentLogits, temperature);
		Operand<T> mean = tf.math.mean(tf.reshape(kl, tf.constant(new int[] { -1 })), tf.constant(0));
		return temperatureSquared ? tf.math.mul(mean, tf.constant(teacherLogits.type(), temperature * temperature)) : mean;
	}
}

package org.modalitykd.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * KD-Net's latent term: the mean squared difference between the teacher's and the
 * student's bottleneck feature maps (same shape: the networks share the architecture
 * below the input layer). The teacher's side is a target and gets no gradient.
 */
public final class FeatureDistance {

	private FeatureDistance() {
	}

	/** Mean over every element of (teacher - student)^2. */
	public static <T extends TFloating> Operand<T> meanSquared(Ops tf, Operand<T> teacher, Operand<T> student) {
		Operand<T> d = tf.math.squaredDifference(tf.stopGradient(teacher), student);
		return tf.math.mean(tf.reshape(d, tf.constant(new int[] { -1 })), tf.constant(0));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * ProtoKD's prototype term: the mean squared difference between the teacher's and the
 * student's I2FV maps.
 * <p>
 * For one network with last-decoder features F ({@code [N, D, H, W, K]}) and one-hot
 * ground truth y ({@code [N, D, H, W, C]}): the prototype of class c in sample n is the
 * mean of F over the voxels of n labelled c; the I2FV map holds, for every voxel i and
 * class c, the cosine similarity of F_i and that prototype. Only classes present in
 * every sample of the batch take part: the loss is the sum of squared differences over
 * those classes' maps divided by N x voxels x their number (0 when no class qualifies).
 * <p>
 * Built from two batched matrix products over the voxels (class sums of the features,
 * then every voxel against every prototype), so that no N V C K product is formed.
 */
public final class PrototypeDistillation {

	/** Keeps the cosine finite for a zero feature vector or an absent class's zero prototype. */
	static final double NORM_EPSILON = 1e-12;

	private PrototypeDistillation() {
	}

	/** The loss; the teacher's maps are targets (no gradient). */
	public static <T extends TFloating> Operand<T> loss(Ops tf, Operand<T> teacherFeatures, Operand<T> studentFeatures,
		Operand<T> oneHot, int classes) {
		Class<T> type = oneHot.type();
		Operand<T> present = presentInEverySample(tf, oneHot);
		Operand<T> teacher = tf.stopGradient(similarityMaps(tf, teacherFeatures, oneHot, classes));
		Operand<T> student = similarityMaps(tf, studentFeatures, oneHot, classes);
		// [N, V, C] * [C]: broadcast over the last axis only.
		Operand<T> squared = tf.math.mul(tf.math.squaredDifference(teacher, student), present);
		Operand<T> cells = tf.math.mul(tf.dtypes.cast(tf.math.div(tf.size(squared, TInt32.class), tf.constant(classes)), type),
			tf.sum(present, tf.constant(0)));
		Operand<T> total = tf.sum(tf.reshape(squared, tf.constant(new int[] { -1 })), tf.constant(0));
		return tf.math.div(total, tf.math.maximum(cells, tf.constant(type, 1.0)));
	}

	/** 1 for each class labelled somewhere in every sample, else 0: {@code [C]}. */
	public static <T extends TFloating> Operand<T> presentInEverySample(Ops tf, Operand<T> oneHot) {
		Operand<T> counts = tf.sum(oneHot, tf.constant(new int[] { 1, 2, 3 })); // [N, C]
		Operand<T> present = tf.dtypes.cast(tf.math.greater(counts, tf.constant(oneHot.type(), 0.0)), oneHot.type());
		return tf.min(present, tf.constant(0));
	}

	/**
	 * The I2FV maps {@code [N, V, C]} (V = voxels per sample, in NDHWC order): cosine
	 * similarity of every voxel's feature vector to each class prototype of its sample.
	 */
	public static <T extends TFloating> Operand<T> similarityMaps(Ops tf, Operand<T> features, Operand<T> oneHot,
		int classes) {
		Class<T> type = features.type();
		Operand<TInt32> shape = tf.shape(features);
		// [N, V, K]
		Operand<TInt32> flat = tf.concat(List.of(tf.slice(shape, tf.constant(new int[] { 0 }), tf.constant(new int[] { 1 })),
			tf.constant(new int[] { -1 }), tf.slice(shape, tf.constant(new int[] { 4 }), tf.constant(new int[] { 1 }))),
			tf.constant(0));
		Operand<T> f = tf.reshape(features, flat);
		Operand<T> y = tf.reshape(oneHot, tf.concat(List.of(tf.slice(shape, tf.constant(new int[] { 0 }),
			tf.constant(new int[] { 1 })), tf.constant(new int[] { -1, classes })), tf.constant(0)));
		Operand<T> one = tf.constant(type, 1.0);
		// All classes at once as two batched matrix products (one pass over the features
		// each), instead of a mask-multiply-sum per class (several passes per class): the
		// same sums in another order, and most of ProtoKD's extra cost per step.
		Operand<T> count = tf.expandDims(tf.sum(y, tf.constant(1)), tf.constant(-1)); // [N, C, 1]
		Operand<T> sum = tf.train.batchMatMul(y, f, type, BatchMatMul.adjX(true)); // [N, C, K]
		Operand<T> prototypes = unit(tf, tf.math.div(sum, tf.math.maximum(count, one)));
		return tf.train.batchMatMul(unit(tf, f), prototypes, type, BatchMatMul.adjY(true)); // [N, V, C]
	}

	/** Each vector along the last axis divided by its length (zero stays zero). */
	private static <T extends TFloating> Operand<T> unit(Ops tf, Operand<T> v) {
		Operand<T> squared = tf.sum(tf.math.square(v), tf.constant(-1), org.tensorflow.op.core.Sum.keepDims(true));
		return tf.math.mul(v, tf.math.rsqrt(tf.math.maximum(squared, tf.constant(v.type(), NORM_EPSILON))));
	}
}

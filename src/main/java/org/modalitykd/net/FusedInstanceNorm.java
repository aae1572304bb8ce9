/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.Arrays;
import java.util.List;

import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.data.LeakyReluGrad;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Instance norm and the LeakyReLU after it as one oneDNN op ({@code
 * _MklFusedInstanceNorm}, CPU only, float32), for training graphs: Grappler fuses the
 * element-wise form only when scale and shift are constants, which trainable ones are
 * not. For its backward pass the element-wise form keeps the pre-activation alive besides
 * the block's input and output; the fused op keeps only its input and output, and runs
 * one kernel instead of six full-size passes (training peak 27 % lower,
 * docs/performance.md).
 * <p>
 * The op is TensorFlow's own (the one the remapper fuses into in inference graphs) but
 * has no gradient; {@link #ensureRegistered()} registers one, built from standard ops:
 * with xhat = (x - mean) / sqrt(var + eps) over each sample's voxels per channel, g the
 * incoming gradient through the LeakyReLU (the output's sign is the pre-activation's),
 * d(gamma) = sum g xhat, d(beta) = sum g, and dx = gamma rstd (g - mean(g) - xhat
 * mean(g xhat)). It recomputes the moments from x instead of keeping them.
 */
public final class FusedInstanceNorm {

	static final String OP = "_MklFusedInstanceNorm";
	private static final int[] SPATIAL = { 1, 2, 3 };
	private static final long[] SPATIAL_AXES = Arrays.stream(SPATIAL).asLongStream().toArray();
	private static final int[] ALL_BUT_CHANNELS = { 0, 1, 2, 3 };
	private static Boolean available;
	private static boolean registered;

	private FusedInstanceNorm() {
	}

	/** Whether this TensorFlow build has the op (builds with oneDNN, x86 Linux among them). */
	public static synchronized boolean available() {
		if (available == null) {
			available = TensorFlow.registeredOpList().getOpList().stream().anyMatch(o -> o.getName().equals(OP));
		}
		return available;
	}

	/** Registers the op's gradient unless already registered in this process. */
	public static synchronized void ensureRegistered() {
		if (!registered) {
			TensorFlow.registerCustomGradient(OP, FusedInstanceNorm::gradient);
			registered = true;
		}
	}

	/** LeakyReLU(instance norm of {@code x} [N, D, H, W, C] with scale {@code gamma} and shift {@code beta} [C]). */
	@SuppressWarnings("unchecked")
	static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Operand<TFloat32> gamma, Operand<TFloat32> beta,
		double slope) {
		ensureRegistered();
		GraphOperation op = (GraphOperation) tf.scope().opBuilder(OP, "FusedInstanceNorm").addInput(x.asOutput())
			.addInput(gamma.asOutput()).addInput(beta.asOutput()).setAttr("T", DataType.DT_FLOAT)
			.setAttr("epsilon", (float) Normalization.EPSILON).setAttr("reduction_axes", SPATIAL_AXES)
			.setAttr("fused_ops", new String[] { "LeakyRelu" }).setAttr("leakyrelu_alpha", (float) slope).build();
		return (Operand<TFloat32>) (Operand<?>) op.output(0);
	}

	@SuppressWarnings("unchecked")
	private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> gradients) {
		Operand<TFloat32> dy = (Operand<TFloat32>) (Operand<?>) gradients.get(0);
		Operand<TFloat32> x = (Operand<TFloat32>) (Operand<?>) op.input(0);
		Operand<TFloat32> gamma = (Operand<TFloat32>) (Operand<?>) op.input(1);
		Operand<TFloat32> y = (Operand<TFloat32>) (Operand<?>) op.output(0);
		float slope = op.attributes().getAttrFloat("leakyrelu_alpha");
		float epsilon = op.attributes().getAttrFloat("epsilon");
		Operand<TInt32> spatial = tf.constant(SPATIAL);
		// The output's sign is the pre-activation's, so LeakyReluGrad may take the output.
		Operand<TFloat32> g = tf.data.leakyReluGrad(dy, y, LeakyReluGrad.alpha(slope));
		Operand<TFloat32> mean = tf.math.mean(x, spatial, Mean.keepDims(true));
		Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, mean), spatial, Mean.keepDims(true));
		Operand<TFloat32> rstd = tf.math.rsqrt(tf.math.add(variance, tf.constant(epsilon)));
		Operand<TFloat32> xhat = tf.math.mul(tf.math.sub(x, mean), rstd);
		// Per sample and channel: mean(g) and mean(g xhat); gamma is per channel, so the
		// means of gamma g and gamma g xhat are gamma times these.
		Operand<TFloat32> gMean = tf.math.mean(g, spatial, Mean.keepDims(true));
		Operand<TFloat32> gxMean = tf.math.mean(tf.math.mul(g, xhat), spatial, Mean.keepDims(true));
		Operand<TFloat32> voxels = tf.dtypes.cast(tf.prod(tf.gather(tf.shape(x), spatial, tf.constant(0)),
			tf.constant(0)), TFloat32.class);
		Operand<TInt32> samplesAndSpace = tf.constant(ALL_BUT_CHANNELS);
		Operand<TFloat32> dGamma = tf.math.mul(tf.sum(gxMean, samplesAndSpace), voxels);
		Operand<TFloat32> dBeta = tf.math.mul(tf.sum(gMean, samplesAndSpace), voxels);
		Operand<TFloat32> dx = tf.math.mul(tf.math.mul(gamma, rstd),
			tf.math.sub(tf.math.sub(g, gMean), tf.math.mul(xhat, gxMean)));
		return List.of(dx, dGamma, dBeta);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * The fused training norm ({@link FusedInstanceNorm}) computes what the element-wise
 * norm and LeakyReLU compute, and its hand-built gradient is TensorFlow's automatic
 * gradient of the element-wise form, taken in float64 as the reference: for the input,
 * the scale and the shift, on channels with different means and spreads, both signs of
 * the output (the LeakyReLU's two slopes) and a batch of two (per-sample moments).
 */
class FusedInstanceNormTrainingTest {

	private static final long[] SHAPE = { 2, 10, 9, 8, 5 };
	private static final double SLOPE = 0.01;

	@Test
	void valuesAndGradientsAreTheElementWiseNormsInFloat64() {
		assumeTrue(FusedInstanceNorm.available(), "this TensorFlow build has no oneDNN fused instance norm");
		int n = Math.toIntExact(SHAPE[0] * SHAPE[1] * SHAPE[2] * SHAPE[3] * SHAPE[4]);
		float[] x = ModelBundleTest.random(n, 11);
		for (int i = 0; i < n; i++) {
			int c = i % 5;
			x[i] = x[i] * (0.5f + c) + 3 * c - 4; // per channel its own mean and spread
		}
		float[] w = ModelBundleTest.random(n, 12);
		float[] gamma = { 1.2f, 0.7f, -0.4f, 1.0f, 2.1f };
		float[] beta = { 0.3f, -0.5f, 0.1f, 0f, -1.2f };
		try (Graph g = new Graph(); Session s = new Session(g, SessionOptions.cpu().toConfigProto())) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> x32 = tf.constant(Shape.of(SHAPE), DataBuffers.of(x));
			Operand<TFloat32> g32 = tf.constant(gamma);
			Operand<TFloat32> b32 = tf.constant(beta);
			Operand<TFloat32> fused = FusedInstanceNorm.apply(tf, x32, g32, b32, SLOPE);
			Operand<TFloat32> w32 = tf.constant(Shape.of(SHAPE), DataBuffers.of(w));
			Output<?>[] ours = g.addGradients(tf.sum(tf.math.mul(fused, w32), tf.constant(new int[] { 0, 1, 2, 3, 4 })).asOutput(),
				new Output<?>[] { x32.asOutput(), g32.asOutput(), b32.asOutput() });

			Operand<TFloat64> x64 = tf.dtypes.cast(x32, TFloat64.class);
			Operand<TFloat64> g64 = tf.dtypes.cast(g32, TFloat64.class);
			Operand<TFloat64> b64 = tf.dtypes.cast(b32, TFloat64.class);
			Operand<TFloat64> reference = elementWise(tf, x64, g64, b64);
			Output<?>[] theirs = g.addGradients(
				tf.sum(tf.math.mul(reference, tf.dtypes.cast(w32, TFloat64.class)), tf.constant(new int[] { 0, 1, 2, 3, 4 }))
					.asOutput(),
				new Output<?>[] { x64.asOutput(), g64.asOutput(), b64.asOutput() });
			try (Result r = s.runner().fetch(fused).fetch(reference).fetch(ours[0]).fetch(theirs[0]).fetch(ours[1])
				.fetch(theirs[1]).fetch(ours[2]).fetch(theirs[2]).run()) {
				String[] what = { "output", "d input", "d scale", "d shift" };
				for (int k = 0; k < what.length; k++) {
					float[] a = Tensors.toFloats((TFloat32) r.get(2 * k));
					double[] b = doubles((TFloat64) r.get(2 * k + 1));
					assertEquals(b.length, a.length, what[k]);
					double scale = 0;
					for (double v : b) {
						scale = Math.max(scale, Math.abs(v));
					}
					for (int i = 0; i < a.length; i++) {
						// float32 against float64: a few float32 roundings of the largest value
						assertEquals(b[i], a[i], 2e-5 * scale, what[k] + " at " + i);
					}
				}
			}
		}
	}

	@Test
	void theCpuTrainsWithTheFusedNormUnlessTheOpsAreAskedForAndAMisspeltChoiceIsRefused() {
		assumeTrue(FusedInstanceNorm.available(), "this TensorFlow build has no oneDNN fused instance norm");
		assertEquals(NormKernel.FUSED, NormKernel.of(SessionOptions.cpu()));
		String old = System.getProperty(NormKernel.PROPERTY);
		try {
			System.setProperty(NormKernel.PROPERTY, "ops");
			assertEquals(NormKernel.OPS, NormKernel.of(SessionOptions.cpu()));
			System.setProperty(NormKernel.PROPERTY, "auto");
			assertEquals(NormKernel.FUSED, NormKernel.of(SessionOptions.cpu()));
			System.setProperty(NormKernel.PROPERTY, "opps");
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> NormKernel.of(SessionOptions.cpu()), "a misspelt kernel is refused, not ignored");
			assertEquals("-Dmodalitykd.norm-kernel=opps is not a norm kernel: use ops or auto", e.getMessage());
		} finally {
			if (old == null) {
				System.clearProperty(NormKernel.PROPERTY);
			} else {
				System.setProperty(NormKernel.PROPERTY, old);
			}
		}
	}

	private static Operand<TFloat64> elementWise(Ops tf, Operand<TFloat64> x, Operand<TFloat64> gamma,
		Operand<TFloat64> beta) {
		Operand<org.tensorflow.types.TInt32> axes = tf.constant(new int[] { 1, 2, 3 });
		Operand<TFloat64> mean = tf.math.mean(x, axes, Mean.keepDims(true));
		Operand<TFloat64> variance = tf.math.mean(tf.math.squaredDifference(x, mean), axes, Mean.keepDims(true));
		Operand<TFloat64> normalised = tf.math.div(tf.math.sub(x, mean),
			tf.math.sqrt(tf.math.add(variance, tf.constant(Normalization.EPSILON))));
		return tf.nn.leakyRelu(tf.math.add(tf.math.mul(normalised, gamma), beta), LeakyRelu.alpha((float) SLOPE));
	}

	private static double[] doubles(TFloat64 t) {
		double[] out = new double[Math.toIntExact(t.shape().size())];
		t.copyTo(org.tensorflow.ndarray.NdArrays.wrap(t.shape(), DataBuffers.of(out, false, false)));
		return out;
	}
}

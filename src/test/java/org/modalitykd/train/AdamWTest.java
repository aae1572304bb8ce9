/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modalitykd.net.Initializer;
import org.modalitykd.net.Tensors;
import org.modalitykd.net.VariableStore;
import org.modalitykd.net.Weights;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * AdamW steps against a plain Java implementation of the same formulas (PyTorch's
 * AdamW with global-norm clipping), on a loss whose gradient is known in closed form.
 */
class AdamWTest {

	private static final double LR = 0.1;
	private static final OptimizerSettings SETTINGS = new OptimizerSettings(0.9, 0.99, 1e-8, 0.5, 0.7);
	private static final double[] S = { 1, 2, 3 };
	private static final double[] T = { 0.5, -1, 2 };

	@Test
	void stepsMatchTheReferenceAndLeaveFrozenVariablesAlone() {
		double[] k = { 1, 2, -1 };
		double[] b = { 0.3, -0.2 };
		double frozen = 0.8;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, "p", 1);
			Operand<TFloat32> kv = store.trainable("k", new long[] { 3 }, TFloat32.class, new Initializer.Constant(0), true);
			Operand<TFloat32> bv = store.trainable("b", new long[] { 2 }, TFloat32.class, new Initializer.Constant(0), false);
			Operand<TFloat32> fv = store.trainable("frozen", new long[] { 1 }, TFloat32.class, new Initializer.Constant(0), true);
			// loss = 0.5 sum s (k - t)^2 + 3 sum b^2 + frozen * k0
			Operand<TFloat32> quad = tf.sum(tf.math.mul(tf.constant(f(S)), tf.math.square(tf.math.sub(kv, tf.constant(f(T))))),
				tf.constant(0));
			Operand<TFloat32> loss = tf.math.add(tf.math.add(tf.math.mul(tf.constant(0.5f), quad),
				tf.math.mul(tf.constant(3f), tf.sum(tf.math.square(bv), tf.constant(0)))),
				tf.sum(tf.math.mul(fv, tf.slice(kv, tf.constant(new int[] { 0 }), tf.constant(new int[] { 1 }))), tf.constant(0)));
			List<VariableStore.Entry> trained = store.trainableEntries().stream().filter(e -> !e.name().equals("frozen")).toList();
			var lr = tf.placeholder(TFloat32.class);
			AdamW.Minimization min = AdamW.minimize(tf, loss, trained, lr, SETTINGS, new VariableStore(tf, "adam", 1), List.of());
			store.assign(s, new Weights(Map.of("k", new Weights.Tensor(new long[] { 3 }, f(k)), "b",
				new Weights.Tensor(new long[] { 2 }, f(b)), "frozen", new Weights.Tensor(new long[] { 1 }, new float[] { (float) frozen }))));

			double[] m = new double[5];
			double[] v = new double[5];
			for (int t = 1; t <= 3; t++) {
				double[] grad = { S[0] * (k[0] - T[0]) + frozen, S[1] * (k[1] - T[1]), S[2] * (k[2] - T[2]), 6 * b[0], 6 * b[1] };
				double norm = 0;
				for (double x : grad) {
					norm += x * x;
				}
				norm = Math.sqrt(norm);
				double scale = Math.min(1, SETTINGS.clipNorm() / norm);
				double[] w = { k[0], k[1], k[2], b[0], b[1] };
				for (int i = 0; i < 5; i++) {
					double gi = grad[i] * scale;
					m[i] = SETTINGS.beta1() * m[i] + (1 - SETTINGS.beta1()) * gi;
					v[i] = SETTINGS.beta2() * v[i] + (1 - SETTINGS.beta2()) * gi * gi;
					double mhat = m[i] / (1 - Math.pow(SETTINGS.beta1(), t));
					double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(SETTINGS.beta2(), t)) + SETTINGS.epsilon();
					double decay = i < 3 ? 1 - LR * SETTINGS.weightDecay() : 1;
					w[i] = w[i] * decay - LR * mhat / denom;
				}
				k = new double[] { w[0], w[1], w[2] };
				b = new double[] { w[3], w[4] };
				try (TFloat32 rate = TFloat32.scalarOf((float) LR);
					Result r = s.runner().feed(lr, rate).addTarget(min.train()).fetch(min.gradientNorm()).fetch(min.stepAfter())
						.run()) {
					assertEquals(norm, Tensors.scalar(r.get(0)), 1e-5 * norm, "gradient norm before clipping, step " + t);
					assertEquals(t, ((org.tensorflow.types.TInt64) r.get(1)).getLong());
				}
				Weights now = store.read(s);
				assertArrayEquals(f(k), now.get("k").values(), 1e-5f, "kernel after step " + t);
				assertArrayEquals(f(b), now.get("b").values(), 1e-5f, "bias after step " + t);
				assertArrayEquals(new float[] { (float) frozen }, now.get("frozen").values(), "not in the list: unchanged");
			}
		}
	}

	private static float[] f(double[] d) {
		float[] out = new float[d.length];
		for (int i = 0; i < d.length; i++) {
			out[i] = (float) d[i];
		}
		return out;
	}
}

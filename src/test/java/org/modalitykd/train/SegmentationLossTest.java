/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.modalitykd.net.GradientCheck;
import org.modalitykd.net.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Dice and cross-entropy against values computed by hand in Java, and their gradients against finite differences. */
class SegmentationLossTest {

	private static final int N = 2;
	private static final int V = 3; // voxels per sample: shape [2, 1, 1, 3, C]
	private static final int C = 3;

	private static double[] logits() {
		Random r = new Random(1);
		double[] v = new double[N * V * C];
		for (int i = 0; i < v.length; i++) {
			v[i] = 2 * r.nextGaussian();
		}
		return v;
	}

	private static final int[] LABELS = { 0, 1, 1, 0, 0, 1 }; // class 2 absent

	@Test
	void valuesMatchTheFormulas() {
		double[] z = logits();
		double[] y = LossReferences.oneHot(LABELS, C);
		double[] p = LossReferences.softmax(z, C);
		// Expected by hand: batch Dice per class over all 6 voxels, foreground mean.
		double[] dice = new double[C];
		for (int c = 0; c < C; c++) {
			double inter = 0;
			double total = 0;
			for (int v = 0; v < N * V; v++) {
				inter += p[v * C + c] * y[v * C + c];
				total += p[v * C + c] + y[v * C + c];
			}
			dice[c] = (2 * inter + 1e-5) / (total + 1e-5);
		}
		double diceLossFg = 1 - (dice[1] + dice[2]) / 2;
		double diceLossAll = 1 - (dice[0] + dice[1] + dice[2]) / 3;
		double ce = 0;
		for (int v = 0; v < N * V; v++) {
			ce -= Math.log(p[v * C + LABELS[v]]);
		}
		ce /= N * V;

		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			long[] shape = { N, 1, 1, V, C };
			Operand<TFloat64> zt = tf.constant(Shape.of(shape), org.tensorflow.ndarray.buffer.DataBuffers.of(z, true, false));
			Operand<TFloat64> yt = tf.constant(Shape.of(shape), org.tensorflow.ndarray.buffer.DataBuffers.of(y, true, false));
			Operand<TFloat64> pt = tf.nn.softmax(zt);
			try (Result r = s.runner().fetch(SegmentationLoss.softDice(tf, pt, yt, false))
				.fetch(SegmentationLoss.softDice(tf, pt, yt, true))
				.fetch(SegmentationLoss.crossEntropy(tf, zt, yt, C)).run()) {
				assertEquals(diceLossFg, Tensors.scalar(r.get(0)), 1e-12);
				assertEquals(diceLossAll, Tensors.scalar(r.get(1)), 1e-12);
				assertEquals(ce, Tensors.scalar(r.get(2)), 1e-12);
			}
		}
		assertTrue(dice[2] < 1e-3, "an absent class predicted with some probability scores near 0");
	}

	@Test
	void perfectPredictionGivesZeroDiceLoss() {
		double[] y = LossReferences.oneHot(LABELS, C);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat64> yt = tf.constant(Shape.of(N, 1, 1, V, C), org.tensorflow.ndarray.buffer.DataBuffers.of(y, true, false));
			try (Result r = s.runner().fetch(SegmentationLoss.softDice(tf, yt, yt, false)).run()) {
				assertEquals(0, Tensors.scalar(r.get(0)), 1e-9, "absent class 2 counts as Dice 1 thanks to the smoothing");
			}
		}
	}

	@Test
	void diceGradientMatchesFiniteDifferencesFloat64() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			long[] shape = { N, 1, 1, V, C };
			Placeholder<TFloat64> z = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(shape)));
			Operand<TFloat64> y = tf.constant(Shape.of(shape), org.tensorflow.ndarray.buffer.DataBuffers.of(LossReferences.oneHot(LABELS, C), true, false));
			Operand<TFloat64> loss = SegmentationLoss.softDice(tf, tf.nn.softmax(z), y, false);
			List<GradientCheck.Report> r = GradientCheck.check(g, s, loss,
				List.of(new GradientCheck.Input("logits", z, shape, logits())), 100, 1e-6, 1);
			assertTrue(r.get(0).relativeError() < 1e-4, r.get(0).toString());
		}
	}

	@Test
	void crossEntropyGradientMatchesFiniteDifferencesFloat32() {
		// The fused softmax-cross-entropy op has no float64 gradient kernel: float32 here.
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			long[] shape = { N, 1, 1, V, C };
			Placeholder<TFloat32> z = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
			float[] yv = new float[N * V * C];
			double[] y64 = LossReferences.oneHot(LABELS, C);
			for (int i = 0; i < yv.length; i++) {
				yv[i] = (float) y64[i];
			}
			Operand<TFloat32> y = tf.constant(Shape.of(shape), org.tensorflow.ndarray.buffer.DataBuffers.of(yv, true, false));
			Operand<TFloat64> loss = tf.dtypes.cast(SegmentationLoss.crossEntropy(tf, z, y, C), TFloat64.class);
			List<GradientCheck.Report> r = GradientCheck.check(g, s, loss,
				List.of(new GradientCheck.Input("logits", z, shape, logits())), 100, 1e-2, 1);
			assertTrue(r.get(0).relativeError() < 1e-2, r.get(0).toString());
		}
	}

	@Test
	void deepSupervisionWeightsHalvePerLevelAndSumToOne() {
		double[] w = SegmentationLoss.deepSupervisionWeights(3);
		assertEquals(4.0 / 7, w[0], 1e-12);
		assertEquals(2.0 / 7, w[1], 1e-12);
		assertEquals(1.0 / 7, w[2], 1e-12);
	}
}

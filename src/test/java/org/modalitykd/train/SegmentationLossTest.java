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
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

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
		GradientCheck.Report r = logitGradient(TFloat64.class, (tf, z, y) -> SegmentationLoss.softDice(tf, tf.nn.softmax(z), y, false),
			1e-6);
		assertTrue(r.relativeError() < 1e-4, r.toString());
	}

	@Test
	void crossEntropyGradientMatchesFiniteDifferencesFloat32() {
		// The fused softmax-cross-entropy op has no float64 gradient kernel: float32 here.
		GradientCheck.Report r = logitGradient(TFloat32.class,
			(tf, z, y) -> tf.dtypes.cast(SegmentationLoss.crossEntropy(tf, z, y, C), TFloat64.class), 1e-2);
		assertTrue(r.relativeError() < 1e-2, r.toString());
	}

	/** A loss of the logits and the one-hot labels, as the float64 scalar that GradientCheck differentiates. */
	@FunctionalInterface
	private interface LossOfLogits<T extends TFloating> {
		Operand<TFloat64> of(Ops tf, Operand<T> logits, Operand<T> oneHot);
	}

	/**
	 * The gradient of {@code loss} with respect to {@link #logits()} (fed in {@code type})
	 * against central differences of step {@code h}, with {@link #LABELS} as the target.
	 */
	private static <T extends TFloating> GradientCheck.Report logitGradient(Class<T> type, LossOfLogits<T> loss, double h) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			long[] shape = { N, 1, 1, V, C };
			Placeholder<T> z = tf.placeholder(type, Placeholder.shape(Shape.of(shape)));
			// 0 and 1 are exact in any precision: the float64 one-hot labels, cast to the logits' type.
			Operand<T> y = tf.dtypes.cast(tf.constant(Shape.of(shape), DataBuffers.of(LossReferences.oneHot(LABELS, C), true, false)), type);
			List<GradientCheck.Report> r = GradientCheck.check(g, s, loss.of(tf, z, y),
				List.of(new GradientCheck.Input("logits", z, shape, logits())), 100, h, 1);
			return r.get(0);
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

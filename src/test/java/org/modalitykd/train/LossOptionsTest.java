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
import org.tensorflow.types.TFloat64;

/**
 * The terms behind the loss options against values computed by hand in this class (plain
 * Java doubles, written from the formulas in docs/training.md and ProtoKD's
 * {@code code/loss.py}), on tensors of shape [2, 1, 1, 3, C], and their gradients against
 * finite differences: KD-Net's KL latent term ({@code latent_loss kl}) and the official
 * segmentation loss ({@code seg_loss official}); and how the default Dice treats a class
 * absent from the batch.
 */
class LossOptionsTest {

	private static final int N = 2;
	private static final int V = 3;
	private static final int ROWS = N * V;
	private static final long[] SHAPE_K = { N, 1, 1, V, 5 };
	private static final long[] SHAPE_C = { N, 1, 1, V, 3 };
	private static final int C = 3;
	/** Class 2 absent from the batch. */
	private static final int[] LABELS = { 0, 1, 1, 0, 0, 1 };

	private static double[] gaussian(long seed, int n, double scale) {
		Random r = new Random(seed);
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = scale * r.nextGaussian();
		}
		return v;
	}

	private static Operand<TFloat64> constant(Ops tf, long[] shape, double[] v) {
		return tf.constant(Shape.of(shape), DataBuffers.of(v, true, false));
	}

	private static double run(Graph g, Session s, Operand<TFloat64> x) {
		try (Result r = s.runner().fetch(x).run()) {
			return Tensors.scalar(r.get(0));
		}
	}

	/** KL(q_T || q_S) per voxel with q = softmax over the 5 channels, mean over the 6 voxels. */
	private static double latentKlByHand(double[] ft, double[] fs) {
		int k = 5;
		double[] qt = LossReferences.softmax(ft, k);
		double[] qs = LossReferences.softmax(fs, k);
		double sum = 0;
		for (int row = 0; row < ROWS; row++) {
			for (int c = 0; c < k; c++) {
				double a = qt[row * k + c];
				sum += a * (Math.log(a) - Math.log(qs[row * k + c]));
			}
		}
		return sum / ROWS;
	}

	@Test
	void latentKlMatchesTheHandComputedValue() {
		double[] ft = gaussian(1, ROWS * 5, 1.5);
		double[] fs = gaussian(2, ROWS * 5, 1.5);
		double expected = latentKlByHand(ft, fs);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat64> t = constant(tf, SHAPE_K, ft);
			Operand<TFloat64> st = constant(tf, SHAPE_K, fs);
			assertEquals(expected, run(g, s, FeatureDistance.channelKl(tf, t, st)), 1e-12);
			assertEquals(expected, run(g, s, FeatureDistance.of(LatentLoss.KL, tf, t, st)), 1e-12);
			assertEquals(0, run(g, s, FeatureDistance.channelKl(tf, t, t)), 1e-12, "identical maps: KL 0");
			double reverse = latentKlByHand(fs, ft);
			assertTrue(Math.abs(reverse - expected) > 1e-3, "the direction matters: teacher first");
		}
		assertTrue(expected > 0.1, "a non-trivial case: " + expected);
	}

	@Test
	void latentKlGradientMatchesFiniteDifferences() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat64> fs = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(SHAPE_K)));
			Operand<TFloat64> loss = FeatureDistance.channelKl(tf, constant(tf, SHAPE_K, gaussian(4, ROWS * 5, 1.5)), fs);
			List<GradientCheck.Report> r = GradientCheck.check(g, s, loss,
				List.of(new GradientCheck.Input("student bottleneck", fs, SHAPE_K, gaussian(3, ROWS * 5, 1.5))), 200, 1e-6, 1);
			assertTrue(r.get(0).relativeError() < 1e-6, r.get(0).toString());
		}
	}

	/** ProtoKD's DiceLoss + WeightedCrossEntropyLoss (code/loss.py), by hand. */
	private static double[] officialByHand(double[] z, int[] labels) {
		double[] p = LossReferences.softmax(z, C);
		double[] y = LossReferences.oneHot(labels, C);
		double dice = 0;
		for (int c = 0; c < C; c++) {
			double inter = 0;
			double yy = 0;
			double pp = 0;
			for (int row = 0; row < ROWS; row++) {
				inter += p[row * C + c] * y[row * C + c];
				yy += y[row * C + c] * y[row * C + c];
				pp += p[row * C + c] * p[row * C + c];
			}
			dice += 1 - (2 * inter + 1e-5) / (yy + pp + 1e-5);
		}
		dice /= C;
		double[] w = new double[C];
		for (int label : labels) {
			w[label]++;
		}
		for (int c = 0; c < C; c++) {
			w[c] = 1 - w[c] / ROWS;
		}
		double num = 0;
		double den = 0;
		for (int row = 0; row < ROWS; row++) {
			num += w[labels[row]] * -Math.log(p[row * C + labels[row]]);
			den += w[labels[row]];
		}
		return new double[] { dice, den == 0 ? 0 : num / den };
	}

	@Test
	void officialSegmentationLossMatchesProtoKdsFormulasByHand() {
		double[] z = gaussian(5, ROWS * C, 2);
		double[] expected = officialByHand(z, LABELS);
		// The weights of this batch: background 3/6 and class 1 3/6 of the voxels, class 2 none.
		double[] p = LossReferences.softmax(z, C);
		double plain = 0;
		for (int row = 0; row < ROWS; row++) {
			plain -= Math.log(p[row * C + LABELS[row]]) / ROWS;
		}
		assertEquals(plain, expected[1], 1e-12, "equal weights 1/2: the weighted mean is the plain mean");
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat64> zt = constant(tf, SHAPE_C, z);
			Operand<TFloat64> yt = constant(tf, SHAPE_C, LossReferences.oneHot(LABELS, C));
			assertEquals(expected[0], run(g, s, OfficialSegmentationLoss.softDice(tf, tf.nn.softmax(zt), yt)), 1e-12);
			assertEquals(expected[1], run(g, s, OfficialSegmentationLoss.weightedCrossEntropy(tf, zt, yt, C)), 1e-12);
		}
	}

	@Test
	void weightedCrossEntropyFollowsTheClassFrequencies() {
		int[] labels = { 0, 0, 0, 0, 1, 2 };
		double[] z = gaussian(6, ROWS * C, 2);
		double[] expected = officialByHand(z, labels);
		double[] p = LossReferences.softmax(z, C);
		// w = 1 - (4/6, 1/6, 1/6) = (1/3, 5/6, 5/6); sum over voxels of w_y = 4/3 + 5/3 = 3
		double ce = 0;
		for (int row = 0; row < 4; row++) {
			ce += (1.0 / 3) * -Math.log(p[row * C]);
		}
		ce += (5.0 / 6) * -Math.log(p[4 * C + 1]) + (5.0 / 6) * -Math.log(p[5 * C + 2]);
		assertEquals(ce / 3, expected[1], 1e-12, "the hand-written reference itself");
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat64> zt = constant(tf, SHAPE_C, z);
			Operand<TFloat64> yt = constant(tf, SHAPE_C, LossReferences.oneHot(labels, C));
			assertEquals(expected[1], run(g, s, OfficialSegmentationLoss.weightedCrossEntropy(tf, zt, yt, C)), 1e-12);
			assertEquals(expected[0], run(g, s, OfficialSegmentationLoss.softDice(tf, tf.nn.softmax(zt), yt)), 1e-12);
		}
	}

	@Test
	void aBatchOfOneClassGivesZeroWeightedCrossEntropyNotNaN() {
		int[] labels = new int[ROWS];
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat64> zt = constant(tf, SHAPE_C, gaussian(7, ROWS * C, 2));
			Operand<TFloat64> yt = constant(tf, SHAPE_C, LossReferences.oneHot(labels, C));
			assertEquals(0, run(g, s, OfficialSegmentationLoss.weightedCrossEntropy(tf, zt, yt, C)), 0,
				"the only class has weight 1 - 1 = 0");
			assertTrue(Double.isFinite(run(g, s, OfficialSegmentationLoss.softDice(tf, tf.nn.softmax(zt), yt))));
		}
	}

	@Test
	void officialGradientsMatchFiniteDifferences() {
		int[] labels = { 0, 0, 2, 1, 0, 1 };
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat64> z = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(SHAPE_C)));
			Operand<TFloat64> y = constant(tf, SHAPE_C, LossReferences.oneHot(labels, C));
			for (Operand<TFloat64> loss : List.of(OfficialSegmentationLoss.softDice(tf, tf.nn.softmax(z), y),
				OfficialSegmentationLoss.weightedCrossEntropy(tf, z, y, C))) {
				List<GradientCheck.Report> r = GradientCheck.check(g, s, loss,
					List.of(new GradientCheck.Input("logits", z, SHAPE_C, gaussian(8, ROWS * C, 2))), 100, 1e-6, 1);
				assertTrue(r.get(0).relativeError() < 1e-6, r.get(0).toString());
			}
		}
	}

	/**
	 * What docs/training.md states of the logged {@code dice} (default form): a foreground
	 * class absent from the batch scores s / (sum p_c + s) with s = 1e-5, about 0 for any
	 * network that gives it some probability, so it adds about 1/3 to the logged loss
	 * however right the prediction of the present classes is.
	 */
	@Test
	void anAbsentClassAddsAThirdToTheDefaultDiceAsDocumented() {
		int classes = 4;
		int[] labels = { 0, 1, 2, 0, 0, 1 }; // class 3 absent
		// A near-perfect prediction: 0.997 on the label, 0.001 on each other class.
		double[] p = new double[ROWS * classes];
		double[] y = new double[ROWS * classes];
		for (int row = 0; row < ROWS; row++) {
			for (int c = 0; c < classes; c++) {
				p[row * classes + c] = c == labels[row] ? 0.997 : 0.001;
			}
			y[row * classes + labels[row]] = 1;
		}
		double[] perClass = new double[classes];
		for (int c = 1; c < classes; c++) {
			double inter = 0;
			double total = 0;
			for (int row = 0; row < ROWS; row++) {
				inter += p[row * classes + c] * y[row * classes + c];
				total += p[row * classes + c] + y[row * classes + c];
			}
			perClass[c] = (2 * inter + 1e-5) / (total + 1e-5);
		}
		double expected = 1 - (perClass[1] + perClass[2] + perClass[3]) / 3;
		assertEquals(1e-5 / (ROWS * 0.001 + 1e-5), perClass[3], 1e-15);
		assertTrue(perClass[3] < 0.002 && perClass[1] > 0.99 && perClass[2] > 0.99);
		long[] shape = { N, 1, 1, V, classes };
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			double logged = run(g, s, SegmentationLoss.softDice(tf, constant(tf, shape, p), constant(tf, shape, y), false));
			assertEquals(expected, logged, 1e-12);
			assertTrue(logged > 1.0 / 3 && logged < 1.0 / 3 + 0.01,
				"the absent class adds about 1/3 to an almost perfect prediction's loss: " + logged);
		}
	}
}

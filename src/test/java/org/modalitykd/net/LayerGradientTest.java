/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * Every layer type's analytic gradient (with respect to its input and each of its
 * parameters) against central finite differences: float64 with relative error below
 * 1e-4 wherever the CPU kernels support float64, float32 below 1e-2 for max pooling.
 */
class LayerGradientTest {

	private static final double TOL64 = 1e-4;
	private static final double TOL32 = 1e-2;
	private static final int SAMPLES = 12;

	@BeforeAll
	static void gradients() {
		Conv3dGradients.ensureRegistered();
	}

	/** Builds one layer on a random input and checks it; returns the reports. */
	private static <T extends TFloating> List<GradientCheck.Report> check(Class<T> type, long[] inShape,
		Normalization norm, int slots, double[] slotWeights, NetMode mode,
		BiFunction<Layers<T>, Operand<T>, Operand<T>> layer, double[] inputValues, double h, double tol) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			PlaceholderStore params = new PlaceholderStore(tf, 7);
			Placeholder<T> x = tf.withName("x").placeholder(type, Placeholder.shape(Shape.of(inShape)));
			Operand<T> weights = null;
			if (slotWeights != null) {
				weights = tf.dtypes.cast(tf.constant(slotWeights), type);
			}
			Layers<T> layers = new Layers<>(tf, params, type, norm, slots, weights, mode, 0.1);
			Operand<T> y = layer.apply(layers, x);
			Operand<TFloat64> f = GradientCheck.projection(tf, y, 3);
			List<GradientCheck.Input> inputs = new ArrayList<>();
			inputs.add(new GradientCheck.Input("x", x, inShape, inputValues != null ? inputValues : normal(inShape, 11)));
			params.params().forEach(p -> inputs.add(GradientCheck.Input.of(p)));
			List<GradientCheck.Report> reports = GradientCheck.check(g, s, f, inputs, SAMPLES, h, 5);
			for (GradientCheck.Report r : reports) {
				assertTrue(r.relativeError() < tol, r.toString());
				assertTrue(norm(r.analytic()) > 0 || r.name().contains("slot0"), "a zero gradient checks nothing: " + r);
			}
			return reports;
		}
	}

	private static <T extends TFloating> List<GradientCheck.Report> check64(long[] inShape,
		BiFunction<Layers<TFloat64>, Operand<TFloat64>, Operand<TFloat64>> layer) {
		return check(TFloat64.class, inShape, Normalization.INSTANCE, 1, null, NetMode.TRAINING, layer, null, 1e-5,
			TOL64);
	}

	static double[] normal(long[] shape, long seed) {
		Random r = new Random(seed);
		int n = 1;
		for (long d : shape) {
			n *= (int) d;
		}
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = r.nextGaussian();
		}
		return v;
	}

	private static double norm(double[] v) {
		double s = 0;
		for (double x : v) {
			s += x * x;
		}
		return Math.sqrt(s);
	}

	@Test
	void conv3dWithBias() {
		List<GradientCheck.Report> r = check64(new long[] { 2, 4, 5, 3, 2 }, (l, x) -> l.conv("c", x, 2, 3, 3, 1, true, false));
		assertEquals(3, r.size(), "input, kernel and bias checked");
	}

	@Test
	void conv3dStrided() {
		check64(new long[] { 1, 6, 4, 4, 2 }, (l, x) -> l.conv("c", x, 2, 3, 3, 2, false, false));
	}

	@Test
	void conv1x1x1() {
		check64(new long[] { 1, 3, 3, 2, 4 }, (l, x) -> l.conv("c", x, 4, 3, 1, 1, true, true));
	}

	@Test
	void transposedConv() {
		check64(new long[] { 2, 2, 3, 2, 3 }, (l, x) -> l.transposedConv("t", x, 3, 2));
	}

	@Test
	void instanceNorm() {
		check64(new long[] { 2, 3, 3, 2, 3 }, (l, x) -> l.norm("n", x, 3));
	}

	@Test
	void batchNormTraining() {
		check(TFloat64.class, new long[] { 2, 3, 2, 2, 3 }, Normalization.BATCH, 1, null, NetMode.TRAINING,
			(l, x) -> l.norm("n", x, 3), null, 1e-5, TOL64);
	}

	@Test
	void batchNormInference() {
		check(TFloat64.class, new long[] { 2, 3, 2, 2, 3 }, Normalization.BATCH, 1, null, NetMode.INFERENCE,
			(l, x) -> l.norm("n", x, 3), null, 1e-5, TOL64);
	}

	@Test
	void perModalityNormTouchesOnlyTheChosenSlot() {
		List<GradientCheck.Report> r = check(TFloat64.class, new long[] { 2, 3, 2, 2, 3 }, Normalization.INSTANCE, 2,
			new double[] { 0, 1 }, NetMode.TRAINING, (l, x) -> l.norm("n", x, 3), null, 1e-5, TOL64);
		for (GradientCheck.Report rep : r) {
			if (rep.name().contains("slot0")) {
				assertEquals(0, norm(rep.analytic()), "the unselected modality's parameters get no gradient");
			}
		}
		assertEquals(5, r.size(), "x and gamma/beta of two slots");
	}

	@Test
	void leakyRelu() {
		check64(new long[] { 2, 3, 2, 2, 3 }, (l, x) -> l.activation(x));
	}

	@Test
	void nearestUpsampling() {
		check64(new long[] { 1, 2, 3, 2, 2 }, (l, x) -> l.upsampleNearest(x));
	}

	@Test
	void skipConcatenation() {
		check64(new long[] { 1, 2, 2, 2, 2 }, (l, x) -> {
			Ops tf = Ops.create(((org.tensorflow.Output<?>) x.asOutput()).op().env());
			return tf.concat(List.of(x, tf.math.square(x)), tf.constant(4));
		});
	}

	@Test
	void maxPoolFloat32() {
		long[] shape = { 2, 4, 4, 2, 2 };
		// Values 0.05 apart in random order: no two in a window are within the step h.
		int n = 2 * 4 * 4 * 2 * 2;
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		java.util.Collections.shuffle(order, new Random(3));
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = 0.05 * order.get(i) - 1;
		}
		check(TFloat32.class, shape, Normalization.INSTANCE, 1, null, NetMode.TRAINING, (l, x) -> l.maxPool(x), v, 1e-2,
			TOL32);
	}

	@Test
	void convNormActBlockFloat32() {
		check(TFloat32.class, new long[] { 1, 4, 4, 4, 2 }, Normalization.INSTANCE, 1, null, NetMode.TRAINING,
			(l, x) -> l.convNormAct("b", x, 2, 3, 1), null, 1e-3, TOL32);
	}
}

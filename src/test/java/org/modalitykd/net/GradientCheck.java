/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * Compares TensorFlow's analytic gradients with central finite differences
 * (f(x + h e_i) - f(x - h e_i)) / 2h, on a random sample of the entries of each input.
 * The scalar checked is f = sum(output * R) with a fixed random R, so every output
 * element contributes with its own weight.
 */
public final class GradientCheck {

	/** An input (placeholder) to differentiate with respect to, and its values. */
	public record Input(String name, Operand<?> placeholder, long[] shape, double[] values) {
		static Input of(PlaceholderStore.Param p) {
			return new Input(p.name(), p.placeholder(), p.shape(), p.values());
		}
	}

	/** Per input: the sampled analytic and numeric derivatives and their relative error. */
	public record Report(String name, double[] analytic, double[] numeric, double relativeError) {
		@Override
		public String toString() {
			return String.format("%s: relative error %.3g (analytic %s, numeric %s)", name, relativeError,
				Arrays.toString(Arrays.copyOf(analytic, Math.min(4, analytic.length))),
				Arrays.toString(Arrays.copyOf(numeric, Math.min(4, numeric.length))));
		}
	}

	private GradientCheck() {
	}

	/**
	 * sum(output * R) in float64 with R standard normal of the output's shape, drawn by
	 * a stateless generator from {@code seed} (so the same in every evaluation) and
	 * kept out of the gradient.
	 */
	@SuppressWarnings("unchecked")
	public static <T extends TFloating> Operand<TFloat64> projection(Ops tf, Operand<T> output, long seed) {
		Operand<TFloat64> out64 = output.type() == TFloat64.class ? (Operand<TFloat64>) (Operand<?>) output
			: tf.dtypes.cast(output, TFloat64.class);
		Operand<TFloat64> r = tf.stopGradient(tf.random.statelessRandomNormal(tf.shape(out64),
			tf.constant(new long[] { seed, 17 }), TFloat64.class));
		Operand<TFloat64> flat = tf.reshape(tf.math.mul(out64, r), tf.constant(new int[] { -1 }));
		return tf.sum(flat, tf.constant(0));
	}

	/**
	 * Checks {@code f} (a float64 scalar) with respect to each input.
	 *
	 * @param samples entries per input (all when the input is smaller)
	 * @param h       step of the central difference
	 */
	public static List<Report> check(Graph g, Session s, Operand<TFloat64> f, List<Input> inputs, int samples, double h,
		long seed) {
		Output<?>[] xs = inputs.stream().map(i -> i.placeholder().asOutput()).toArray(Output[]::new);
		Output<?>[] grads = g.addGradients(f.asOutput(), xs);
		List<double[]> analyticFull = new ArrayList<>();
		List<Tensor> fed = feedAll(inputs, -1, -1, 0);
		try {
			Session.Runner runner = s.runner();
			feed(runner, inputs, fed);
			for (Output<?> gr : grads) {
				runner.fetch(gr);
			}
			try (Result r = runner.run()) {
				for (int i = 0; i < grads.length; i++) {
					analyticFull.add(toDoubles(r.get(i)));
				}
			}
		} finally {
			fed.forEach(Tensor::close);
		}
		Random random = new Random(seed);
		List<Report> reports = new ArrayList<>();
		for (int k = 0; k < inputs.size(); k++) {
			Input in = inputs.get(k);
			int n = in.values().length;
			int[] picks = n <= samples ? range(n) : random.ints(0, n).distinct().limit(samples).toArray();
			double[] a = new double[picks.length];
			double[] num = new double[picks.length];
			for (int p = 0; p < picks.length; p++) {
				a[p] = analyticFull.get(k)[picks[p]];
				double plus = evaluate(s, f, inputs, k, picks[p], h);
				double minus = evaluate(s, f, inputs, k, picks[p], -h);
				num[p] = (plus - minus) / (2 * h);
			}
			reports.add(new Report(in.name(), a, num, relativeError(a, num)));
		}
		return reports;
	}

	/** ||a - n|| / max(||a||, ||n||), 0 when both are exactly zero. */
	static double relativeError(double[] a, double[] n) {
		double diff = 0;
		double na = 0;
		double nn = 0;
		for (int i = 0; i < a.length; i++) {
			diff += (a[i] - n[i]) * (a[i] - n[i]);
			na += a[i] * a[i];
			nn += n[i] * n[i];
		}
		double scale = Math.sqrt(Math.max(na, nn));
		return scale == 0 ? 0 : Math.sqrt(diff) / scale;
	}

	static double evaluate(Session s, Operand<TFloat64> f, List<Input> inputs, int input, int index, double delta) {
		List<Tensor> fed = feedAll(inputs, input, index, delta);
		try {
			Session.Runner runner = s.runner();
			feed(runner, inputs, fed);
			try (Result r = runner.fetch(f).run()) {
				return ((TFloat64) r.get(0)).getDouble();
			}
		} finally {
			fed.forEach(Tensor::close);
		}
	}

	private static void feed(Session.Runner runner, List<Input> inputs, List<Tensor> tensors) {
		for (int i = 0; i < inputs.size(); i++) {
			runner.feed(inputs.get(i).placeholder(), tensors.get(i));
		}
	}

	private static List<Tensor> feedAll(List<Input> inputs, int perturbed, int index, double delta) {
		List<Tensor> out = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			Input in = inputs.get(i);
			double[] v = in.values();
			if (i == perturbed) {
				v = v.clone();
				v[index] += delta;
			}
			out.add(tensor(in.placeholder().type(), in.shape(), v));
		}
		return out;
	}

	static Tensor tensor(Class<?> type, long[] shape, double[] v) {
		if (type == TFloat64.class) {
			return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(v, true, false));
		}
		float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			f[i] = (float) v[i];
		}
		return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(f, true, false));
	}

	static double[] toDoubles(Tensor t) {
		int n = Math.toIntExact(t.shape().size());
		double[] out = new double[n];
		if (t instanceof TFloat64 d) {
			d.copyTo(DataBuffers.of(out, false, false));
		} else {
			float[] f = new float[n];
			((TFloat32) t).copyTo(DataBuffers.of(f, false, false));
			for (int i = 0; i < n; i++) {
				out[i] = f[i];
			}
		}
		return out;
	}

	private static int[] range(int n) {
		int[] r = new int[n];
		for (int i = 0; i < n; i++) {
			r[i] = i;
		}
		return r;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Per-modality batch normalisation (Dou et al.: shared kernels, "respective statistics"
 * per modality) against the running averages computed here by hand: a training step
 * moves only the slot of its batch's modality, towards that batch's mean and (biased)
 * variance with momentum 0.9, and inference normalises with the chosen slot's averages.
 */
class PerModalityBatchNormTest {

	private static final long[] SHAPE = { 2, 2, 3, 2, 3 };
	private static final int CHANNELS = 3;

	@Test
	void eachSlotAveragesOnlyItsOwnModalitysBatchesAndInferenceUsesThem() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore params = new VariableStore(tf, "net", 3);
			Placeholder<TFloat64> x = tf.withName("x").placeholder(TFloat64.class, Placeholder.shape(Shape.of(SHAPE)));
			Placeholder<TInt32> slot = tf.withName("slot").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
			Operand<TFloat64> weights = tf.oneHot(slot, tf.constant(2), tf.constant(1.0), tf.constant(0.0));
			Layers<TFloat64> training = new Layers<>(tf.withSubScope("train"), params, TFloat64.class, Normalization.BATCH,
				2, weights, NetMode.TRAINING, 0.1);
			training.norm("n", x, CHANNELS);
			List<Op> updates = training.updateOps();
			Layers<TFloat64> inference = new Layers<>(tf.withSubScope("infer"), params, TFloat64.class,
				Normalization.BATCH, 2, weights, NetMode.INFERENCE, 0.1);
			Operand<TFloat64> normalised = inference.norm("n", x, CHANNELS);

			// Two "modalities" with different intensity distributions, interleaved as the
			// unpaired trainer feeds them.
			double[][] mean = { { 0, 0, 0 }, { 0, 0, 0 } };
			double[][] variance = { { 1, 1, 1 }, { 1, 1, 1 } };
			Random r = new Random(5);
			int[] order = { 0, 1, 1, 0, 0, 1, 0 };
			for (int step = 0; step < order.length; step++) {
				int m = order[step];
				double[] batch = batch(r, m == 0 ? 4.0 : -2.0, m == 0 ? 0.5 : 3.0);
				try (TFloat64 in = tensor(batch); TInt32 k = TInt32.scalarOf(m)) {
					Session.Runner run = s.runner().feed(x, in).feed(slot, k);
					updates.forEach(run::addTarget);
					run.run().close();
				}
				for (int c = 0; c < CHANNELS; c++) {
					double mu = channelMean(batch, c);
					double var = channelMean(square(batch, c, mu), c);
					mean[m][c] += 0.1 * (mu - mean[m][c]);
					variance[m][c] += 0.1 * (var - variance[m][c]);
				}
			}
			for (int m = 0; m < 2; m++) {
				assertClose(mean[m], read(s, params, "n/moving_mean_slot" + m), 1e-12, "running mean of slot " + m);
				assertClose(variance[m], read(s, params, "n/moving_variance_slot" + m), 1e-12,
					"running variance of slot " + m);
			}
			assertTrue(mean[0][0] > 1 && mean[1][0] < -0.5, "the slots hold their own modality's statistics");

			double[] probe = batch(new Random(9), 1.0, 2.0);
			for (int m = 0; m < 2; m++) {
				double[] expected = new double[probe.length];
				for (int i = 0; i < probe.length; i++) {
					int c = i % CHANNELS;
					expected[i] = (probe[i] - mean[m][c]) / Math.sqrt(variance[m][c] + Normalization.EPSILON);
				}
				try (TFloat64 in = tensor(probe); TInt32 k = TInt32.scalarOf(m);
					Result out = s.runner().feed(x, in).feed(slot, k).fetch(normalised).run()) {
					double[] got = flat((TFloat64) out.get(0));
					assertClose(expected, got, 1e-9, "inference through slot " + m);
				}
			}
		}
	}

	@Test
	void twoPassesSharingOneSetOfAveragesUpdateItInOrder() {
		// The unpaired method's shared-BN ablation: the first modality's pass, then the second's
		// built after its updates (as the trainer builds them). Per step the average moves by
		// the first batch and then by the second: r <- r + 0.1 (mA - r), then r <- r + 0.1 (mB - r).
		// Unordered, the two read-and-add pairs interleave as the executor schedules them.
		for (int repeat = 0; repeat < 10; repeat++) {
			try (Graph g = new Graph(); Session s = new Session(g)) {
				Ops tf = Ops.create(g);
				VariableStore params = new VariableStore(tf, "net", 3);
				Placeholder<TFloat64> xa = tf.withName("xa").placeholder(TFloat64.class, Placeholder.shape(Shape.of(SHAPE)));
				Placeholder<TFloat64> xb = tf.withName("xb").placeholder(TFloat64.class, Placeholder.shape(Shape.of(SHAPE)));
				Operand<TFloat64> none = tf.constant(new double[] { 1 });
				Layers<TFloat64> first = new Layers<>(tf.withSubScope("a"), params, TFloat64.class, Normalization.BATCH, 1,
					none, NetMode.TRAINING, 0.1);
				first.norm("n", xa, CHANNELS);
				Ops tfB = Layers.afterSharedUpdates(tf, Normalization.BATCH, 1, first.updateOps());
				Layers<TFloat64> second = new Layers<>(tfB.withSubScope("b"), params, TFloat64.class, Normalization.BATCH, 1,
					none, NetMode.TRAINING, 0.1);
				second.norm("n", xb, CHANNELS);
				double[] mean = new double[CHANNELS];
				Random r = new Random(11 + repeat);
				for (int step = 0; step < 3; step++) {
					double[] a = batch(r, 4.0, 0.5);
					double[] b = batch(r, -2.0, 3.0);
					try (TFloat64 ta = tensor(a); TFloat64 tb = tensor(b)) {
						Session.Runner run = s.runner().feed(xa, ta).feed(xb, tb);
						first.updateOps().forEach(run::addTarget);
						second.updateOps().forEach(run::addTarget);
						run.run().close();
					}
					for (int c = 0; c < CHANNELS; c++) {
						mean[c] += 0.1 * (channelMean(a, c) - mean[c]);
						mean[c] += 0.1 * (channelMean(b, c) - mean[c]);
					}
				}
				assertClose(mean, read(s, params, "n/moving_mean"), 1e-12, "shared running mean, repeat " + repeat);
			}
		}
		// Per-slot statistics and instance norm build the second pass as before.
		try (Graph g = new Graph()) {
			Ops tf = Ops.create(g);
			List<Op> updates = List.of(tf.noOp());
			assertTrue(Layers.afterSharedUpdates(tf, Normalization.BATCH, 2, updates) == tf);
			assertTrue(Layers.afterSharedUpdates(tf, Normalization.INSTANCE, 1, updates) == tf);
		}
	}

	private static double[] batch(Random r, double mean, double sd) {
		int n = 1;
		for (long d : SHAPE) {
			n *= (int) d;
		}
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			// Each channel its own offset, so that a mix-up of channels shows too.
			v[i] = mean + (i % CHANNELS) + sd * r.nextGaussian();
		}
		return v;
	}

	private static double channelMean(double[] v, int c) {
		double sum = 0;
		int n = 0;
		for (int i = c; i < v.length; i += CHANNELS) {
			sum += v[i];
			n++;
		}
		return sum / n;
	}

	/** The squared deviations of channel c from mu, at channel c's places (others 0). */
	private static double[] square(double[] v, int c, double mu) {
		double[] out = new double[v.length];
		for (int i = c; i < v.length; i += CHANNELS) {
			out[i] = (v[i] - mu) * (v[i] - mu);
		}
		return out;
	}

	private static TFloat64 tensor(double[] v) {
		TFloat64 t = TFloat64.tensorOf(Shape.of(SHAPE));
		for (int i = 0; i < v.length; i++) {
			t.setDouble(v[i], index(i));
		}
		return t;
	}

	private static long[] index(int flat) {
		long[] idx = new long[SHAPE.length];
		long rest = flat;
		for (int d = SHAPE.length - 1; d >= 0; d--) {
			idx[d] = rest % SHAPE[d];
			rest /= SHAPE[d];
		}
		return idx;
	}

	private static double[] flat(TFloat64 t) {
		double[] v = new double[(int) t.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = t.getDouble(index(i));
		}
		return v;
	}

	private static double[] read(Session s, VariableStore params, String name) {
		VariableStore.Entry e = params.entries().stream().filter(x -> x.name().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("no variable " + name + " in " + params.entries().stream()
				.map(VariableStore.Entry::name).toList()));
		try (Result r = s.runner().fetch(e.read()).run()) {
			return StdArrays.array1dCopyOf((TFloat64) r.get(0));
		}
	}

	private static void assertClose(double[] expected, double[] got, double tol, String what) {
		assertEquals(expected.length, got.length, what);
		for (int i = 0; i < expected.length; i++) {
			assertEquals(expected[i], got[i], tol * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
		}
	}
}

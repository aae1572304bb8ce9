/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * What TensorFlow reaches on this machine with the bench's session options: a large
 * float32 matmul and a large 3D convolution (3x3x3, 'same', as the U-Net's), in
 * GFLOP/s, the yardstick for the network's achieved rate. Inputs are fed once per run
 * and the result stays in TensorFlow (closed unread): only the kernel is timed, plus
 * the feed.
 */
public final class MachinePeak {

	private final SessionOptions options;
	private final int repeats;

	MachinePeak(SessionOptions options, int repeats) {
		this.options = options;
		this.repeats = repeats;
	}

	/** Seconds per {@code n x n} by {@code n x n} matmul; FLOPs = 2 n^3. */
	double[] matmul(int n) {
		try (Graph g = new Graph(); Session s = new Session(g, options.toConfigProto())) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> a = tf.placeholder(TFloat32.class);
			Placeholder<TFloat32> b = tf.placeholder(TFloat32.class);
			var product = tf.linalg.matMul(a, b);
			float[] values = NetBenchmark.random(n * n, 5);
			try (TFloat32 ta = Tensors.floats(new long[] { n, n }, values);
				TFloat32 tb = Tensors.floats(new long[] { n, n }, values)) {
				return time(() -> {
					try (Result r = s.runner().feed(a, ta).feed(b, tb).fetch(product).run()) {
						// Closed unread: the product itself is what is timed.
					}
				});
			}
		}
	}

	/** Seconds per 3x3x3 convolution of a {@code size^3 x channels} image to {@code channels}; FLOPs = 2 size^3 27 c^2. */
	double[] conv3d(int size, int channels) {
		try (Graph g = new Graph(); Session s = new Session(g, options.toConfigProto())) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
			Placeholder<TFloat32> w = tf.placeholder(TFloat32.class);
			var y = tf.nn.conv3d(x, w, java.util.List.of(1L, 1L, 1L, 1L, 1L), "SAME");
			try (TFloat32 tx = Tensors.floats(new long[] { 1, size, size, size, channels },
				NetBenchmark.random(size * size * size * channels, 6));
				TFloat32 tw = Tensors.floats(new long[] { 3, 3, 3, channels, channels },
					NetBenchmark.random(27 * channels * channels, 7))) {
				return time(() -> {
					try (Result r = s.runner().feed(x, tx).feed(w, tw).fetch(y).run()) {
						// Closed unread.
					}
				});
			}
		}
	}

	static double matmulFlops(int n) {
		return 2.0 * n * n * n;
	}

	static double conv3dFlops(int size, int channels) {
		return 2.0 * size * size * size * 27 * channels * channels;
	}

	private double[] time(Runnable run) {
		double[] t = new double[repeats];
		for (int r = -1; r < repeats; r++) {
			long t0 = System.nanoTime();
			run.run();
			if (r >= 0) {
				t[r] = (System.nanoTime() - t0) / 1e9;
			}
		}
		return t;
	}
}

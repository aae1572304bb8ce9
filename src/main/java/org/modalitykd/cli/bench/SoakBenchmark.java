/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.modalitykd.data.PatchBatch;
import org.modalitykd.net.NetMode;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Tensors;
import org.modalitykd.net.UNet;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.VariableStore;
import org.modalitykd.train.Objective;
import org.modalitykd.train.Trainer;
import org.modalitykd.train.TrainingMethod;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Native-memory soak: many forward passes and training steps of the default U-Net on
 * one session, with the process's resident memory (VmRSS) read before and after. With
 * every Tensor and Result closed, resident memory stays flat once the allocators have
 * warmed up; a leak of native TF buffers shows up as steady growth.
 *
 * @param forwards forward passes measured
 * @param steps training steps measured
 * @param options where TensorFlow runs
 */
public record SoakBenchmark(int forwards, int steps, SessionOptions options) {

	private static final int PATCH = 32;
	private static final int WARM_UP = 50;

	public void run(PrintWriter out) throws IOException {
		UNetConfig config = UNetConfig.defaults(4, 4);
		out.printf("soak benchmark: %s, %d^3 patches; RSS from /proc/self/status%n", config.describe(), PATCH);
		out.printf("%-28s %8s %12s %12s %9s %12s%n", "phase", "runs", "RSS start MB", "RSS end MB", "growth", "heap end MB");
		int v = PATCH * PATCH * PATCH;
		float[] image = new float[4 * v];
		SplittableRandom random = new SplittableRandom(5);
		for (int i = 0; i < image.length; i++) {
			image[i] = (float) random.nextGaussian();
		}
		try (Graph g = new Graph(); Session s = new Session(g, options.toConfigProto())) {
			Ops tf = Ops.create(g);
			var x = tf.placeholder(TFloat32.class);
			VariableStore store = new VariableStore(tf, "", 1);
			UNet<TFloat32> net = UNet.build(tf, config, store, TFloat32.class, x, NetMode.INFERENCE);
			store.assign(s, NetBenchmark.randomWeights(config));
			long[] shape = { 1, PATCH, PATCH, PATCH, 4 };
			Runnable forward = () -> {
				try (TFloat32 in = Tensors.floats(shape, image); Result r = s.runner().feed(x, in).fetch(net.probabilities()).run()) {
					Tensors.toFloats(r.get(0));
				}
			};
			measure(out, "forward passes", forwards, forward);
		}
		byte[] labels = new byte[v];
		for (int i = 0; i < v; i++) {
			labels[i] = (byte) random.nextInt(4);
		}
		PatchBatch batch = PatchBatch.of(1, 4, new int[] { PATCH, PATCH, PATCH }, planar(image, v), labels);
		try (Trainer t = Trainer.create(config, Objective.defaults(TrainingMethod.SUPERVISED), options)) {
			measure(out, "training steps", steps, () -> t.step(batch, 1e-4));
		}
		out.println("growth = (RSS end - RSS start) / RSS start, start taken after " + WARM_UP + " warm-up runs; target < 5 %.");
	}

	private static void measure(PrintWriter out, String phase, int runs, Runnable body) throws IOException {
		for (int i = 0; i < WARM_UP; i++) {
			body.run();
		}
		System.gc();
		long start = rssKb();
		for (int i = 0; i < runs; i++) {
			body.run();
		}
		System.gc();
		long end = rssKb();
		Runtime rt = Runtime.getRuntime();
		out.printf("%-28s %8d %12.1f %12.1f %8.2f%% %12.1f%n", phase, runs, start / 1024.0, end / 1024.0,
			100.0 * (end - start) / start, (rt.totalMemory() - rt.freeMemory()) / 1e6);
		out.flush();
	}

	/** The interleaved image as the trainer's channel-planar layout. */
	private static float[] planar(float[] interleaved, int voxels) {
		float[] out = new float[interleaved.length];
		for (int i = 0; i < voxels; i++) {
			for (int c = 0; c < 4; c++) {
				out[c * voxels + i] = interleaved[i * 4 + c];
			}
		}
		return out;
	}

	static long rssKb() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D+", ""));
			}
		}
		throw new IOException("no VmRSS in /proc/self/status (not Linux?)");
	}
}

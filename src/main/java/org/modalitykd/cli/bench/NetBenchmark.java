/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.modalitykd.app.LoadedSegmenter;
import org.modalitykd.data.PatchBatch;
import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.NetMode;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Tensors;
import org.modalitykd.net.UNet;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.VariableStore;
import org.modalitykd.net.Weights;
import org.modalitykd.train.Objective;
import org.modalitykd.train.Trainer;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Network speed on this machine: forward pass per patch, one training step, and
 * sliding-window inference of a whole 4-channel BraTS-sized volume, for the default
 * U-Net ({@link UNetConfig#defaults}). Random weights and images: the cost does not
 * depend on them. Times are the median of the repeats after one warm-up run.
 */
public final class NetBenchmark {

	private final int repeats;
	private final int[] volume;
	private final int window;
	private final SessionOptions options;

	public NetBenchmark(int repeats, int[] volume, int window, SessionOptions options) {
		this.repeats = repeats;
		this.volume = volume.clone();
		this.window = window;
		this.options = options;
	}

	void run(Path dir, PrintWriter out) throws Exception {
		run(dir, out, true);
	}

	/**
	 * @param peer also time the PyTorch peer (benchmarks/unet_peer.py with Debian's
	 *             python3-torch) on the same sizes and thread count, and print ratios
	 */
	public void run(Path dir, PrintWriter out, boolean peer) throws Exception {
		UNetConfig config = UNetConfig.defaults(4, 4);
		int threads = Runtime.getRuntime().availableProcessors();
		out.printf("net benchmark: %s; TensorFlow %s, %d cores, device %s%n", config.describe(), TensorFlow.version(),
			threads, org.modalitykd.net.Devices.resolve(options.device()).description());
		out.flush();
		Weights weights = randomWeights(config);
		Map<String, double[]> ours = new java.util.LinkedHashMap<>();
		Map<String, String> peerKeys = new java.util.HashMap<>();
		Path bundle = dir.resolve("bench-model");
		ModelBundle.save(bundle, card(config, window), weights);
		for (int size : new int[] { 64, 96 }) {
			String name = "forward 1 x " + size + "^3 patch";
			ours.put(name, forward(bundle, size));
			peerKeys.put(name, "forward/" + size);
		}
		for (int size : new int[] { 64, 96 }) {
			String name = "training step 1 x " + size + "^3";
			ours.put(name, trainStep(config, size));
			peerKeys.put(name, "train/" + size);
		}
		String sw = String.format("sliding window %dx%dx%d x4, %d^3", volume[0], volume[1], volume[2], window);
		ours.put(sw, slidingWindow(bundle));
		peerKeys.put(sw, "sliding_window");
		com.google.gson.JsonObject p = peer ? PeerRun.unet(threads, repeats, volume, window) : null;
		out.printf("%-34s %10s %10s %12s %12s%n", "measurement", "median s", "min s", "PyTorch s", "ours/PyTorch");
		for (var e : ours.entrySet()) {
			double median = median(e.getValue());
			String peerSeconds = "-";
			String ratio = "-";
			if (p != null) {
				double[] t = PeerRun.seconds(p, peerKeys.get(e.getKey()));
				if (t != null) {
					peerSeconds = String.format("%.3f", median(t));
					ratio = String.format("%.2f", median / median(t));
				}
			}
			out.printf("%-34s %10.3f %10.3f %12s %12s%n", e.getKey(), median, java.util.Arrays.stream(e.getValue()).min().orElse(0),
				peerSeconds, ratio);
		}
		if (p != null) {
			out.printf("peer: PyTorch %s on %d threads (benchmarks/unet_peer.py); ratio < 1 means ModalityKD is faster%n",
				p.get("torch").getAsString(), p.get("threads").getAsInt());
		} else if (peer) {
			out.println(PeerRun.NOT_RUN);
		}
		out.flush();
	}

	static double median(double[] seconds) {
		double[] s = seconds.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/**
	 * A fresh network's weights with its per-channel parameters (norm scales and shifts)
	 * moved off exactly 1 and 0, as training leaves them: Grappler simplifies a scale of
	 * exactly 1 and a shift of exactly 0 out of the norm, and the graph left is not the
	 * one oneDNN fuses, so a fresh network would time another graph than a trained one.
	 */
	static Weights randomWeights(UNetConfig config) {
		Weights fresh;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, "", 1);
			UNet.build(tf, config, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.TRAINING);
			fresh = store.read(s);
		}
		SplittableRandom r = new SplittableRandom(3);
		Map<String, Weights.Tensor> trained = new java.util.LinkedHashMap<>();
		fresh.tensors().forEach((name, t) -> {
			float[] v = t.values().clone();
			if (t.shape().length == 1) {
				for (int i = 0; i < v.length; i++) {
					v[i] += (float) r.nextDouble(-0.2, 0.2);
				}
			}
			trained.put(name, new Weights.Tensor(t.shape(), v));
		});
		return new Weights(trained);
	}

	static float[] random(int n, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) r.nextDouble(-2, 2);
		}
		return v;
	}

	/** The forward pass of a saved bundle's network as segmentation runs it (one patch per call). */
	double[] forward(Path bundle, int size) throws IOException {
		try (ModelBundle model = ModelBundle.load(bundle, options)) {
			int channels = model.card().architecture().inputChannels();
			float[] image = random(size * size * size * channels, size);
			double[] t = new double[repeats];
			for (int r = -1; r < repeats; r++) {
				long t0 = System.nanoTime();
				try (TFloat32 in = Tensors.floats(new long[] { 1, size, size, size, channels }, image);
					Result res = model.session().runner().feed(model.inputName(), in).fetch(model.outputName()).run()) {
					Tensors.toFloats(res.get(0));
				}
				if (r >= 0) {
					t[r] = (System.nanoTime() - t0) / 1e9;
				}
			}
			return t;
		}
	}

	private double[] trainStep(UNetConfig config, int size) {
		int v = size * size * size;
		byte[] labels = new byte[v];
		SplittableRandom random = new SplittableRandom(2);
		for (int i = 0; i < v; i++) {
			labels[i] = (byte) random.nextInt(4);
		}
		PatchBatch batch = PatchBatch.of(1, 4, new int[] { size, size, size }, random(4 * v, 3), labels);
		try (Trainer t = Trainer.create(config, Objective.defaults(TrainingMethod.SUPERVISED), options)) {
			double[] times = new double[repeats];
			for (int r = -1; r < repeats; r++) {
				long t0 = System.nanoTime();
				t.step(batch, 1e-3);
				if (r >= 0) {
					times[r] = (System.nanoTime() - t0) / 1e9;
				}
			}
			return times;
		}
	}

	private double[] slidingWindow(Path bundle) throws Exception {
		Geometry g = Geometry.axisAligned(volume[0], volume[1], volume[2], 1, 1, 1);
		int n = volume[0] * volume[1] * volume[2];
		float[][] channels = new float[4][];
		for (int c = 0; c < 4; c++) {
			channels[c] = random(n, 10 + c);
		}
		Volume images = new Volume(g, Modalities.BRATS, channels);
		double[] times = new double[Math.max(1, repeats / 2)];
		// No crop: random images are non-zero everywhere anyway; a brain covers about half.
		InferenceSettings uncropped = InferenceSettings.defaults().withCropToNonZero(false);
		try (LoadedSegmenter s = LoadedSegmenter.open(bundle, options, uncropped)) {
			for (int r = 0; r < times.length; r++) {
				long t0 = System.nanoTime();
				s.segment(images, false, Progress.NONE);
				times[r] = (System.nanoTime() - t0) / 1e9;
			}
		}
		return times;
	}

	static ModelCard card(UNetConfig config, int window) {
		return new ModelCard(ModelCard.FORMAT_VERSION, ModelRole.TEACHER, Modalities.BRATS, ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO),
			new int[] { window, window, window }, new double[] { 1, 1, 1 }, config,
			new ModelCard.Provenance("benchmark", Map.of(), "random", 1, 0, Map.of(), "now"), Map.of());
	}

	public static List<String> suites() {
		return List.of("io", "net", "soak");
	}
}

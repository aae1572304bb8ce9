/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.google.gson.JsonObject;
import org.modalitykd.app.LoadedSegmenter;
import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.UNetFlops;
import org.modalitykd.net.Weights;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;
import org.tensorflow.TensorFlow;

/**
 * {@code bench --suite perf}: the performance table of issue #9 in one run. The
 * machine's TensorFlow peak (matmul, 3D convolution), whole-case segmentation at the
 * default settings and with mirroring (time, peak memory against the case's own size),
 * the default U-Net's forward pass per patch size (time, voxels/s, achieved GFLOP/s from
 * {@link UNetFlops}) and one training step per method; each group is followed at once
 * by the same group in the PyTorch peer (benchmarks/unet_peer.py, same network, sizes
 * and thread count, one process per group) so that both see the same machine load.
 * Ends with the four targets, met or not. Timings are never asserted anywhere.
 */
public final class PerfBenchmark {

	/** What to measure at which size; {@link #quick()} runs in seconds (a smoke test). */
	public record Sizes(int[] patches, int[] volume, int window, int trainPatch, int trainBatch, int matmul, int convSize,
		int convChannels, int repeats) {

		public static Sizes full(int[] volume, int window, int trainPatch, int trainBatch, int repeats) {
			return new Sizes(new int[] { 64, 96, 128 }, volume, window, trainPatch, trainBatch, 4096, 48, 64, repeats);
		}

		public static Sizes quick() {
			return new Sizes(new int[] { 16, 32 }, new int[] { 48, 40, 24 }, 16, 16, 1, 256, 16, 16, 1);
		}
	}

	private static final double MB = 1024.0 * 1024.0;
	private final Sizes sizes;
	private final SessionOptions options;
	private final boolean peer;
	private final boolean peerTta;
	private final int threads;
	private final UNetConfig config = UNetConfig.defaults(4, 4);
	private final PerfTable table;
	private final List<String> peerNotes = new ArrayList<>();

	public PerfBenchmark(Sizes sizes, SessionOptions options, boolean peer, boolean peerTta, PrintWriter progress) {
		this.peerTta = peerTta;
		this.table = new PerfTable(progress);
		this.sizes = sizes;
		this.options = options;
		this.peer = peer;
		this.threads = options.intraOpThreads() > 0 ? options.intraOpThreads() : Runtime.getRuntime().availableProcessors();
	}

	PerfTable table() {
		return table;
	}

	public void run(Path dir, PrintWriter out) throws Exception {
		int[] v = sizes.volume();
		out.printf("perf benchmark, %s UTC: %s; TensorFlow %s; Java %s; %d cores (%d threads per op, inter-op %s); "
			+ "device %s; load average %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), config.describe(),
			TensorFlow.version(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), threads,
			options.interOpThreads() == 0 ? "auto" : Integer.toString(options.interOpThreads()),
			Devices.resolve(options.device()).description(), loadAverage());
		out.flush();
		Weights weights = NetBenchmark.randomWeights(config);
		Path bundle = dir.resolve("perf-model");
		ModelBundle.save(bundle, NetBenchmark.card(config, sizes.window()), weights);

		// Whole-case inference first, so that its resident-memory baseline is not inflated by
		// what the larger measurements below leave allocated.
		inference(bundle, v, false);
		inference(bundle, v, true);
		// The peak is measured before and after the forward rows and the better kept: on a
		// shared machine the load can change between them, and a peak taken in a busy
		// moment makes a quiet forward pass look faster than the machine.
		double[] before = peaks();
		NetBenchmark net = new NetBenchmark(sizes.repeats(), v, sizes.window(), options);
		List<double[]> forwards = new ArrayList<>();
		for (int s : sizes.patches()) {
			double seconds = NetBenchmark.median(net.forward(bundle, s));
			JsonObject p = peerTask("forward", "--sizes", Integer.toString(s));
			forwards.add(new double[] { s, seconds, median(p, "seconds") });
		}
		addPeaks(before, peaks());
		double convPeak = table.row(convName()).ours();
		for (double[] f : forwards) {
			int s = (int) f[0];
			double seconds = f[1];
			double peerSeconds = f[2];
			double voxels = (double) s * s * s;
			double flops = UNetFlops.forwardFlops(config, new int[] { s, s, s });
			String name = "forward 1 x " + s + "^3";
			table.add(name, "s", seconds, peerSeconds, "");
			table.add(name + ", throughput", "Mvoxel/s", voxels / seconds / 1e6, voxels / peerSeconds / 1e6, "");
			table.add(name + ", achieved", "GFLOP/s", flops / seconds / 1e9, flops / peerSeconds / 1e9,
				String.format("%.1f GFLOP per patch; ours %.0f%% of the conv3d peak", flops / 1e9,
					100 * flops / seconds / 1e9 / convPeak));
		}
		training();
		table.print(out);
		for (String line : targets()) {
			out.println(line);
		}
		if (peer && peerNotes.isEmpty()) {
			out.println(PeerRun.NOT_RUN);
		}
		for (String n : peerNotes.stream().distinct().toList()) {
			out.println(n);
		}
		out.println("ours/PyTorch: below 1 for seconds and memory, above 1 for rates, means ModalityKD is better");
		out.printf("load average at the end: %s%n", loadAverage());
		out.flush();
	}

	private String convName() {
		return String.format("conv3d peak, %d^3 x %d -> %d channels, 3x3x3", sizes.convSize(), sizes.convChannels(),
			sizes.convChannels());
	}

	/** GFLOP/s of {matmul ours, conv ours, matmul peer, conv peer}. */
	private double[] peaks() throws Exception {
		MachinePeak m = new MachinePeak(options, Math.max(3, sizes.repeats()));
		int n = sizes.matmul();
		double mm = MachinePeak.matmulFlops(n) / NetBenchmark.median(m.matmul(n)) / 1e9;
		double conv = MachinePeak.conv3dFlops(sizes.convSize(), sizes.convChannels())
			/ NetBenchmark.median(m.conv3d(sizes.convSize(), sizes.convChannels())) / 1e9;
		JsonObject p = peerTask("peak", "--matmul", Integer.toString(n), "--conv-size", Integer.toString(sizes.convSize()),
			"--conv-channels", Integer.toString(sizes.convChannels()));
		return new double[] { mm, conv, MachinePeak.matmulFlops(n) / median(p, "matmul") / 1e9,
			MachinePeak.conv3dFlops(sizes.convSize(), sizes.convChannels()) / median(p, "conv") / 1e9 };
	}

	/** The better of two peak measurements: what the machine can do, when the load lets it. */
	private void addPeaks(double[] a, double[] b) {
		double[] best = new double[4];
		for (int i = 0; i < 4; i++) {
			best[i] = Double.isNaN(a[i]) ? b[i] : Double.isNaN(b[i]) ? a[i] : Math.max(a[i], b[i]);
		}
		String note = "all cores; the better of two runs, before and after the forward rows";
		table.add(String.format("matmul peak, %d x %d float32", sizes.matmul(), sizes.matmul()), "GFLOP/s", best[0],
			best[2], note);
		table.add(convName(), "GFLOP/s", best[1], best[3], note);
	}

	private void inference(Path bundle, int[] v, boolean mirror) throws Exception {
		InferenceSettings settings = InferenceSettings.defaults().withMirror(mirror);
		String name = String.format("segment %dx%dx%d x4 case, default settings%s", v[0], v[1], v[2],
			mirror ? " + TTA (8 mirrorings)" : "");
		double seconds;
		MemoryProbe.Peaks peaks;
		try (LoadedSegmenter segmenter = LoadedSegmenter.open(bundle, options, settings)) {
			int w = sizes.window();
			// Warm-up on a case of two windows (one call, as the case's calls): TF and oneDNN
			// set up their kernels for an input shape once per session.
			segmenter.segment(brainCase(new int[] { 2 * w, w, w }, 9), true, Progress.NONE);
			MemoryProbe probe = MemoryProbe.start();
			Volume images = brainCase(v, 10);
			long t0 = System.nanoTime();
			segmenter.segment(images, true, Progress.NONE);
			seconds = (System.nanoTime() - t0) / 1e9;
			peaks = probe.stop();
		}
		List<String> args = new ArrayList<>(List.of("--volume", v[0] + "," + v[1] + "," + v[2], "--window",
			Integer.toString(sizes.window())));
		if (mirror) {
			args.add("--mirror");
		}
		JsonObject p = mirror && !peerTta ? null : peerTask("window", args.toArray(String[]::new));
		table.add(name, "s", seconds, median(p, "seconds"), String.format("brain box %s, %d^3 windows, 2 per call",
			boxDescription(v), sizes.window()));
		if (mirror) {
			return;
		}
		long voxels = (long) v[0] * v[1] * v[2];
		double budget = (voxels * 4 + voxels * config.classes()) * 4.0 + UNetFlops.parameters(config) * 4.0;
		double peerBefore = kib(p, "rss_before_kib");
		double peerPeak = kib(p, "peak_rss_kib");
		table.add("segmentation: peak resident memory (VmHWM)", "MB", peaks.peakRss() / MB, peerPeak / MB,
			peaks.exact() ? "whole process" : "whole process, sampled VmRSS");
		table.add("segmentation: resident memory added (peak - before the case)", "MB", peaks.rssIncrease() / MB,
			(peerPeak - peerBefore) / MB, "model loaded and warm before");
		table.add("segmentation: peak Java heap", "MB", peaks.peakHeap() / MB, Double.NaN, "sampled every 5 ms");
		table.add("segmentation: memory added / (input + probabilities + model)", "x", peaks.rssIncrease() / budget,
			(peerPeak - peerBefore) / budget, String.format("input + probabilities + model = %.0f MB", budget / MB));
	}

	private void training() throws Exception {
		// In a JVM of its own, as the peer's group runs in a process of its own: in this
		// process, what the earlier groups left resident (about 1.5 GB at the defaults) would
		// count as training's.
		TrainingGroupProcess.Result result = TrainingGroupProcess.measure(sizes.repeats(), sizes.trainPatch(),
			sizes.trainBatch(), options);
		Map<String, double[]> ours = result.seconds();
		MemoryProbe.Peaks peaks = result.peaks();
		JsonObject p = peerTask("train", "--sizes", Integer.toString(sizes.trainPatch()), "--batch",
			Integer.toString(sizes.trainBatch()), "--methods", String.join(",", ours.keySet()));
		double base = NetBenchmark.median(ours.get("baseline"));
		double peerBase = median(p, "baseline");
		for (var e : ours.entrySet()) {
			double s = NetBenchmark.median(e.getValue());
			double ps = median(p, e.getKey());
			String note = e.getKey().equals("baseline") ? ""
				: String.format("%.2f x baseline (PyTorch %s)", s / base, PerfTable.number(ps / peerBase));
			table.add(String.format("training step %s, %d x %d^3", TrainBenchmark.NAMES.get(e.getKey()),
				sizes.trainBatch(), sizes.trainPatch()), "s", s, ps, note);
		}
		table.add("training: peak resident memory (VmHWM)", "MB", peaks.peakRss() / MB, kib(p, "peak_rss_kib") / MB,
			"over all five methods; a fresh JVM / process for the group");
		table.add("training: resident memory added (peak - before)", "MB", peaks.rssIncrease() / MB,
			(kib(p, "peak_rss_kib") - kib(p, "rss_before_kib")) / MB, "before: JVM / Python with the runtime loaded");
		table.add("training: peak Java heap", "MB", peaks.peakHeap() / MB, Double.NaN, "sampled every 5 ms");
		JsonObject peerPeaks = p == null || !p.has("peak_rss_kib_by_method") ? null : p.getAsJsonObject("peak_rss_kib_by_method");
		result.methodPeakRss().forEach((method, bytes) -> table.add(
			String.format("training peak, %s alone", TrainBenchmark.NAMES.get(method)), "MB", bytes / MB,
			peerPeaks == null || !peerPeaks.has(method) || peerPeaks.get(method).getAsLong() < 0 ? Double.NaN
				: peerPeaks.get(method).getAsLong() * 1024.0 / MB,
			"peak counter reset before the method"));
	}

	/** The four targets of issue #9, each with the measured value and met / NOT met. */
	List<String> targets() {
		List<String> lines = new ArrayList<>();
		int[] v = sizes.volume();
		PerfTable.Row sw = table.row(String.format("segment %dx%dx%d x4 case, default settings", v[0], v[1], v[2]));
		double wholeCase = sw == null ? Double.NaN : 1 / sw.ratio();
		lines.add(target("sliding-window inference >= 2x faster than PyTorch", wholeCase, 2, true, "x faster"));
		// Issue 17's targets: the whole case with and without TTA at 2.5x, training memory at most the peer's.
		lines.add(target("whole-case inference >= 2.5x faster than PyTorch", wholeCase, 2.5, true, "x faster"));
		PerfTable.Row tta = table.row(String.format("segment %dx%dx%d x4 case, default settings + TTA (8 mirrorings)", v[0],
			v[1], v[2]));
		lines.add(target("whole-case inference with TTA >= 2.5x faster than PyTorch",
			tta == null ? Double.NaN : 1 / tta.ratio(), 2.5, true, "x faster"));
		PerfTable.Row training = table.row("training: peak resident memory (VmHWM)");
		lines.add(target("training peak resident memory <= PyTorch's", training == null ? Double.NaN : training.ratio(), 1,
			false, "x PyTorch's"));
		PerfTable.Row conv = table.row(convName());
		PerfTable.Row f96 = table.row("forward 1 x 96^3, achieved");
		lines.add(target("forward at 96^3 >= 40% of the conv peak",
			f96 == null || conv == null ? Double.NaN : 100 * f96.ours() / conv.ours(), 40, true, "%"));
		PerfTable.Row base = table.rows().stream().filter(r -> r.measurement().startsWith("training step baseline"))
			.findFirst().orElse(null);
		for (String kd : List.of("KD-Net", "ProtoKD")) {
			PerfTable.Row r = table.rows().stream().filter(x -> x.measurement().startsWith("training step " + kd))
				.findFirst().orElse(null);
			lines.add(target(kd + " step <= 1.5x the baseline step",
				r == null || base == null ? Double.NaN : r.ours() / base.ours(), 1.5, false, "x"));
		}
		PerfTable.Row mem = table.row("segmentation: memory added / (input + probabilities + model)");
		lines.add(target("whole-case inference memory <= 3x (input + probabilities + model)",
			mem == null ? Double.NaN : mem.ours(), 3, false, "x"));
		return lines;
	}

	private static String target(String what, double value, double limit, boolean atLeast, String unit) {
		String verdict = Double.isNaN(value) ? "not measured" : (atLeast ? value >= limit : value <= limit) ? "met" : "NOT met";
		return String.format("target: %s: %s %s -> %s", what, PerfTable.number(value), unit, verdict);
	}

	/**
	 * The bench's synthetic case: uniform noise in [1, 5) inside a centred ellipsoid of a
	 * skull-stripped brain's extent in a BraTS volume (about 137 x 170 x 133 voxels of
	 * 240 x 240 x 155), zero outside, so that cropping to the non-zero box works as on
	 * real data. The peer builds the same shape.
	 */
	static Volume brainCase(int[] v, long seed) {
		int nx = v[0];
		int ny = v[1];
		int nz = v[2];
		double ax = 0.285 * nx;
		double ay = 0.355 * ny;
		double az = 0.43 * nz;
		float[][] channels = new float[4][nx * ny * nz];
		for (int c = 0; c < 4; c++) {
			SplittableRandom r = new SplittableRandom(seed + c);
			float[] ch = channels[c];
			for (int k = 0, i = 0; k < nz; k++) {
				for (int j = 0; j < ny; j++) {
					for (int x = 0; x < nx; x++, i++) {
						double dx = (x - nx / 2.0) / ax;
						double dy = (j - ny / 2.0) / ay;
						double dz = (k - nz / 2.0) / az;
						if (dx * dx + dy * dy + dz * dz <= 1) {
							ch[i] = (float) r.nextDouble(1, 5);
						}
					}
				}
			}
		}
		return new Volume(Geometry.axisAligned(nx, ny, nz, 1, 1, 1), Modalities.BRATS, channels);
	}

	private static String boxDescription(int[] v) {
		return String.format("%dx%dx%d", 2 * (int) Math.ceil(0.285 * v[0]), 2 * (int) Math.ceil(0.355 * v[1]),
			2 * (int) Math.ceil(0.43 * v[2]));
	}

	private JsonObject peerTask(String task, String... args) throws IOException, InterruptedException {
		if (!peer) {
			return null;
		}
		JsonObject p = PeerRun.task(task, threads, sizes.repeats(), args);
		if (p != null && p.has("torch")) {
			peerNotes.add(String.format("peer: PyTorch %s on %d threads (benchmarks/unet_peer.py, one process per group)",
				p.get("torch").getAsString(), p.get("threads").getAsInt()));
		}
		return p;
	}

	private static double median(JsonObject p, String key) {
		double[] t = p == null ? null : PeerRun.seconds(p, key);
		return t == null || t.length == 0 ? Double.NaN : NetBenchmark.median(t);
	}

	private static double kib(JsonObject p, String key) {
		return p == null || !p.has(key) || p.get(key).getAsLong() < 0 ? Double.NaN : p.get(key).getAsLong() * 1024.0;
	}

	private static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return f[0] + " " + f[1] + " " + f[2];
		} catch (IOException e) {
			return "unknown";
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;

/**
 * The training group of {@code bench --suite perf} in a JVM of its own, as the PyTorch
 * peer runs each group in a process of its own: its peak resident memory is then that
 * of training, not training plus what the segmentation and forward-pass groups left in
 * the bench's process (TensorFlow's and glibc's freed memory, the grown Java heap: about
 * 1.5 GB at the defaults). {@link #measure} starts it and reads back one JSON line.
 */
final class TrainingGroupProcess {

	/**
	 * Step times per method, the child's resident memory before and at its peak, and each
	 * method's own peak (building its graph, its steps; the peak counter is reset between methods).
	 */
	record Result(Map<String, double[]> seconds, MemoryProbe.Peaks peaks, Map<String, Long> methodPeakRss) {
	}

	private TrainingGroupProcess() {
	}

	static Result measure(int repeats, int patch, int batch, SessionOptions options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		// Heap and GC settings as this JVM's (the launcher's MODALITYKD_JAVA_OPTS), nothing else (no agents).
		for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (arg.startsWith("-X") && !arg.startsWith("-Xrun") && !arg.startsWith("-Xdebug")) {
				command.add(arg);
			}
		}
		command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
			TrainingGroupProcess.class.getName(), Integer.toString(repeats), Integer.toString(patch), Integer.toString(batch),
			options.device().name(), Integer.toString(options.intraOpThreads()), Integer.toString(options.interOpThreads())));
		Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		int status = p.waitFor();
		String last = stdout.substring(stdout.lastIndexOf('\n') + 1);
		if (status != 0 || !last.startsWith("{")) {
			throw new IOException("the training group's JVM failed (status " + status + "): " + last);
		}
		JsonObject o = JsonParser.parseString(last).getAsJsonObject();
		Map<String, double[]> seconds = new java.util.LinkedHashMap<>();
		for (var e : o.getAsJsonObject("seconds").entrySet()) {
			JsonArray a = e.getValue().getAsJsonArray();
			double[] t = new double[a.size()];
			for (int i = 0; i < t.length; i++) {
				t[i] = a.get(i).getAsDouble();
			}
			seconds.put(e.getKey(), t);
		}
		Map<String, Long> methodPeaks = new java.util.LinkedHashMap<>();
		for (var e : o.getAsJsonObject("peak_rss_by_method").entrySet()) {
			methodPeaks.put(e.getKey(), e.getValue().getAsLong());
		}
		return new Result(seconds, new MemoryProbe.Peaks(o.get("rss_before").getAsLong(), o.get("peak_rss").getAsLong(),
			o.get("peak_heap").getAsLong(), o.get("exact").getAsBoolean()), methodPeaks);
	}

	/** Args: repeats, patch, batch, device, intra-op, inter-op threads; prints one JSON line. */
	public static void main(String[] args) {
		SessionOptions options = new SessionOptions(Device.parse(args[3]), Integer.parseInt(args[4]),
			Integer.parseInt(args[5]));
		TrainBenchmark train = new TrainBenchmark(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
			Integer.parseInt(args[2]), options);
		// TensorFlow's runtime is loaded before the probe starts, as torch is imported before the peer's.
		org.tensorflow.TensorFlow.version();
		Map<String, MemoryProbe.Peaks> byMethod = new java.util.LinkedHashMap<>();
		Map<String, double[]> seconds = train.measure((method, timing) -> {
			MemoryProbe probe = MemoryProbe.start();
			try {
				return timing.get();
			} finally {
				byMethod.put(method, probe.stop());
			}
		});
		MemoryProbe.Peaks peaks = MemoryProbe.Peaks.over(byMethod.values());
		JsonObject o = new JsonObject();
		JsonObject s = new JsonObject();
		seconds.forEach((k, v) -> {
			JsonArray a = new JsonArray();
			for (double d : v) {
				a.add(d);
			}
			s.add(k, a);
		});
		o.add("seconds", s);
		o.addProperty("rss_before", peaks.rssBefore());
		o.addProperty("peak_rss", peaks.peakRss());
		o.addProperty("peak_heap", peaks.peakHeap());
		o.addProperty("exact", peaks.exact());
		JsonObject methodPeaks = new JsonObject();
		byMethod.forEach((method, p) -> methodPeaks.addProperty(method, p.peakRss()));
		o.add("peak_rss_by_method", methodPeaks);
		System.out.println(o);
		System.out.flush();
		// TensorFlow's threads must not keep the JVM alive.
		System.exit(0);
	}
}

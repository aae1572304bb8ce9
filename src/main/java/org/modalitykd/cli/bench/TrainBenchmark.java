/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.modalitykd.data.PatchBatch;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.train.Objective;
import org.modalitykd.train.Trainer;
import org.modalitykd.train.TrainingMethod;
import org.tensorflow.TensorFlow;

/**
 * Time per optimiser step of each training command's graph at a patch size (default:
 * the training default, 96^3, batch 2) with the default U-Net: teacher (4 channels),
 * baseline student, KD-Net and ProtoKD students (teacher forward pass included) and
 * unpaired (two batches per step). Random weights, images and labels: the cost does not
 * depend on them. Median and minimum of the repeats after one warm-up step.
 */
public final class TrainBenchmark {

	private final int repeats;
	private final int patch;
	private final int batch;
	private final SessionOptions options;

	public TrainBenchmark(int repeats, int patch, int batch, SessionOptions options) {
		this.repeats = repeats;
		this.patch = patch;
		this.batch = batch;
		this.options = options;
	}

	public void run(PrintWriter out) {
		UNetConfig teacher = UNetConfig.defaults(4, 4);
		out.printf("train benchmark: %s; batch %d x %d^3; TensorFlow %s, %d cores, device %s%n", teacher.describe(), batch,
			patch, TensorFlow.version(), Runtime.getRuntime().availableProcessors(),
			org.modalitykd.net.Devices.resolve(options.device()).description());
		out.printf("%-34s %10s %10s%n", "step", "median s", "min s");
		out.flush();
		for (var e : measure().entrySet()) {
			row(out, NAMES.get(e.getKey()), e.getValue());
		}
	}

	/** Row names by the keys of {@link #measure()} (which are the PyTorch peer's method names). */
	static final Map<String, String> NAMES = Map.of("teacher", "teacher (4 modalities)", "baseline",
		"baseline student (1 modality)", "kdnet", "KD-Net student", "protokd", "ProtoKD student", "unpaired",
		"unpaired (2 modalities x batch)");

	/** How one method's measurement is run: a caller may watch each (the perf bench takes each one's peak memory). */
	interface MethodRun {
		double[] run(String method, Supplier<double[]> timing);
	}

	/** Step times of teacher, baseline, kdnet, protokd and unpaired, in that order. */
	Map<String, double[]> measure() {
		return measure((method, timing) -> timing.get());
	}

	/** The same, each method's trainer built, stepped and closed inside {@code around}. */
	Map<String, double[]> measure(MethodRun around) {
		UNetConfig teacher = UNetConfig.defaults(4, 4);
		UNetConfig student = teacher.withInputChannels(1);
		PatchBatch four = batch(4, 1);
		PatchBatch one = batch(1, 2);
		PatchBatch other = batch(1, 3);
		Map<String, double[]> t = new LinkedHashMap<>();
		t.put("teacher", around.run("teacher", () -> time(teacher, null, TrainingMethod.SUPERVISED, four, null)));
		t.put("baseline", around.run("baseline", () -> time(student, null, TrainingMethod.SUPERVISED, one, null)));
		t.put("kdnet", around.run("kdnet", () -> time(student, teacher, TrainingMethod.KD_NET, four, null)));
		t.put("protokd", around.run("protokd", () -> time(student, teacher, TrainingMethod.PROTOKD, four, null)));
		t.put("unpaired", around.run("unpaired", () -> time(student.withNormalization(student.normalization(), 2), null,
			TrainingMethod.UNPAIRED, one, other)));
		return t;
	}

	private double[] time(UNetConfig config, UNetConfig teacher, TrainingMethod method, PatchBatch a, PatchBatch b) {
		try (Trainer t = Trainer.create(config, teacher, teacher == null ? null : new int[] { 1 },
			Objective.defaults(method), options)) {
			double[] times = new double[repeats];
			for (int r = -1; r < repeats; r++) {
				long t0 = System.nanoTime();
				t.step(a, b, 1e-4);
				if (r >= 0) {
					times[r] = (System.nanoTime() - t0) / 1e9;
				}
			}
			return times;
		}
	}

	private PatchBatch batch(int channels, long seed) {
		int voxels = patch * patch * patch;
		SplittableRandom r = new SplittableRandom(seed);
		float[] images = new float[batch * channels * voxels];
		for (int i = 0; i < images.length; i++) {
			images[i] = (float) r.nextDouble(-2, 2);
		}
		byte[] labels = new byte[batch * voxels];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = (byte) r.nextInt(4);
		}
		return PatchBatch.of(batch, channels, new int[] { patch, patch, patch }, images, labels);
	}

	private static void row(PrintWriter out, String name, double[] seconds) {
		double[] s = seconds.clone();
		Arrays.sort(s);
		out.printf("%-34s %10.3f %10.3f%n", name, s[s.length / 2], s[0]);
		out.flush();
	}

	public static List<String> suites() {
		return List.of("train");
	}
}

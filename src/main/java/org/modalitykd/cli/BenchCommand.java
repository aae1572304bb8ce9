/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.modalitykd.cli.bench.AugmentBenchmark;
import org.modalitykd.cli.bench.CohortMemoryBenchmark;
import org.modalitykd.cli.bench.IoBenchmark;
import org.modalitykd.cli.bench.NetBenchmark;
import org.modalitykd.cli.bench.PerfBenchmark;
import org.modalitykd.cli.bench.SoakBenchmark;
import org.modalitykd.cli.bench.TrainBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench [--suite io]}: measurements that unit tests must not make. */
@Command(name = "bench", mixinStandardHelpOptions = true,
	description = { "Benchmarks, printed as a table with ratios against a peer run in the same process or script.",
		"Suite io: read a 4-channel float32 case (.nii and .nii.gz) and report time and peak heap against the data size, "
			+ "with nibabel (Debian python3-nibabel) as the peer.",
		"Suite net: the default U-Net's forward pass per 64^3 and 96^3 patch, one training step, and sliding-window "
			+ "inference of a --shape volume (4 channels) with --window^3 patches.",
		"Suite train: time per optimiser step of teacher, baseline, KD-Net, ProtoKD and unpaired training at "
			+ "--patch^3 with --batch patches (defaults: the training defaults 96 and 2).",
		"Suite perf: everything of the performance table in one run (docs/performance.md): TensorFlow's matmul and "
			+ "conv3d peak, whole-case segmentation of a --shape case at the default settings and with TTA (time and peak "
			+ "memory), the forward pass at 64^3, 96^3 and 128^3 (voxels/s, GFLOP/s), a training step per method at "
			+ "--patch / --batch, each next to the PyTorch peer, and the targets met or not. --quick: tiny sizes, seconds.",
		"Suite cohort-memory: peak resident memory of train-teacher (fresh JVMs, --cohort-steps steps at --patch / --batch) "
			+ "on --cohorts case folders made from --distinct-cases synthetic 1 mm cases, and what was read before the first "
			+ "step." })
final class BenchCommand extends ConsoleCommand {

	@Option(names = "--suite", defaultValue = "io", description = "Which suite to run: io (default), net, train, soak (native memory over many forward passes and "
		+ "training steps), perf (the whole performance table) or augment (time to make a batch per augmentation level, "
		+ "at --patch / --batch).")
	String suite;

	@Option(names = "--window", defaultValue = "96", description = "Suites net and perf: sliding-window patch size (default: ${DEFAULT-VALUE}).")
	int window;

	@Option(names = "--shape", defaultValue = "240,240,155,4", split = ",", paramLabel = "NX,NY,NZ,C",
		description = "Shape of the benchmark case (default: ${DEFAULT-VALUE}, a BraTS case).")
	int[] shape;

	@Option(names = "--patch", defaultValue = "96", description = "Suites train, perf and augment: training patch size (default: ${DEFAULT-VALUE}).")
	int patch;

	@Mixin
	DeviceOption device;

	@Option(names = "--batch", defaultValue = "2", description = "Suites train, perf and augment: patches per training step (default: ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--repeats", defaultValue = "3", description = "Reads per file (io), or timed repeats after a warm-up (default: ${DEFAULT-VALUE}).")
	int repeats;

	@Option(names = "--quick", description = "Suite perf: tiny sizes (a smoke test of the table, not a measurement).")
	boolean quick;

	@Mixin
	SoakOptions soak;

	@Option(names = "--no-peer-tta", description = "Suite perf: skip the peer's TTA row (8x its whole-case time; on a slow "
		+ "machine the longest part of the run).")
	boolean noPeerTta;

	@Option(names = "--no-peer", description = "Skip the peer (nibabel for io, PyTorch for net and perf).")
	boolean noPeer;

	@Mixin
	CohortMemoryOptions cohortMemory;

	@Mixin
	OpThreadOptions opThreads;

	@Override
	public Integer call() throws Exception {
		List<String> suites = new java.util.ArrayList<>(NetBenchmark.suites());
		suites.addAll(TrainBenchmark.suites());
		suites.add("perf");
		suites.add("augment");
		suites.addAll(CohortMemoryBenchmark.suites());
		if (!suites.contains(suite)) {
			throw new UsageException("unknown suite '" + suite + "'; available: " + String.join(", ", suites));
		}
		org.modalitykd.net.SessionOptions options = opThreads.sessionOptions(device.parse());
		if (suite.equals("augment")) {
			if (patch < 8 || batch < 1 || repeats < 1) {
				throw new UsageException("--patch must be at least 8, --batch and --repeats positive");
			}
			new AugmentBenchmark(patch, batch, repeats).run(out());
			return 0;
		}
		if (suite.equals("cohort-memory")) {
			CohortMemoryBenchmark benchmark = cohortMemory.benchmark(patch, batch, err());
			Path dir = Files.createTempDirectory("modalitykd-cohort");
			try {
				benchmark.run(dir, out());
			} finally {
				deleteTree(dir);
			}
			return 0;
		}
		if (suite.equals("train")) {
			if (patch < 8 || patch % 8 != 0 || batch < 1) {
				throw new UsageException("--patch must be a positive multiple of 8 and --batch positive");
			}
			new TrainBenchmark(repeats, patch, batch,
				options).run(out());
			return 0;
		}
		if (shape.length != 4 || Stream.of(shape[0], shape[1], shape[2], shape[3]).anyMatch(d -> d < 1) || repeats < 1) {
			throw new UsageException("--shape needs four positive numbers NX,NY,NZ,C and --repeats a positive number");
		}
		PrintWriter out = out();
		Path dir = Files.createTempDirectory("modalitykd-bench");
		try {
			if (suite.equals("soak")) {
				new SoakBenchmark(soak.forwards, soak.steps, options).run(out);
			} else if (suite.equals("net")) {
				new NetBenchmark(repeats, shape, window, options).run(dir, out, !noPeer);
			} else if (suite.equals("perf")) {
				if (!quick && (window % 8 != 0 || patch < 8 || patch % 8 != 0 || batch < 1)) {
					throw new UsageException("--window and --patch must be positive multiples of 8 and --batch positive");
				}
				PerfBenchmark.Sizes sizes = quick ? PerfBenchmark.Sizes.quick()
					: PerfBenchmark.Sizes.full(new int[] { shape[0], shape[1], shape[2] }, window, patch, batch, repeats);
				new PerfBenchmark(sizes, options, !noPeer, !noPeer && !noPeerTta, err()).run(dir, out);
			} else {
				new IoBenchmark(shape, repeats, !noPeer).run(dir, out);
			}
		} finally {
			deleteTree(dir);
		}
		return 0;
	}

	private static void deleteTree(Path dir) throws java.io.IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}

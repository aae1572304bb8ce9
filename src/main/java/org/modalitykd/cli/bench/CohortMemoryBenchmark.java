/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench --suite cohort-memory}: does training memory grow with the cohort? It
 * generates {@code distinct} synthetic cases at 1 mm ({@code synth --spacing 1}), makes
 * cohorts of {@code sizes} case folders from them (the files hard-linked, or copied,
 * under new ids: distinct cases to the tool, prepared and cached one by one), and trains
 * a teacher for a few steps on each in a fresh JVM ({@code train-teacher}, no
 * validation), twice: the first run prepares the cohort ({@code --prepared-dir}), the
 * second finds it prepared, as every later run does. For each run it reports the child's
 * peak resident memory (VmHWM of {@code /proc/PID/status}, polled every 20 ms: the peak
 * is monotonic, so only a rise in the last 20 ms before the exit is missed) and the bytes
 * the child had read ({@code rchar} of {@code /proc/PID/io}: files, jars and all) when
 * its first step ended, next to the cohort's prepared size: when it is far below, the
 * first step started without reading the cohort.
 */
public final class CohortMemoryBenchmark {

	/** One child run: peak resident bytes, bytes read by the end of step 1 (-1 if not seen), exit status. */
	record Run(long peakRss, long readAtFirstStep, int status, String lastLine) {
	}

	private static final double MB = 1024.0 * 1024.0;
	private final int[] sizes;
	private final int distinct;
	private final int patch;
	private final int batch;
	private final int steps;
	private final int cacheMb;
	private final PrintWriter progress;

	/**
	 * @param sizes    cohort sizes (the issue's: 20 and 200)
	 * @param distinct synthetic cases generated; the cohorts repeat them under new ids
	 * @param cacheMb  {@code --cache-mb} of the training runs
	 */
	public CohortMemoryBenchmark(int[] sizes, int distinct, int patch, int batch, int steps, int cacheMb,
		PrintWriter progress) {
		this.sizes = sizes.clone();
		this.distinct = distinct;
		this.patch = patch;
		this.batch = batch;
		this.steps = steps;
		this.cacheMb = cacheMb;
		this.progress = progress;
	}

	public void run(Path dir, PrintWriter out) throws IOException, InterruptedException {
		out.printf(Locale.ROOT, "cohort-memory benchmark: %d distinct synthetic cases at 1 mm, cohorts of %s case folders; "
			+ "train-teacher, %d steps of %d x %d^3, --cache-mb %d, no validation; one fresh JVM per run%n", distinct,
			java.util.Arrays.toString(sizes), steps, batch, patch, cacheMb);
		out.flush();
		Path source = dir.resolve("source");
		Run synth = child(List.of("synth", "--out", source.toString(), "--cases", Integer.toString(distinct), "--seed", "1",
			"--spacing", "1"), "generated");
		if (synth.status() != 0) {
			throw new IOException("synth failed: " + synth.lastLine());
		}
		List<Path> cases;
		try (Stream<Path> s = Files.list(source)) {
			cases = s.filter(Files::isDirectory).sorted().toList();
		}
		out.println("| cohort | run | peak resident memory (VmHWM), MB | read by the end of step 1, MB | cohort prepared, MB |");
		out.println("|---:|---|---:|---:|---:|");
		out.flush();
		double[] steady = new double[sizes.length];
		for (int i = 0; i < sizes.length; i++) {
			Path cohort = materialise(cases, sizes[i], dir.resolve("cohort-" + sizes[i]));
			Path prepared = dir.resolve("prepared-" + sizes[i]);
			for (String run : List.of("first (prepares)", "second (prepared)")) {
				Run r = child(List.of("train-teacher", "--data", cohort.toString(), "--out", dir.resolve("model-" + sizes[i])
					.toString(), "--overwrite", "--steps", Integer.toString(steps), "--patch-size", Integer.toString(patch),
					"--batch-size", Integer.toString(batch), "--validation-fraction", "0", "--log-every", "1", "--cache-mb",
					Integer.toString(cacheMb), "--prepared-dir", prepared.toString()), "step 1/");
				if (r.status() != 0) {
					throw new IOException("train-teacher on " + sizes[i] + " cases failed: " + r.lastLine());
				}
				long preparedBytes = bytesUnder(prepared);
				out.printf(Locale.ROOT, "| %d | %s | %.0f | %s | %.0f |%n", sizes[i], run, r.peakRss() / MB,
					r.readAtFirstStep() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.readAtFirstStep() / MB),
					preparedBytes / MB);
				out.flush();
				steady[i] = r.peakRss() / MB;
			}
		}
		for (int i = 1; i < sizes.length; i++) {
			double ratio = steady[i] / steady[0];
			out.printf(Locale.ROOT, "peak of the prepared run, %d cases / %d cases: %.3f (target: within 10%%: %s)%n", sizes[i],
				sizes[0], ratio, Math.abs(ratio - 1) < 0.10 ? "met" : "not met");
		}
		if (distinct < sizes[sizes.length - 1]) {
			out.printf(Locale.ROOT, "the cohorts repeat %d generated cases under new ids (files linked, not generated anew)%n",
				distinct);
		}
		out.flush();
	}

	/** {@code n} case folders {@code c0001...} whose files are those of {@code cases}, in turn. */
	static Path materialise(List<Path> cases, int n, Path into) throws IOException {
		Files.createDirectories(into);
		for (int i = 0; i < n; i++) {
			Path from = cases.get(i % cases.size());
			String oldId = from.getFileName().toString();
			String id = String.format(Locale.ROOT, "c%04d", i + 1);
			Path to = Files.createDirectories(into.resolve(id));
			try (Stream<Path> files = Files.list(from)) {
				for (Path f : files.toList()) {
					Path target = to.resolve(f.getFileName().toString().replace(oldId, id));
					if (Files.exists(target)) {
						continue;
					}
					try {
						Files.createLink(target, f);
					} catch (IOException | UnsupportedOperationException e) {
						Files.copy(f, target);
					}
				}
			}
		}
		return into;
	}

	private static long bytesUnder(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).mapToLong(p -> {
				try {
					return Files.size(p);
				} catch (IOException e) {
					return 0;
				}
			}).sum();
		}
	}

	/**
	 * Runs the CLI in a new JVM (this one's java, heap options and class path), echoes its output to the
	 * progress stream, and polls its VmHWM and rchar.
	 */
	private Run child(List<String> args, String firstStepPrefix) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		// Heap and GC settings as this JVM's (the launcher's), nothing else (no agents).
		for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (arg.startsWith("-X") && !arg.startsWith("-Xrun") && !arg.startsWith("-Xdebug")) {
				command.add(arg);
			}
		}
		command.add("-Djava.awt.headless=true");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("org.modalitykd.cli.ModalityKdCli");
		command.addAll(args);
		progress.println("running " + String.join(" ", args));
		progress.flush();
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		long pid = p.pid();
		long[] peak = { 0 };
		long[] readAtStep = { -1 };
		String[] last = { "" };
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line; (line = in.readLine()) != null;) {
					if (line.startsWith(firstStepPrefix) && readAtStep[0] < 0) {
						readAtStep[0] = procField(pid, "io", "rchar");
					}
					last[0] = line;
					progress.println("  " + line);
					progress.flush();
				}
			} catch (IOException e) {
				// The child is gone: its status says how it ended.
			}
		}, "cohort-memory-output");
		reader.start();
		while (p.isAlive()) {
			long hwm = procField(pid, "status", "VmHWM");
			if (hwm > 0) {
				peak[0] = Math.max(peak[0], hwm * 1024);
			}
			Thread.sleep(20);
		}
		reader.join();
		return new Run(peak[0], readAtStep[0], p.exitValue(), last[0]);
	}

	/** A numeric field of {@code /proc/PID/FILE} ("VmHWM:  123 kB", "rchar: 456"), or -1. */
	static long procField(long pid, String file, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replaceAll("\\D+", ""));
				}
			}
		} catch (IOException | NumberFormatException | SecurityException e) {
			// The process has ended, or this is not Linux.
		}
		return -1;
	}

	public static List<String> suites() {
		return List.of("cohort-memory");
	}
}

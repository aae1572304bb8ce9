/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs a benchmark peer script from {@code benchmarks/} with Debian's python3 and
 * returns its JSON, or null when the peer cannot run here (the bench then says so).
 */
public final class PeerRun {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	/** What a bench prints when {@link #unet} or {@link #task} gave null. */
	static final String NOT_RUN = "peer: not run (needs /usr/bin/python3 with python3-torch and benchmarks/unet_peer.py:"
		+ " scripts/install-deps --bench, or apt-get install python3-torch)";

	private PeerRun() {
	}

	/** The PyTorch U-Net peer on the same sizes and thread count. */
	static JsonObject unet(int threads, int repeats, int[] volume, int window) throws IOException, InterruptedException {
		Path script = script("unet_peer.py");
		if (script == null) {
			return null;
		}
		return run(List.of(PYTHON.toString(), script.toString(), "--threads", Integer.toString(threads), "--repeats",
			Integer.toString(repeats), "--sizes", "64,96", "--volume", volume[0] + "," + volume[1] + "," + volume[2],
			"--window", Integer.toString(window)));
	}

	/**
	 * One group of {@code bench --suite perf} in the PyTorch peer ({@code unet_peer.py
	 * --task}), or null when the peer cannot run here.
	 */
	static JsonObject task(String task, int threads, int repeats, String... args) throws IOException, InterruptedException {
		Path script = script("unet_peer.py");
		if (script == null) {
			return null;
		}
		List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), script.toString(), "--task", task,
			"--threads", Integer.toString(threads), "--repeats", Integer.toString(repeats)));
		command.addAll(List.of(args));
		return run(command);
	}

	/** The timings at a slash-separated path such as {@code forward/64}, or null. */
	static double[] seconds(JsonObject result, String path) {
		JsonElement e = result;
		for (String part : path.split("/")) {
			if (e == null || !e.isJsonObject()) {
				return null;
			}
			e = e.getAsJsonObject().get(part);
		}
		if (e == null || !e.isJsonArray()) {
			return null;
		}
		JsonArray a = e.getAsJsonArray();
		double[] v = new double[a.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = a.get(i).getAsDouble();
		}
		return v;
	}

	static Path script(String name) {
		String home = System.getProperty("modalitykd.home", ".");
		Path p = Path.of(home, "benchmarks", name);
		return Files.isRegularFile(p) && Files.isExecutable(PYTHON) ? p : null;
	}

	private static JsonObject run(List<String> command) throws IOException, InterruptedException {
		ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
		// PyTorch's OpenMP threads otherwise spin while waiting; on a machine shared with
		// other work that made the peer up to 2x slower (measured), so the peer gets its
		// better setting unless the caller chose one.
		b.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
		Process p = b.start();
		String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (p.waitFor() != 0 || stdout.isEmpty()) {
			return null;
		}
		String last = stdout.substring(stdout.lastIndexOf('\n') + 1);
		return JsonParser.parseString(last).getAsJsonObject();
	}
}

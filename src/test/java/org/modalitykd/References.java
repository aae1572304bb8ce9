/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * The independent references tests compare with: nibabel through Debian's python3, and
 * the real NIfTI files of Debian's mricron-data. On a developer machine without them
 * the tests that need them are skipped; with {@code -Dmodalitykd.requireReferences=true}
 * (as CI runs) a missing reference fails the test instead.
 */
public final class References {

	public static final Path PYTHON = Path.of("/usr/bin/python3");
	public static final Path MRICRON = Path.of("/usr/share/mricron/templates");
	private static final Path REFERENCE_SCRIPT = Path.of("src/test/python/nifti_reference.py");

	private static Boolean nibabel;
	private static Boolean scipy;

	private References() {
	}

	private static boolean required() {
		return Boolean.getBoolean("modalitykd.requireReferences");
	}

	/** Skips (or, in CI, fails) unless python3 with nibabel is installed. */
	public static synchronized void requireNibabel() {
		if (nibabel == null) {
			nibabel = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import nibabel")).exitCode == 0;
		}
		need(nibabel, "nibabel (apt-get install python3-nibabel)");
	}

	/** Skips (or, in CI, fails) unless python3 with nibabel and scipy is installed. */
	public static synchronized void requireScipy() {
		requireNibabel();
		if (scipy == null) {
			scipy = run(List.of(PYTHON.toString(), "-c", "import scipy.ndimage")).exitCode == 0;
		}
		need(scipy, "scipy (apt-get install python3-scipy)");
	}

	/** A file of Debian's mricron-data; skips (or, in CI, fails) when it is not installed. */
	public static Path mricron(String name) {
		Path p = MRICRON.resolve(name);
		need(Files.isRegularFile(p), "Debian's mricron-data (apt-get install mricron-data) for " + name);
		return p;
	}

	private static void need(boolean present, String what) {
		if (required()) {
			assertTrue(present, "missing reference: " + what);
		}
		Assumptions.assumeTrue(present, "skipped: needs " + what);
	}

	/** nibabel's view of each file (src/test/python/nifti_reference.py), one JSON object per file. */
	public static List<JsonElement> nibabelReport(Path... files) {
		requireNibabel();
		List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), REFERENCE_SCRIPT.toString()));
		for (Path f : files) {
			cmd.add(f.toString());
		}
		Run r = run(cmd);
		assertTrue(r.exitCode == 0, "nibabel reference failed: " + r.stderr);
		// One object per file: a single one may be pretty-printed over several lines.
		List<JsonElement> out = new ArrayList<>();
		JsonReader json = new JsonReader(new StringReader(r.stdout));
		json.setLenient(true);
		try {
			while (json.peek() != JsonToken.END_DOCUMENT) {
				out.add(JsonParser.parseReader(json));
			}
		} catch (IOException e) {
			throw new AssertionError("unreadable nibabel output: " + r.stdout, e);
		}
		return out;
	}

	/** Output of a finished process. */
	public record Run(int exitCode, String stdout, String stderr) {
	}

	/** Runs a command to completion (at most 5 minutes). */
	public static Run run(List<String> command) {
		try {
			Path err = Files.createTempFile("ref", ".err");
			Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
			String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(5, TimeUnit.MINUTES)) {
				p.destroyForcibly();
				return new Run(-1, stdout, "timed out");
			}
			String stderr = Files.readString(err);
			Files.delete(err);
			return new Run(p.exitValue(), stdout, stderr);
		} catch (IOException e) {
			return new Run(-1, "", e.toString());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Run(-1, "", e.toString());
		}
	}
}

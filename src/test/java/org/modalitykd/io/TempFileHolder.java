/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process that writes or cleans a folder, for the tests of {@link
 * StaleTemporaries}: {@code hold TARGET} starts an {@link AtomicFile}, writes 100 kB,
 * prints "writing", and commits when a line arrives on stdin (kill it instead to leave a
 * real leftover); {@code holddir TARGET} does the same with an {@link AtomicDirectory}
 * holding one 100 kB file; {@code clean DIR} runs a clean-up and prints what it removed.
 */
public final class TempFileHolder {

	static final int BYTES = 100_000;

	private TempFileHolder() {
	}

	public static void main(String[] args) throws IOException {
		if (args[0].equals("clean")) {
			System.out.println("removed " + StaleTemporaries.removeIn(Path.of(args[1])).removed());
			return;
		}
		if (args[0].equals("holddir")) {
			try (AtomicDirectory d = AtomicDirectory.create(Path.of(args[1]))) {
				Files.write(d.path().resolve("weights.bin"), new byte[BYTES]);
				System.out.println("writing");
				System.out.flush();
				if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() != null) {
					d.commit();
				}
			}
			return;
		}
		try (AtomicFile f = AtomicFile.create(Path.of(args[1]))) {
			f.stream().write(new byte[BYTES]);
			f.stream().flush();
			System.out.println("writing");
			System.out.flush();
			if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() != null) {
				f.commit();
			}
		}
	}

	/** Starts {@code TempFileHolder args} in a child JVM with this class path. */
	public static Process start(Path log, String... args) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), TempFileHolder.class.getName()));
		cmd.addAll(List.of(args));
		return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Starts a holder of {@code target} and waits until its temporary file has data. */
	public static Process holding(Path target, Path log) throws IOException, InterruptedException {
		return waitUntilWriting(start(log, "hold", target.toString()), log);
	}

	/** Starts a holder of the folder {@code target} and waits until its temporary folder has data. */
	public static Process holdingFolder(Path target, Path log) throws IOException, InterruptedException {
		return waitUntilWriting(start(log, "holddir", target.toString()), log);
	}

	private static Process waitUntilWriting(Process p, Path log) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.readString(log).contains("writing")) {
			if (!p.isAlive() || System.nanoTime() > deadline) {
				p.destroyForcibly();
				throw new IllegalStateException("the holder did not start: " + Files.readString(log));
			}
			Thread.sleep(10);
		}
		return p;
	}

	/** Cleans {@code dir} in another process and checks that it removed nothing: the live writers' locks hold. */
	static void assertOtherCleanerRemovesNothing(Path dir) throws IOException, InterruptedException {
		Process cleaner = start(dir.resolveSibling("cleaner.log"), "clean", dir.toString());
		assertTrue(cleaner.waitFor(60, TimeUnit.SECONDS));
		assertEquals("removed []", Files.readString(dir.resolveSibling("cleaner.log")).strip());
	}

	/** Lets a holder commit and checks that it ended well (its log says why not). */
	static void commit(Process holder, Path log) throws IOException, InterruptedException {
		try (Writer w = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
			w.write("commit\n");
		}
		assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, holder.exitValue(), Files.readString(log));
	}

	/** SIGKILLs a holder: no finally block runs, its temporary file stays behind. */
	public static void kill(Process p) throws InterruptedException {
		p.destroyForcibly();
		if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 137) {
			throw new IllegalStateException("the holder did not die by SIGKILL");
		}
	}
}

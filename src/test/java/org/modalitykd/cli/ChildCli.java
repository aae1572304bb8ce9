/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line in a JVM of its own, stopped by SIGTERM as Ctrl-C or a cluster's time limit stop it. */
final class ChildCli {

	private ChildCli() {
	}

	/**
	 * Runs {@code args} in a child JVM with its output in {@code log}, sends SIGTERM once the
	 * log contains {@code marker} (within 3 minutes) and waits up to 2 minutes for it to end.
	 *
	 * @return the log
	 */
	static String terminateAfter(String marker, Path log, String... args) throws IOException, InterruptedException {
		return terminateAfter(marker, Duration.ofMinutes(3), Duration.ZERO, log, args);
	}

	/**
	 * As {@link #terminateAfter(String, Path, String...)}, waiting up to {@code markerWithin}
	 * for the marker and then {@code settle} more before the SIGTERM, for a command that
	 * needs a while after the marker to reach the state under test.
	 *
	 * @return the log
	 */
	static String terminateAfter(String marker, Duration markerWithin, Duration settle, Path log, String... args)
		throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", ModalityKdCli.class.getName()));
		cmd.addAll(List.of(args));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			long deadline = System.nanoTime() + markerWithin.toNanos();
			while (!Files.readString(log).contains(marker)) {
				assertTrue(p.isAlive(), "the command ended before '" + marker + "': " + Files.readString(log));
				assertTrue(System.nanoTime() < deadline, "no '" + marker + "' in " + markerWithin + ": " + Files.readString(log));
				Thread.sleep(20);
			}
			Thread.sleep(settle.toMillis());
			p.destroy(); // SIGTERM on Linux
			assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the command stops after SIGTERM");
		} finally {
			if (p.isAlive()) {
				p.destroyForcibly(); // a failed stop must not leave the child running
			}
		}
		return Files.readString(log);
	}
}

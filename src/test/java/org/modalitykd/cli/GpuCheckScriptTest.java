/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/gpu-check on a machine without an NVIDIA GPU: one line, exit status 3, before
 * building or writing anything. Run with an nvidia-smi that finds no GPU (as on a
 * machine with the driver tools but no card) and with none on the PATH at all.
 */
class GpuCheckScriptTest {

	@TempDir
	Path tmp;

	@Test
	void withoutAGpuItSaysSoInOneLineAndWritesNothing() throws IOException, InterruptedException {
		Path bin = Files.createDirectories(tmp.resolve("bin"));
		Path smi = bin.resolve("nvidia-smi");
		Files.writeString(smi, "#!/bin/sh\necho 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'"
			+ "\nexit 9\n");
		Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
		for (String path : new String[] { bin + ":/usr/bin:/bin", "/usr/bin:/bin" }) {
			Path out = tmp.resolve("report-" + path.length());
			ProcessBuilder pb = new ProcessBuilder("bash", "scripts/gpu-check", out.toString());
			pb.environment().put("PATH", path);
			Process p = pb.start();
			String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(p.waitFor(60, TimeUnit.SECONDS));
			assertEquals(3, p.exitValue(), stderr);
			assertEquals("", stdout);
			assertEquals(1, stderr.strip().lines().count(), stderr);
			assertTrue(stderr.startsWith("gpu-check: no NVIDIA GPU here"), stderr);
			assertFalse(Files.exists(out), "nothing is written without a GPU");
		}
	}
}

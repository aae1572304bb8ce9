/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.jna.Platform;

/**
 * TensorFlow's oneDNN kernels are on in a process of the product whatever the CPU, unless
 * the user turned them off. Each case runs in a JVM of its own, because TensorFlow reads
 * the switch once per process, and without the variable that the test JVM itself runs with.
 */
class OneDnnTest {

	@BeforeAll
	static void onlyWhereTensorFlowHasOneDnn() {
		assumeTrue(Platform.isLinux() && Platform.isIntel(), "TensorFlow Java has oneDNN in its x86-64 Linux build");
	}

	@Test
	void theProductTurnsOneDnnOnWhenTheUserSetNothing() throws Exception {
		String out = probe(null);
		assertTrue(out.contains("status: TF_ENABLE_ONEDNN_OPTS=1 (set by ModalityKD"), out);
		assertTrue(out.contains("op: _MklNativeConv3D"), "the convolution ran as oneDNN's: " + out);
	}

	@Test
	void aUserWhoTurnedOneDnnOffIsObeyed() throws Exception {
		String out = probe("0");
		assertTrue(out.contains("status: TF_ENABLE_ONEDNN_OPTS=0 (set before start)"), out);
		assertTrue(out.contains("op: Conv3D"), "TensorFlow's own convolution ran: " + out);
		assertFalse(out.contains("_Mkl"), out);
	}

	@Test
	void withoutJnaTensorFlowRunsWithItsOwnDefault() throws Exception {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(e -> !Path.of(e).getFileName().toString().startsWith("jna-")).collect(Collectors.joining(File.pathSeparator));
		String out = probe(null, classPath);
		assertTrue(out.contains("status: TF_ENABLE_ONEDNN_OPTS not set (NoClassDefFoundError: com/sun/jna/"), out);
		assertTrue(out.contains("op: "), "the convolution still ran: " + out);
	}

	/** Runs {@link OneDnnProbe} with the variable removed ({@code null}) or set to {@code value}. */
	private static String probe(String value) throws IOException, InterruptedException {
		return probe(value, System.getProperty("java.class.path"));
	}

	private static String probe(String value, String classPath) throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", classPath, OneDnnProbe.class.getName())).redirectErrorStream(true);
		pb.environment().remove(OneDnn.VARIABLE);
		if (value != null) {
			pb.environment().put(OneDnn.VARIABLE, value);
		}
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the probe ends");
		assertEquals(0, p.exitValue(), out);
		return out;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Turns TensorFlow's oneDNN kernels on for x86 Linux CPUs on which TensorFlow 2.18 leaves
 * them off. TensorFlow enables them by itself only on CPUs with AVX-512 VNNI or BF16,
 * AVX-VNNI or AMX; on the others (most AVX2 workstations and cluster nodes) it runs
 * Eigen's convolutions instead, and Grappler fuses no instance norm: a call of the
 * default network on 2 windows of 96^3 took 3.2 s instead of 1.2 s on a 2-core AVX2
 * machine (docs/performance.md). TensorFlow reads {@code TF_ENABLE_ONEDNN_OPTS} once,
 * while its native library loads, and Java cannot change its own environment, so the
 * variable is set through the C library (JNA) before any TensorFlow class is used:
 * {@link SessionOptions} and {@link Devices} call {@link #beforeTensorFlowLoads()} as
 * they are initialised, and every TensorFlow use here passes through one of them first.
 * A value the user set is kept; {@code TF_ENABLE_ONEDNN_OPTS=0} turns the kernels off.
 */
public final class OneDnn {

	/** The environment variable TensorFlow reads. */
	public static final String VARIABLE = "TF_ENABLE_ONEDNN_OPTS";

	private static String status;

	private OneDnn() {
	}

	/** The part of the C library this needs. */
	private interface CLibrary extends Library {
		int setenv(String name, String value, int overwrite);
	}

	/** Sets {@link #VARIABLE} to 1 unless the user set it; idempotent, never throws. */
	public static synchronized void beforeTensorFlowLoads() {
		if (status != null) {
			return;
		}
		String user = System.getenv(VARIABLE);
		if (user != null) {
			status = VARIABLE + "=" + user + " (set before start)";
			return;
		}
		try {
			status = set();
		} catch (LinkageError e) {
			// Without JNA (a bare ImageJ without Fiji's jars) TensorFlow still runs, with its own default.
			status = VARIABLE + " not set (" + e.getClass().getSimpleName() + ": " + e.getMessage()
				+ "); TensorFlow's default for this CPU";
		}
	}

	private static String set() {
		if (!Platform.isLinux() || !Platform.isIntel()) {
			// TensorFlow Java has oneDNN only in its x86-64 builds; on Windows the C runtime
			// keeps its own copy of the environment, which setenv cannot reach.
			return VARIABLE + " not set: TensorFlow's default for this platform";
		}
		CLibrary c = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);
		if (c.setenv(VARIABLE, "1", 0) == 0) {
			return VARIABLE + "=1 (set by ModalityKD before TensorFlow loaded)";
		}
		return VARIABLE + " not set: setenv failed; TensorFlow's default for this CPU";
	}

	/** What decided whether TensorFlow's oneDNN kernels are on, for the device report. */
	public static synchronized String status() {
		beforeTensorFlowLoads();
		return status;
	}
}

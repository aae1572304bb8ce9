/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Finds out whether TensorFlow can use a GPU here, by running one op pinned to
 * {@code /device:GPU:0} with soft placement off: that fails with the CPU-only native
 * library, without CUDA, or without a visible GPU. The answer is computed once per
 * process. Thread-safe.
 */
public final class Devices {

	/** The device chosen for a request, with a sentence saying why. */
	public record Resolved(boolean gpu, String description) {
	}

	static {
		// The device probe can be the first use of TensorFlow in a process (check-device).
		OneDnn.beforeTensorFlowLoads();
	}

	private static Boolean gpuUsable;
	private static String gpuProblem;

	private Devices() {
	}

	/** Whether a GPU can run TF ops in this process. */
	public static synchronized boolean gpuAvailable() {
		if (gpuUsable == null) {
			probe();
		}
		return gpuUsable;
	}

	/**
	 * @throws DeviceUnavailableException for {@link Device#GPU} without a usable GPU
	 */
	public static Resolved resolve(Device device) {
		return switch (device) {
		case CPU -> new Resolved(false, "CPU (as asked)");
		case GPU -> {
			if (!gpuAvailable()) {
				throw new DeviceUnavailableException("--device gpu: no usable GPU (" + gpuProblem
					+ "); use --device cpu, or install the GPU build (mvn -Pgpu package) with CUDA 12 and a GPU");
			}
			yield new Resolved(true, "GPU (as asked)");
		}
		case AUTO -> gpuAvailable() ? new Resolved(true, "GPU (auto: a usable GPU was found)")
			: new Resolved(false, "CPU (auto: no usable GPU: " + gpuProblem + ")");
		};
	}

	private static void probe() {
		try (Graph g = new Graph();
			Session s = new Session(g, ConfigProto.newBuilder().setAllowSoftPlacement(false).build())) {
			Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
			try (Result r = s.runner().fetch(tf.math.add(tf.constant(1f), tf.constant(1f))).run()) {
				gpuUsable = true;
				gpuProblem = null;
			}
		} catch (RuntimeException e) {
			gpuUsable = false;
			String m = String.valueOf(e.getMessage());
			gpuProblem = m.contains("no supported kernel for GPU") || m.contains("GPU:0") ? "TensorFlow sees no GPU device"
				: m.replaceAll("\\s+", " ").trim();
			if (gpuProblem.length() > 120) {
				gpuProblem = gpuProblem.substring(0, 120) + "...";
			}
		}
	}
}

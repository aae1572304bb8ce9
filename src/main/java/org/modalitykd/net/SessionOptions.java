/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Device and thread settings of a TensorFlow session.
 *
 * @param device         cpu, gpu or auto
 * @param intraOpThreads threads inside one op (a convolution); 0 lets TF choose (all cores)
 * @param interOpThreads ops run in parallel; 0 lets TF choose
 */
public record SessionOptions(Device device, int intraOpThreads, int interOpThreads) {

	static {
		// Every session is configured here before TensorFlow's native library loads.
		OneDnn.beforeTensorFlowLoads();
	}

	public SessionOptions {
		if (device == null) {
			throw new IllegalArgumentException("device must be set");
		}
		if (intraOpThreads < 0 || interOpThreads < 0) {
			throw new IllegalArgumentException("thread counts must be 0 (automatic) or positive");
		}
	}

	/** Automatic device and thread counts. */
	public static SessionOptions defaults() {
		return new SessionOptions(Device.AUTO, 0, 0);
	}

	/** The CPU with TF's own thread counts. */
	public static SessionOptions cpu() {
		return new SessionOptions(Device.CPU, 0, 0);
	}

	/**
	 * Resolves the device ({@link Devices#resolve}) and returns the ConfigProto for it:
	 * GPUs hidden for the CPU; on a GPU, memory allocated as needed (not all at once) and
	 * ops without a GPU kernel placed on the CPU.
	 *
	 * @throws DeviceUnavailableException when a GPU is asked for and none is usable
	 */
	public ConfigProto toConfigProto() {
		boolean gpu = Devices.resolve(device).gpu();
		ConfigProto.Builder b = ConfigProto.newBuilder()
			.setIntraOpParallelismThreads(intraOpThreads)
			.setInterOpParallelismThreads(interOpThreads);
		if (gpu) {
			b.setAllowSoftPlacement(true).setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
		} else {
			b.putDeviceCount("GPU", 0);
		}
		return b.build();
	}
}

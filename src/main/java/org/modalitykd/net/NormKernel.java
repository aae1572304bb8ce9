/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/**
 * How a network's instance norms and their activations run. The choice changes kernels,
 * not the model: the weights and what they compute (up to float rounding) are the same.
 */
public enum NormKernel {
	/** TensorFlow's element-wise ops: any device and type; what a saved bundle holds. */
	OPS,
	/** oneDNN's fused instance norm + LeakyReLU ({@link FusedInstanceNorm}): CPU, float32. */
	FUSED;

	/**
	 * The system property that forces the element-wise ops ({@code -Dmodalitykd.norm-kernel=ops}, e.g. in
	 * MODALITYKD_JAVA_OPTS): for comparing the two in benchmarks, and a way around the fused op should a
	 * TensorFlow build misbehave.
	 */
	public static final String PROPERTY = "modalitykd.norm-kernel";

	/**
	 * The fused kernel where the session runs on the CPU and TensorFlow has it, else the ops;
	 * {@code ops} in {@link #PROPERTY} forces the ops ({@code auto}, the default, chooses).
	 *
	 * @throws IllegalArgumentException when the property holds anything else
	 */
	public static NormKernel of(SessionOptions options) {
		String forced = System.getProperty(PROPERTY, "auto");
		if (forced.equalsIgnoreCase("ops")) {
			return OPS;
		}
		if (!forced.equalsIgnoreCase("auto")) {
			// A misspelt value would otherwise be ignored silently and time the wrong kernel.
			throw new IllegalArgumentException("-D" + PROPERTY + "=" + forced + " is not a norm kernel: use ops or auto");
		}
		return !Devices.resolve(options.device()).gpu() && FusedInstanceNorm.available() ? FUSED : OPS;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/**
 * The max-pooling and transposed-convolution U-Net differentiated end to end against
 * finite differences, in float32 because MaxPool3D has no float64 kernel on the CPU.
 * <p>
 * Maven runs this class on its own with TensorFlow's oneDNN kernels off
 * ({@code TF_ENABLE_ONEDNN_OPTS=0}, the {@code float32-gradients} execution in pom.xml):
 * on CPUs with AVX-512 / AMX, oneDNN's float32 kernels round differently enough that a
 * float32 central difference is off by 1 to 4 % whatever the step (measured: 1.03 % at
 * h = 1e-3, 1.9 % at 3e-3, 3.7 % at 3e-4), while the analytic gradient is unchanged. What
 * this test checks is the gradient graph (the project's custom Conv3D gradients and
 * their wiring), not oneDNN's rounding; the float64 checks in {@link UNetGradientTest}
 * run with oneDNN on.
 */
class UNetGradientFloat32Test {

	@BeforeAll
	static void gradients() {
		Conv3dGradients.ensureRegistered();
	}

	@Test
	void maxPoolTransposedConvFloat32() {
		UNetConfig c = UNetConfig.defaults(2, 3).withLevels(3).withBaseFilters(2);
		List<GradientCheck.Report> reports = UNetGradientTest.reports(c, TFloat32.class, new long[] { 1, 4, 4, 8, 2 }, 1e-3);
		for (GradientCheck.Report r : reports) {
			assertTrue(r.relativeError() < 1e-2, r.toString());
		}
		assertTrue(reports.size() > 20, "the check covered every parameter tensor: " + reports.size());
	}

	/** The network {@code --upsampling resize} trains: max pooling down, nearest doubling + 3x3x3 convolution up. */
	@Test
	void maxPoolResizeConvFloat32() {
		UNetConfig c = UNetConfig.defaults(2, 3).withLevels(3).withBaseFilters(2).withUpsampling(Upsampling.RESIZE_CONV);
		List<GradientCheck.Report> reports = UNetGradientTest.reports(c, TFloat32.class, new long[] { 1, 4, 4, 8, 2 }, 1e-3);
		for (GradientCheck.Report r : reports) {
			assertTrue(r.relativeError() < 1e-2, r.toString());
		}
		assertTrue(reports.stream().anyMatch(r -> r.name().contains("dec0/up/bias")),
			"the check covered the resize convolution's bias: " + reports.size());
	}
}

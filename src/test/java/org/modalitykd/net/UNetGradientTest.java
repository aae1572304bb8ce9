/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Whole tiny U-Nets differentiated end to end against finite differences. */
class UNetGradientTest {

	@BeforeAll
	static void gradients() {
		Conv3dGradients.ensureRegistered();
	}

	private static <T extends TFloating> void checkNetwork(UNetConfig config, Class<T> type, long[] inShape, double h,
		double tol) {
		List<GradientCheck.Report> reports = reports(config, type, inShape, h);
		for (GradientCheck.Report r : reports) {
			assertTrue(r.relativeError() < tol, r.toString());
		}
		assertTrue(reports.size() > 20, "the check covered every parameter tensor: " + reports.size());
	}

	/** Analytic against central-difference gradients of a projection of the logits, for the input and every parameter. */
	static <T extends TFloating> List<GradientCheck.Report> reports(UNetConfig config, Class<T> type, long[] inShape,
		double h) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			PlaceholderStore params = new PlaceholderStore(tf, 21);
			Placeholder<T> x = tf.withName("x").placeholder(type, Placeholder.shape(Shape.of(inShape)));
			UNet<T> net = UNet.build(tf, config, params, type, x, NetMode.TRAINING);
			Operand<TFloat64> f = GradientCheck.projection(tf, net.logits(), 1);
			for (Operand<T> ds : net.deepSupervisionLogits()) {
				f = tf.math.add(f, GradientCheck.projection(tf, ds, 2));
			}
			List<GradientCheck.Input> inputs = new ArrayList<>();
			inputs.add(new GradientCheck.Input("x", x, inShape, LayerGradientTest.normal(inShape, 4)));
			params.params().forEach(p -> inputs.add(GradientCheck.Input.of(p)));
			return GradientCheck.check(g, s, f, inputs, 4, h, 9);
		}
	}

	@Test
	void stridedResizeConvInstanceNormDeepSupervisionFloat64() {
		UNetConfig c = UNetConfig.defaults(2, 3).withLevels(3).withBaseFilters(2)
			.withDownsampling(Downsampling.STRIDED_CONV).withUpsampling(Upsampling.RESIZE_CONV).withDeepSupervision(true);
		checkNetwork(c, TFloat64.class, new long[] { 1, 4, 8, 4, 2 }, 1e-5, 1e-4);
	}

	@Test
	void perModalityBatchNormFloat64() {
		UNetConfig c = UNetConfig.defaults(1, 2).withLevels(3).withBaseFilters(2)
			.withDownsampling(Downsampling.STRIDED_CONV).withNormalization(Normalization.BATCH, 2);
		checkNetwork(c, TFloat64.class, new long[] { 2, 4, 4, 4, 1 }, 1e-5, 1e-4);
	}

	/** Resize upsampling in the unpaired network's shape: one normalisation slot per modality. */
	@Test
	void perModalityBatchNormResizeConvFloat64() {
		UNetConfig c = UNetConfig.defaults(1, 2).withLevels(3).withBaseFilters(2)
			.withDownsampling(Downsampling.STRIDED_CONV).withNormalization(Normalization.BATCH, 2)
			.withUpsampling(Upsampling.RESIZE_CONV);
		checkNetwork(c, TFloat64.class, new long[] { 2, 4, 4, 4, 1 }, 1e-5, 1e-4);
	}
}

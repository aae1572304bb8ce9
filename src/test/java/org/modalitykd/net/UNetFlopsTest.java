/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The analytic FLOP and parameter counts against hand counts and the built graph. */
class UNetFlopsTest {

	/** 1 channel -> 2 classes, 3 levels of 2, 4, 8 filters, on an 8^3 patch. */
	private static final UNetConfig TINY = UNetConfig.defaults(1, 2).withLevels(3).withBaseFilters(2);

	@Test
	void tinyNetworkMatchesAHandCount() {
		long v0 = 8 * 8 * 8;
		long v1 = 4 * 4 * 4;
		long v2 = 2 * 2 * 2;
		long encoder = v0 * 27 * 1 * 2 + v0 * 27 * 2 * 2 // level 0: 1->2, 2->2
			+ v1 * 27 * 2 * 4 + v1 * 27 * 4 * 4 // level 1 (after pooling): 2->4, 4->4
			+ v2 * 27 * 4 * 8 + v2 * 27 * 8 * 8; // bottleneck: 4->8, 8->8
		long decoder = v1 * 8 * 4 + v1 * 27 * 8 * 4 + v1 * 27 * 4 * 4 // up 8->4 (one tap per output voxel), concat 8->4, 4->4
			+ v0 * 4 * 2 + v0 * 27 * 4 * 2 + v0 * 27 * 2 * 2 // up 4->2, concat 4->2, 2->2
			+ v0 * 2 * 2; // 1x1x1 output 2->2
		assertEquals(402_176, encoder + decoder, "the hand count itself");
		assertEquals(encoder + decoder, UNetFlops.forwardMacs(TINY, new int[] { 8, 8, 8 }));
		assertEquals(2.0 * 402_176, UNetFlops.forwardFlops(TINY, new int[] { 8, 8, 8 }));
	}

	@Test
	void costScalesWithVoxelsAndDependsOnlyOnTheirProduct() {
		UNetConfig c = UNetConfig.defaults(4, 4);
		long m64 = UNetFlops.forwardMacs(c, new int[] { 64, 64, 64 });
		assertEquals(8 * m64, UNetFlops.forwardMacs(c, new int[] { 128, 128, 128 }));
		assertEquals(UNetFlops.forwardMacs(c, new int[] { 32, 64, 128 }), UNetFlops.forwardMacs(c, new int[] { 128, 32, 64 }));
		assertThrows(IllegalArgumentException.class, () -> UNetFlops.forwardMacs(c, new int[] { 60, 64, 64 }));
	}

	@Test
	void resizeConvolutionAndDeepSupervisionAreCounted() {
		int[] s = { 8, 8, 8 };
		long transposed = UNetFlops.forwardMacs(TINY, s);
		// Resize + 3x3x3 convolution instead of the one-tap transposed convolution.
		long resize = UNetFlops.forwardMacs(TINY.withUpsampling(Upsampling.RESIZE_CONV), s);
		assertEquals(transposed + 26 * (64 * 8 * 4 + 512 * 4 * 2), resize);
		// One head 4->2 at level 1.
		assertEquals(transposed + 64 * 4 * 2, UNetFlops.forwardMacs(TINY.withDeepSupervision(true), s));
	}

	@Test
	void parameterCountMatchesTheBuiltGraph() {
		for (UNetConfig c : new UNetConfig[] { UNetConfig.defaults(4, 4), TINY.withUpsampling(Upsampling.RESIZE_CONV)
			.withDeepSupervision(true), TINY.withNormalization(Normalization.BATCH, 2) }) {
			try (Graph g = new Graph(); Session s = new Session(g)) {
				Ops tf = Ops.create(g);
				VariableStore store = new VariableStore(tf, "", 1);
				UNet.build(tf, c, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.TRAINING);
				assertEquals(store.read(s).size(), UNetFlops.parameters(c), c.describe());
			}
		}
	}
}

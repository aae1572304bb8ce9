/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Forward behaviour of the network: shapes, endpoints, initialisation, parameter bookkeeping. */
class UNetTest {

	private static float[] random(int n, long seed) {
		java.util.Random r = new java.util.Random(seed);
		float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) r.nextGaussian();
		}
		return v;
	}

	@Test
	void endpointsHaveTheDocumentedShapesAndNames() {
		UNetConfig c = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4).withDeepSupervision(true);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> x = tf.withName("image").placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(-1, -1, -1, -1, 4)));
			UNet<TFloat32> net = UNet.build(tf, c, new VariableStore(tf, "", 1), TFloat32.class, x, NetMode.INFERENCE);
			for (String name : List.of("logits", "probabilities", "bottleneck", "decoder_features", "logits_ds1")) {
				assertNotNull(g.operation(name), name);
			}
			long[] in = { 2, 8, 12, 16, 4 };
			try (TFloat32 image = Tensors.floats(in, random(2 * 8 * 12 * 16 * 4, 1));
				Result r = s.runner().feed(x, image).fetch(net.logits()).fetch(net.probabilities())
					.fetch(net.bottleneck()).fetch(net.decoderFeatures()).fetch(net.deepSupervisionLogits().get(0)).run()) {
				assertEquals(Shape.of(2, 8, 12, 16, 4), r.get(0).shape());
				assertEquals(Shape.of(2, 2, 3, 4, 16), r.get(2).shape(), "bottleneck: 1/4 resolution, 4x base filters");
				assertEquals(Shape.of(2, 8, 12, 16, 4), r.get(3).shape(), "decoder features: full resolution, base filters");
				assertEquals(Shape.of(2, 4, 6, 8, 4), r.get(4).shape(), "deep supervision at 1/2 resolution");
				float[] p = Tensors.toFloats(r.get(1));
				for (int v = 0; v < p.length; v += 4) {
					assertEquals(1.0, p[v] + p[v + 1] + p[v + 2] + p[v + 3], 1e-5, "probabilities sum to 1");
				}
			}
		}
	}

	@Test
	void parameterCountMatchesAHandCount() {
		// 2 levels would be too few; 3 levels, 1 input channel, 2 classes, F = 2: kernels
		// 27*in*out, norms 2*out per conv, transposed 8*in*out, output 1*F*classes + classes.
		UNetConfig c = UNetConfig.defaults(1, 2).withLevels(3).withBaseFilters(2);
		long enc = 27 * (1 * 2 + 2 * 2) + 27 * (2 * 4 + 4 * 4) + 27 * (4 * 8 + 8 * 8) + 2 * (2 + 2 + 4 + 4 + 8 + 8);
		long dec1 = 8 * 8 * 4 + 27 * (8 * 4 + 4 * 4) + 2 * (4 + 4);
		long dec0 = 8 * 4 * 2 + 27 * (4 * 2 + 2 * 2) + 2 * (2 + 2);
		long out = 2 * 2 + 2;
		try (Graph g = new Graph()) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, "net", 1);
			UNet.build(tf, c, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.TRAINING);
			assertEquals(enc + dec1 + dec0 + out, store.trainableParameterCount());
			assertTrue(store.entries().stream().allMatch(e -> g.operation("net/" + e.name()) != null),
				"variables are named prefix/relative-name");
		}
	}

	@Test
	void heInitialisationIsSeededAndHasTheRightSpread() {
		UNetConfig c = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(16);
		Weights a = initialWeights(c, "");
		Weights b = initialWeights(c, "other");
		Weights d = initialWeights(c.withSeed(2), "");
		float[] ka = a.get("enc1/conv1/kernel").values();
		assertArrayEquals(ka, b.get("enc1/conv1/kernel").values(), "same seed, same weights whatever the prefix");
		assertNotEquals(ka[0], d.get("enc1/conv1/kernel").values()[0], "another seed, other weights");
		double sum = 0;
		double sq = 0;
		for (float v : ka) {
			sum += v;
			sq += v * v;
		}
		double std = Math.sqrt(sq / ka.length - Math.pow(sum / ka.length, 2));
		double expected = Math.sqrt(2.0 / ((1 + 0.01 * 0.01) * 27 * 32));
		assertEquals(expected, std, expected * 0.05, "He normal std for 3x3x3x32 inputs");
		assertArrayEquals(new float[32], a.get("enc1/conv1/norm/beta").values());
	}

	private static Weights initialWeights(UNetConfig c, String prefix) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, prefix, c.seed());
			UNet.build(tf, c, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.TRAINING);
			return store.read(s);
		}
	}

	@Test
	void weightsMoveBetweenGraphsByRelativeName() {
		UNetConfig c = UNetConfig.defaults(2, 3).withLevels(3).withBaseFilters(4);
		Weights trained = initialWeights(c.withSeed(5), "student");
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, "", 1);
			UNet.build(tf, c, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.INFERENCE);
			store.assign(s, trained);
			Weights back = store.read(s);
			for (String name : trained.tensors().keySet()) {
				assertArrayEquals(trained.get(name).values(), back.get(name).values(), name);
			}
		}
		UNetConfig wider = c.withBaseFilters(8);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, "", 1);
			UNet.build(tf, wider, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.INFERENCE);
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.assign(s, trained));
			assertTrue(e.getMessage().contains("enc0/conv0/kernel"), e.getMessage());
		}
	}

	@Test
	void nearestUpsamplingRepeatsEachVoxelTwicePerAxis() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Layers<TFloat32> layers = new Layers<>(tf, new VariableStore(tf, "", 1), TFloat32.class,
				Normalization.INSTANCE, 1, null, NetMode.INFERENCE, 0.01);
			float[] in = new float[2 * 3 * 2 * 1];
			for (int i = 0; i < in.length; i++) {
				in[i] = i;
			}
			try (TFloat32 t = Tensors.floats(new long[] { 1, 2, 3, 2, 1 }, in);
				Result r = s.runner().fetch(layers.upsampleNearest(tf.constant(t))).run()) {
				assertEquals(Shape.of(1, 4, 6, 4, 1), r.get(0).shape());
				float[] out = Tensors.toFloats(r.get(0));
				for (int d = 0; d < 4; d++) {
					for (int h = 0; h < 6; h++) {
						for (int w = 0; w < 4; w++) {
							assertEquals(in[((d / 2) * 3 + h / 2) * 2 + w / 2], out[(d * 6 + h) * 4 + w], 0);
						}
					}
				}
			}
		}
	}

	@Test
	void configRefusesImpossibleNetworks() {
		assertThrows(IllegalArgumentException.class, () -> UNetConfig.defaults(4, 4).withLevels(2));
		assertThrows(IllegalArgumentException.class, () -> UNetConfig.defaults(4, 4).withLevels(6));
		assertThrows(IllegalArgumentException.class, () -> UNetConfig.defaults(0, 4));
		assertThrows(IllegalArgumentException.class, () -> UNetConfig.defaults(4, 1));
		assertEquals(8, UNetConfig.defaults(4, 4).sizeMultiple());
	}
}

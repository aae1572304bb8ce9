/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.modalitykd.References;
import org.modalitykd.net.GradientCheck;
import org.modalitykd.net.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Every distillation term against an independent numpy implementation
 * (src/test/python/distillation_reference.py, written from METHODS.md) on tiny tensors,
 * including the edge cases: a class absent from one sample (ProtoKD ignores it), a
 * class absent from one modality (Dou ignores it), an all-background batch; and the
 * student-side gradients of the new terms against finite differences.
 */
class DistillationLossTest {

	private static final int N = 2;
	private static final int[] SPATIAL = { 1, 2, 3 };
	private static final int V = 6;
	private static final int C = 4;
	private static final int K = 3;
	private static final double T_HINTON = 4;
	private static final double T_PIXEL = 10;
	private static final double TAU = 2;

	record Case(double[] zt, double[] zs, double[] ft, double[] fs, int[] labels, double[] zb, int[] labelsB) {
	}

	private static double[] gaussian(Random r, int n, double scale) {
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = scale * r.nextGaussian();
		}
		return v;
	}

	private static Case random(long seed, int[] labels, int[] labelsB) {
		Random r = new Random(seed);
		return new Case(gaussian(r, N * V * C, 3), gaussian(r, N * V * C, 3), gaussian(r, N * V * K, 1),
			gaussian(r, N * V * K, 1), labels, gaussian(r, N * V * C, 3), labelsB);
	}

	/** Sample 0 has classes 0..3, sample 1 lacks class 3; modality b lacks class 2. */
	private static final int[] MIXED = { 0, 1, 2, 3, 1, 0, /**/ 0, 0, 2, 1, 1, 2 };
	private static final int[] MIXED_B = { 0, 1, 3, 3, 0, 0, /**/ 1, 0, 0, 3, 1, 0 };
	private static final int[] BACKGROUND = new int[N * V];

	private static Map<String, Double> numpy(Case c) throws Exception {
		References.requireNibabel(); // python3 with numpy comes with nibabel
		Map<String, Object> in = new LinkedHashMap<>();
		in.put("shape", new int[] { N, SPATIAL[0], SPATIAL[1], SPATIAL[2] });
		in.put("classes", C);
		in.put("features", K);
		in.put("zt", c.zt());
		in.put("zs", c.zs());
		in.put("ft", c.ft());
		in.put("fs", c.fs());
		in.put("labels", c.labels());
		in.put("zb", c.zb());
		in.put("labels_b", c.labelsB());
		in.put("T_hinton", T_HINTON);
		in.put("T_pixel", T_PIXEL);
		in.put("tau", TAU);
		Path input = Files.createTempFile("kd", ".json");
		try {
			Files.writeString(input, new Gson().toJson(in), StandardCharsets.UTF_8);
			References.Run run = References.run(List.of("/bin/sh", "-c",
				References.PYTHON + " src/test/python/distillation_reference.py < " + input));
			assertEquals(0, run.exitCode(), run.stderr());
			JsonObject o = JsonParser.parseString(run.stdout()).getAsJsonObject();
			Map<String, Double> out = new LinkedHashMap<>();
			for (String k : List.of("hinton", "pixel", "feature_l2", "proto", "classwise")) {
				out.put(k, o.get(k).getAsDouble());
			}
			return out;
		} finally {
			Files.delete(input);
		}
	}

	private static Operand<TFloat64> constant(Ops tf, double[] v, int last) {
		return tf.constant(Shape.of(N, SPATIAL[0], SPATIAL[1], SPATIAL[2], last), DataBuffers.of(v, true, false));
	}

	private static Operand<TFloat64> oneHot(Ops tf, int[] labels) {
		Operand<TInt32> l = tf.constant(Shape.of(N, SPATIAL[0], SPATIAL[1], SPATIAL[2]), DataBuffers.of(labels, true, false));
		return tf.oneHot(l, tf.constant(C), tf.constant(1.0), tf.constant(0.0));
	}

	private static Map<String, Double> tensorflow(Case c) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat64> zt = constant(tf, c.zt(), C);
			Operand<TFloat64> zs = constant(tf, c.zs(), C);
			Operand<TFloat64> ft = constant(tf, c.ft(), K);
			Operand<TFloat64> fs = constant(tf, c.fs(), K);
			Operand<TFloat64> zb = constant(tf, c.zb(), C);
			Operand<TFloat64> y = oneHot(tf, c.labels());
			Operand<TFloat64> yb = oneHot(tf, c.labelsB());
			Map<String, Operand<TFloat64>> terms = new LinkedHashMap<>();
			terms.put("hinton", HintonDistillation.loss(tf, zt, zs, T_HINTON));
			terms.put("pixel", PixelDistillation.loss(tf, zt, zs, T_PIXEL, C));
			terms.put("feature_l2", FeatureDistance.meanSquared(tf, ft, fs));
			terms.put("proto", PrototypeDistillation.loss(tf, ft, fs, y, C));
			terms.put("classwise", ClassWiseDistillation.loss(tf, zs, y, zb, yb, C, TAU));
			Session.Runner runner = s.runner();
			terms.values().forEach(runner::fetch);
			try (Result r = runner.run()) {
				Map<String, Double> out = new LinkedHashMap<>();
				int i = 0;
				for (String k : terms.keySet()) {
					out.put(k, Tensors.scalar(r.get(i++)));
				}
				return out;
			}
		}
	}

	private static void assertAgree(Case c) throws Exception {
		Map<String, Double> expected = numpy(c);
		Map<String, Double> actual = tensorflow(c);
		for (String k : expected.keySet()) {
			assertEquals(expected.get(k), actual.get(k), 1e-5 * Math.max(1, Math.abs(expected.get(k))), k);
		}
	}

	@Test
	void everyTermMatchesNumpyWithClassesMissingFromOneSampleAndOneModality() throws Exception {
		Case c = random(1, MIXED, MIXED_B);
		assertAgree(c);
		Map<String, Double> v = tensorflow(c);
		assertTrue(v.get("proto") > 1e-3 && v.get("classwise") > 1e-3 && v.get("hinton") > 1e-3, v.toString());
	}

	@Test
	void allBackgroundBatchesStillGiveFiniteValues() throws Exception {
		Case c = random(2, BACKGROUND, BACKGROUND);
		assertAgree(c);
		// Only the background takes part: its prototype is the sample's mean feature.
		assertTrue(tensorflow(c).get("proto") > 0);
	}

	@Test
	void noSharedClassGivesZeroClassWiseLoss() throws Exception {
		int[] ones = new int[N * V];
		java.util.Arrays.fill(ones, 1);
		Case c = random(3, BACKGROUND, ones);
		assertAgree(c);
		assertEquals(0, tensorflow(c).get("classwise"), 0);
	}

	@Test
	void identicalNetworksGiveZeroDistillation() throws Exception {
		Case r = random(4, MIXED, MIXED);
		Case same = new Case(r.zt(), r.zt(), r.ft(), r.ft(), MIXED, r.zt(), MIXED);
		Map<String, Double> v = tensorflow(same);
		for (String k : v.keySet()) {
			assertEquals(0, v.get(k), 1e-12, k);
		}
	}

	@Test
	void studentGradientsMatchFiniteDifferences() {
		Case c = random(5, MIXED, MIXED_B);
		for (int term = 0; term < 5; term++) {
			checkGradient(c, term);
		}
	}

	/** One term with respect to the student-side inputs it depends on. */
	private static void checkGradient(Case c, int term) {
		long[] zShape = { N, SPATIAL[0], SPATIAL[1], SPATIAL[2], C };
		long[] fShape = { N, SPATIAL[0], SPATIAL[1], SPATIAL[2], K };
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat64> zs = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(zShape)));
			Placeholder<TFloat64> fs = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(fShape)));
			Placeholder<TFloat64> zb = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(zShape)));
			Operand<TFloat64> y = oneHot(tf, c.labels());
			GradientCheck.Input logits = new GradientCheck.Input("student logits", zs, zShape, c.zs());
			GradientCheck.Input features = new GradientCheck.Input("student features", fs, fShape, c.fs());
			Operand<TFloat64> loss;
			List<GradientCheck.Input> inputs;
			switch (term) {
				case 0 -> {
					loss = HintonDistillation.loss(tf, constant(tf, c.zt(), C), zs, T_HINTON);
					inputs = List.of(logits);
				}
				case 1 -> {
					loss = PixelDistillation.loss(tf, constant(tf, c.zt(), C), zs, T_PIXEL, C);
					inputs = List.of(logits);
				}
				case 2 -> {
					loss = FeatureDistance.meanSquared(tf, constant(tf, c.ft(), K), fs);
					inputs = List.of(features);
				}
				case 3 -> {
					loss = PrototypeDistillation.loss(tf, constant(tf, c.ft(), K), fs, y, C);
					inputs = List.of(features);
				}
				default -> {
					loss = ClassWiseDistillation.loss(tf, zs, y, zb, oneHot(tf, c.labelsB()), C, TAU);
					inputs = List.of(logits, new GradientCheck.Input("logits of modality b", zb, zShape, c.zb()));
				}
			}
			for (GradientCheck.Report r : GradientCheck.check(g, s, loss, inputs, 48, 1e-6, 1)) {
				assertTrue(r.relativeError() < 1e-5, "term " + term + ": " + r);
			}
		}
	}
}

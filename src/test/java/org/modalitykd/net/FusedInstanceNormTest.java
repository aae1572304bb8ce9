/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;
import org.tensorflow.types.TFloat32;

/**
 * On the CPU a loaded bundle's instance norms run as oneDNN's fused instance norm with
 * the LeakyReLU after it, not as the seven element-wise ops the network is built from:
 * read from TensorFlow's own trace of a forward pass, not from the graph we import
 * (Grappler rewrites it when the session first runs).
 */
class FusedInstanceNormTest {

	@Test
	void theShippedTeachersNormsAndActivationsRunFused() throws IOException {
		Path dir = Path.of("sample-data/models/teacher");
		ModelCard card = ModelBundle.readCard(dir);
		assertEquals(Normalization.INSTANCE, card.architecture().normalization());
		try (ModelBundle b = ModelBundle.load(dir, SessionOptions.cpu())) {
			Map<String, Integer> ops = executedOps(b, 32);
			// A conv -> norm -> activation block per level and direction, two convs each.
			int norms = 2 * (2 * card.architecture().levels() - 1);
			assertEquals(norms, ops.getOrDefault("_MklFusedInstanceNorm", 0), ops.toString());
			for (String unfused : new String[] { "SquaredDifference", "Mean", "Rsqrt", "LeakyRelu" }) {
				assertFalse(ops.containsKey(unfused), unfused + " still runs: " + ops);
			}
		}
	}

	/** Op type -> how many nodes of it ran in one forward pass of a size^3 window. */
	private static Map<String, Integer> executedOps(ModelBundle b, int size) {
		int channels = b.card().architecture().inputChannels();
		float[] image = ModelBundleTest.random(size * size * size * channels, 7);
		RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
		try (TFloat32 x = Tensors.floats(new long[] { 1, size, size, size, channels }, image);
			Result r = b.session().runner().feed(b.inputName(), x).fetch(b.outputName()).setOptions(trace)
				.runAndFetchMetadata()) {
			assertTrue(r.getMetadata().isPresent(), "a traced run returns its metadata");
			StepStats stats = r.getMetadata().get().getStepStats();
			Map<String, Integer> ops = new TreeMap<>();
			stats.getDevStatsList().forEach(d -> {
				for (NodeExecStats n : d.getNodeStatsList()) {
					ops.merge(opType(n.getTimelineLabel()), 1, Integer::sum);
				}
			});
			return ops;
		}
	}

	/** The op type in a timeline label such as {@code "enc1/norm/add = Add(x, y)"}. */
	private static String opType(String label) {
		int eq = label.indexOf(" = ");
		String rest = eq < 0 ? label : label.substring(eq + 3);
		int paren = rest.indexOf('(');
		return paren < 0 ? rest : rest.substring(0, paren);
	}
}

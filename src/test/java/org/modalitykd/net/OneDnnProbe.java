/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.List;
import java.util.TreeSet;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * A process whose first use of TensorFlow is a session configured by {@link SessionOptions},
 * as in the product: prints the types of the ops that TensorFlow ran for one 3D
 * convolution, one per line, and then {@link OneDnn#status()}.
 */
public final class OneDnnProbe {

	private OneDnnProbe() {
	}

	public static void main(String[] args) {
		SessionOptions options = SessionOptions.cpu();
		try (Graph g = new Graph(); Session s = new Session(g, options.toConfigProto())) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> x = tf.random.randomUniform(tf.constant(new long[] { 1, 8, 8, 8, 4 }), TFloat32.class);
			Operand<TFloat32> w = tf.random.randomUniform(tf.constant(new long[] { 3, 3, 3, 4, 8 }), TFloat32.class);
			Operand<TFloat32> y = tf.nn.conv3d(x, w, List.of(1L, 1L, 1L, 1L, 1L), "SAME");
			RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
			try (Result r = s.runner().fetch(y).setOptions(trace).runAndFetchMetadata()) {
				TreeSet<String> ops = new TreeSet<>();
				for (DeviceStepStats d : r.getMetadata().orElseThrow().getStepStats().getDevStatsList()) {
					for (NodeExecStats n : d.getNodeStatsList()) {
						String label = n.getTimelineLabel();
						int eq = label.indexOf(" = ");
						String rest = eq < 0 ? label : label.substring(eq + 3);
						int paren = rest.indexOf('(');
						ops.add(paren < 0 ? rest : rest.substring(0, paren));
					}
				}
				ops.forEach(op -> System.out.println("op: " + op));
			}
		}
		// Asked last: asking earlier would itself set the variable before TensorFlow loads.
		System.out.println("status: " + OneDnn.status());
	}
}

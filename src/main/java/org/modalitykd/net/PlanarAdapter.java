/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Ops added to a loaded model's graph so that Java never interleaves channels voxel
 * by voxel: {@code planar} {@code [N, C, z, y, x]} (channel blocks, as a {@code Volume}
 * stores them) -> {@code image} NDHWC, mirrored along {@code flip_axes}; and the
 * model's probabilities mirrored back and transposed to {@code [N, classes, z, y, x]}.
 * <p>
 * A SavedModel input cannot be rewired, so a prediction is two runs of the session:
 * {@link #toModelInput()} with {@code planar} fed, then the model with its input fed
 * by that result and {@link #fromModelOutput()} fetched. {@code flip_axes} (int32
 * vector of NDHWC axes: 1 = z, 2 = y, 3 = x; empty for none) is fed in both runs.
 */
public final class PlanarAdapter {

	private final Placeholder<TFloat32> planar;
	private final Placeholder<TInt32> flipAxes;
	private final Operand<TFloat32> modelInput;
	private final Operand<TFloat32> planarOutput;

	/** Adds the ops to {@code graph}, under the scope {@code modalitykd_adapter}. */
	@SuppressWarnings("unchecked")
	PlanarAdapter(Graph graph, String outputName, int channels) {
		Ops tf = Ops.create(graph).withSubScope("modalitykd_adapter");
		planar = tf.withName("planar").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, channels, -1, -1, -1)));
		flipAxes = tf.withName("flip_axes").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
		modelInput = tf.reverse(tf.linalg.transpose(planar, tf.constant(new int[] { 0, 2, 3, 4, 1 })), flipAxes);
		Output<TFloat32> probabilities = (Output<TFloat32>) graph.output(outputName);
		planarOutput = tf.linalg.transpose(tf.reverse(probabilities, flipAxes), tf.constant(new int[] { 0, 4, 1, 2, 3 }));
	}

	/** Feed with {@code [N, C, z, y, x]} patches. */
	public Placeholder<TFloat32> planar() {
		return planar;
	}

	/** Feed with the NDHWC axes to mirror (1 = z, 2 = y, 3 = x), possibly none. */
	public Placeholder<TInt32> flipAxes() {
		return flipAxes;
	}

	/** The (mirrored) NDHWC image to feed the model with. */
	public Operand<TFloat32> toModelInput() {
		return modelInput;
	}

	/** The model's probabilities mirrored back, {@code [N, classes, z, y, x]}. */
	public Operand<TFloat32> fromModelOutput() {
		return planarOutput;
	}
}

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
 * <p>
 * Mirrored test-time augmentation stays inside TensorFlow: the unmirrored NDHWC image
 * (from {@link #toModelInput()} with no axes) is fed back to {@link #mirrored()} once
 * per mirroring, and each mirroring's planar probabilities are added to the previous
 * ones' sum by {@link #accumulated()}, so Java copies the windows in once and the
 * summed probabilities out once, not eight times each.
 */
public final class PlanarAdapter {

	private final Placeholder<TFloat32> planar;
	private final Placeholder<TInt32> flipAxes;
	private final Operand<TFloat32> modelInput;
	private final Operand<TFloat32> planarOutput;
	private final Placeholder<TFloat32> image;
	private final Operand<TFloat32> mirroredImage;
	private final Placeholder<TFloat32> sum;
	private final Operand<TFloat32> accumulated;

	/** Adds the ops to {@code graph}, under the scope {@code modalitykd_adapter}. */
	@SuppressWarnings("unchecked")
	PlanarAdapter(Graph graph, String outputName, int channels) {
		Ops tf = Ops.create(graph).withSubScope("modalitykd_adapter");
		planar = tf.withName("planar").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, channels, -1, -1, -1)));
		flipAxes = tf.withName("flip_axes").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
		modelInput = tf.reverse(tf.linalg.transpose(planar, tf.constant(new int[] { 0, 2, 3, 4, 1 })), flipAxes);
		Output<TFloat32> probabilities = (Output<TFloat32>) graph.output(outputName);
		planarOutput = tf.linalg.transpose(tf.reverse(probabilities, flipAxes), tf.constant(new int[] { 0, 4, 1, 2, 3 }));
		image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, channels)));
		mirroredImage = tf.reverse(image, flipAxes);
		sum = tf.withName("probability_sum").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, -1)));
		accumulated = tf.math.add(sum, planarOutput);
	}

	/** Feed with an NDHWC image (a result of {@link #toModelInput()}) to mirror it by {@link #mirrored()}. */
	public Placeholder<TFloat32> image() {
		return image;
	}

	/** {@link #image()} mirrored along {@link #flipAxes()}: the model's input for one mirroring. */
	public Operand<TFloat32> mirrored() {
		return mirroredImage;
	}

	/** Feed with the summed planar probabilities of the mirrorings run so far. */
	public Placeholder<TFloat32> probabilitySum() {
		return sum;
	}

	/** {@link #probabilitySum()} plus {@link #fromModelOutput()}: the sum after this mirroring. */
	public Operand<TFloat32> accumulated() {
		return accumulated;
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

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Arrays;
import java.util.List;

import org.modalitykd.data.PatchBatch;
import org.modalitykd.net.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/**
 * The placeholders of one batch in a training graph, {@code images<suffix>} float32
 * {@code [N, C, z, y, x]} (the {@link PatchBatch} layout) and {@code labels<suffix>} uint8
 * {@code [N, z, y, x]}, and the checks a batch passes before it is fed.
 */
final class BatchInput {

	private final Placeholder<TFloat32> images;
	private final Placeholder<TUint8> labels;
	private final int channels;
	private final int sizeMultiple;

	BatchInput(Ops tf, String suffix, int channels, int sizeMultiple) {
		this.channels = channels;
		this.sizeMultiple = sizeMultiple;
		images = tf.withName("images" + suffix).placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(-1, channels, -1, -1, -1)));
		labels = tf.withName("labels" + suffix).placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, -1, -1)));
	}

	/** The images as NDHWC, the layout of the networks. */
	Operand<TFloat32> ndhwc(Ops tf) {
		return tf.linalg.transpose(images, tf.constant(new int[] { 0, 2, 3, 4, 1 }));
	}

	/** The labels one-hot, NDHWC. */
	Operand<TFloat32> oneHot(Ops tf, int classes) {
		return tf.oneHot(tf.dtypes.cast(labels, TInt32.class), tf.constant(classes), tf.constant(1f), tf.constant(0f));
	}

	/**
	 * Feeds a batch; the tensors made join {@code fed}, for the caller to close.
	 *
	 * @param withLabels whether the labels are needed (training) or may be absent (prediction)
	 */
	void feed(Session.Runner runner, PatchBatch batch, boolean withLabels, List<Tensor> fed) {
		if (withLabels && batch.labels() == null) {
			throw new IllegalArgumentException("training needs labels");
		}
		if (batch.channels() != channels) {
			throw new IllegalArgumentException("the training graph reads " + channels + " channels; the batch has "
				+ batch.channels());
		}
		for (int s : batch.size()) {
			if (s % sizeMultiple != 0) {
				throw new IllegalArgumentException("patch size " + Arrays.toString(batch.size()) + " is not a multiple of "
					+ sizeMultiple + " (2^(levels-1)) on every axis");
			}
		}
		TFloat32 x = Tensors.floats(batch.imageShape(), batch.images());
		fed.add(x);
		runner.feed(images, x);
		if (batch.labels() != null) {
			TUint8 y = Tensors.bytes(batch.labelShape(), batch.labels());
			fed.add(y);
			runner.feed(labels, y);
		}
	}
}

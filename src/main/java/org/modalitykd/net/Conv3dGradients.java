/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients for the two 3D convolution ops that TensorFlow's C++ gradient registry
 * lacks: {@code Conv3D} (the convolution) and {@code Conv3DBackpropInputV2} (used as
 * the transposed convolution). TensorFlow Java keeps a fixed, small table of custom
 * gradients per process (about 10 entries), and an op type can be registered once:
 * {@link #ensureRegistered()} is idempotent and thread-safe, and uses two entries.
 * <p>
 * For y = conv(x, W): dx = conv3dBackpropInput(shape(x), W, dy), dW =
 * conv3dBackpropFilter(x, shape(W), dy). For y = conv^T(x, W) =
 * conv3dBackpropInput(sizes, W, x): dx = conv(dy, W), dW = conv3dBackpropFilter(dy,
 * shape(W), x), and the sizes input gets zeros (never null: TF would fail).
 */
public final class Conv3dGradients {

	private static boolean registered;

	private Conv3dGradients() {
	}

	/** Registers both gradients unless already registered in this process. */
	public static synchronized void ensureRegistered() {
		if (registered) {
			return;
		}
		// false means another component registered one first: its gradient then applies.
		TensorFlow.registerCustomGradient(Conv3d.Inputs.class, Conv3dGradients::conv3d);
		TensorFlow.registerCustomGradient(Conv3dBackpropInput.Inputs.class, Conv3dGradients::transposed);
		registered = true;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Operand<?>> conv3d(Ops tf, Conv3d.Inputs op, List<Output<?>> gradOutputs) {
		Operand dy = gradOutputs.get(0);
		Operand x = op.input;
		Operand w = op.filter;
		List<Long> strides = longs(op.strides);
		Operand dx = tf.nn.conv3dBackpropInput(tf.shape(x), w, dy, strides, op.padding,
			Conv3dBackpropInput.dilations(longs(op.dilations)), Conv3dBackpropInput.dataFormat(op.dataFormat));
		Operand dw = backpropFilter(tf, x, tf.shape(w), dy, strides, op.padding, op.dilations, op.dataFormat);
		return List.of(dx, dw);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Operand<?>> transposed(Ops tf, Conv3dBackpropInput.Inputs op, List<Output<?>> gradOutputs) {
		Operand dy = gradOutputs.get(0);
		Operand x = op.outBackprop;
		Operand w = op.filter;
		List<Long> strides = longs(op.strides);
		Operand dw = backpropFilter(tf, dy, tf.shape(w), x, strides, op.padding, op.dilations, op.dataFormat);
		Operand dx = tf.nn.conv3d(dy, w, strides, op.padding, Conv3d.dilations(longs(op.dilations)),
			Conv3d.dataFormat(op.dataFormat));
		return List.of(tf.zerosLike(op.inputSizes), dw, dx);
	}

	private static <T extends TNumber> Operand<T> backpropFilter(Ops tf, Operand<T> input, Operand<TInt32> filterSizes,
		Operand<T> outBackprop, List<Long> strides, String padding, long[] dilations, String dataFormat) {
		return tf.nn.conv3dBackpropFilter(input, filterSizes, outBackprop, strides, padding,
			org.tensorflow.op.nn.Conv3dBackpropFilter.dilations(longs(dilations)),
			org.tensorflow.op.nn.Conv3dBackpropFilter.dataFormat(dataFormat));
	}

	private static List<Long> longs(long[] values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}
}

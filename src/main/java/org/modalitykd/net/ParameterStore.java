/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * Where layers get their parameters from. Names are relative paths such as
 * {@code enc1/conv0/kernel}; asking twice for one name returns the same parameter, so
 * one network can be built twice in a graph (training and inference mode) sharing
 * its weights. Not thread-safe: graphs are built on one thread.
 */
public interface ParameterStore {

	/**
	 * A trainable parameter.
	 *
	 * @param shape     its shape, e.g. {3, 3, 3, in, out} for a convolution kernel
	 * @param decayed   whether weight decay applies (kernels yes; biases, norm scales no)
	 */
	<T extends TFloating> Operand<T> trainable(String name, long[] shape, Class<T> type, Initializer init,
		boolean decayed);

	/**
	 * A non-trainable variable, e.g. a batch-norm running mean, set to {@code value}.
	 * Assign to it directly; read it through an Identity (see {@link VariableStore.Entry}).
	 */
	<T extends TFloating> Variable<T> state(String name, long[] shape, Class<T> type, double value);
}

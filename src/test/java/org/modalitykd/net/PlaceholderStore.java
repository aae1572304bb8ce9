/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * Test parameters as placeholders with seeded random values, so that gradients can be
 * taken (and finite differences computed) with respect to every weight. Running
 * statistics are real variables.
 */
final class PlaceholderStore implements ParameterStore {

	/** A parameter placeholder and the values to feed it. */
	record Param(String name, Operand<?> placeholder, long[] shape, double[] values) {
	}

	private final Ops tf;
	private final Random random;
	private final VariableStore states;
	private final Map<String, Param> params = new LinkedHashMap<>();

	PlaceholderStore(Ops tf, long seed) {
		this.tf = tf;
		this.random = new Random(seed);
		this.states = new VariableStore(tf, "state", seed);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends TFloating> Operand<T> trainable(String name, long[] shape, Class<T> type, Initializer init,
		boolean decayed) {
		Param existing = params.get(name);
		if (existing != null) {
			return (Operand<T>) existing.placeholder();
		}
		int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			// Constants get noise too, so that e.g. a norm scale is not exactly 1 and a
			// bias not exactly 0: a check at a special point could hide errors.
			values[i] = init instanceof Initializer.HeNormal he ? random.nextGaussian() * he.standardDeviation()
				: ((Initializer.Constant) init).value() + 0.3 * random.nextGaussian();
		}
		Placeholder<T> p = tf.withName("param_" + params.size()).placeholder(type, Placeholder.shape(Shape.of(shape)));
		params.put(name, new Param(name, p, shape, values));
		return p;
	}

	@Override
	public <T extends TFloating> Variable<T> state(String name, long[] shape, Class<T> type, double value) {
		return states.state(name, shape, type, value);
	}

	List<Param> params() {
		return new ArrayList<>(params.values());
	}

	Param param(String name) {
		Param p = params.get(name);
		if (p == null) {
			throw new IllegalArgumentException("no parameter " + name + "; have " + params.keySet());
		}
		return p;
	}
}

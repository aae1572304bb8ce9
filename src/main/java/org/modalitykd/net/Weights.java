/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A copy of a network's float32 parameters in Java memory, keyed by the name relative
 * to its {@link VariableStore} (e.g. {@code enc0/conv0/kernel}): the way weights move
 * between graphs (training graph -> export graph, a teacher's bundle -> a
 * distillation graph) whatever prefixes the graphs use.
 */
public final class Weights {

	/** One tensor: its shape and values in row-major order. */
	public record Tensor(long[] shape, float[] values) {
		public Tensor {
			long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
			if (n != values.length) {
				throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
					+ values.length);
			}
		}
	}

	private final Map<String, Tensor> tensors;

	public Weights(Map<String, Tensor> tensors) {
		this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
	}

	public Map<String, Tensor> tensors() {
		return tensors;
	}

	public Tensor get(String name) {
		Tensor t = tensors.get(name);
		if (t == null) {
			throw new IllegalArgumentException("no parameter named " + name + " (have " + tensors.size() + ")");
		}
		return t;
	}

	/** Total number of scalars. */
	public long size() {
		return tensors.values().stream().mapToLong(t -> t.values().length).sum();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * A {@link ParameterStore} of graph variables that initialise themselves when a
 * session first runs the graph. A parameter named {@code enc0/conv0/kernel} becomes
 * the variable {@code <prefix>/enc0/conv0/kernel}; different prefixes (e.g.
 * {@code teacher} and {@code student}) keep two networks apart in one graph, and
 * {@link #trainableEntries()} is then the explicit list an optimiser updates.
 * <p>
 * He initialisation draws from a stateless normal generator seeded by (seed, hash of
 * the relative name), so a network built twice with one seed starts from the same
 * weights in any graph. {@link #read} and {@link #assign} move weights between
 * graphs by relative name.
 * <p>
 * Build all of a graph's ops from one {@link Ops} root (the one given here):
 * TensorFlow Java makes names unique per root, and a second root could repeat them.
 */
public final class VariableStore implements ParameterStore {

	/**
	 * One parameter: its name relative to the store, the variable, the read of it that
	 * the network uses, and what the optimiser does with it.
	 * <p>
	 * Layers use {@code read} (an Identity of the variable), never the variable itself,
	 * and gradients are taken with respect to {@code read}: TF 2.18's C++ gradient code
	 * crashes the JVM (SIGSEGV in Node::output_type) for some ops, e.g. Square, that
	 * consume a reference-typed variable output directly.
	 */
	public record Entry(String name, Variable<?> variable, Operand<?> read, long[] shape, boolean trainable,
		boolean decayed) {
	}

	private final Ops base;
	private final long seed;
	private final Map<String, Entry> entries = new LinkedHashMap<>();
	private final Map<String, Ops> scopes = new HashMap<>();
	private final Map<String, Placeholder<TFloat32>> assignInputs = new HashMap<>();
	private final List<Op> assignOps = new ArrayList<>();

	/**
	 * @param tf     the graph's root ops
	 * @param prefix a name such as {@code "student"}, or empty for none
	 * @param seed   seed of the random initial values
	 */
	public VariableStore(Ops tf, String prefix, long seed) {
		this.base = prefix.isEmpty() ? tf : tf.withSubScope(prefix);
		this.seed = seed;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends TFloating> Operand<T> trainable(String name, long[] shape, Class<T> type, Initializer init,
		boolean decayed) {
		variable(name, shape, type, init, true, decayed);
		return (Operand<T>) entries.get(name).read();
	}

	@Override
	public <T extends TFloating> Variable<T> state(String name, long[] shape, Class<T> type, double value) {
		return variable(name, shape, type, new Initializer.Constant(value), false, false);
	}

	@SuppressWarnings("unchecked")
	private <T extends TFloating> Variable<T> variable(String name, long[] shape, Class<T> type, Initializer init,
		boolean trainable, boolean decayed) {
		Entry existing = entries.get(name);
		if (existing != null) {
			if (!Arrays.equals(existing.shape(), shape) || existing.variable().type() != type) {
				throw new IllegalStateException("parameter " + name + " exists with shape " + Arrays.toString(existing.shape())
					+ " and type " + existing.variable().type().getSimpleName() + "; asked for " + Arrays.toString(shape)
					+ " " + type.getSimpleName());
			}
			return (Variable<T>) existing.variable();
		}
		int slash = name.lastIndexOf('/');
		Ops scope = scope(slash < 0 ? "" : name.substring(0, slash));
		Ops init0 = scope.withInitScope();
		Operand<T> value;
		if (init instanceof Initializer.HeNormal he) {
			Operand<TInt64> seeds = init0.constant(new long[] { seed, nameHash(name) });
			value = init0.math.mul(init0.random.statelessRandomNormal(init0.constant(shape), seeds, type),
				init0.constant(type, he.standardDeviation()));
		} else {
			value = init0.fill(init0.constant(shape), init0.constant(type, ((Initializer.Constant) init).value()));
		}
		String leaf = name.substring(slash + 1);
		Variable<T> v = scope.withName(leaf).variable(value);
		Operand<T> read = scope.withName(leaf + "_read").identity(v);
		entries.put(name, new Entry(name, v, read, shape.clone(), trainable, decayed));
		return v;
	}

	/** One sub-scope per folder of names, created once so that TF does not rename it. */
	private Ops scope(String path) {
		if (path.isEmpty()) {
			return base;
		}
		Ops s = scopes.get(path);
		if (s == null) {
			int slash = path.lastIndexOf('/');
			s = scope(slash < 0 ? "" : path.substring(0, slash)).withSubScope(path.substring(slash + 1));
			scopes.put(path, s);
		}
		return s;
	}

	/** All parameters in creation order. */
	public List<Entry> entries() {
		return List.copyOf(entries.values());
	}

	/** The trainable parameters in creation order: what an optimiser of this network updates. */
	public List<Entry> trainableEntries() {
		return entries.values().stream().filter(Entry::trainable).toList();
	}

	/** Number of trainable scalars. */
	public long trainableParameterCount() {
		return trainableEntries().stream().mapToLong(e -> Arrays.stream(e.shape()).reduce(1, (a, b) -> a * b)).sum();
	}

	/** Copies every float32 parameter (trainable and state) out of a session. */
	public Weights read(Session session) {
		Session.Runner runner = session.runner();
		List<Entry> all = entries();
		for (Entry e : all) {
			requireFloat32(e);
			runner.fetch(e.variable());
		}
		Map<String, Weights.Tensor> out = new LinkedHashMap<>();
		try (Result r = runner.run()) {
			for (int i = 0; i < all.size(); i++) {
				Entry e = all.get(i);
				float[] values = new float[Math.toIntExact(Arrays.stream(e.shape()).reduce(1, (a, b) -> a * b))];
				((TFloat32) r.get(i)).copyTo(DataBuffers.of(values, false, false));
				out.put(e.name(), new Weights.Tensor(e.shape(), values));
			}
		}
		return new Weights(out);
	}

	/**
	 * Sets every parameter of this store from {@code weights} (which may hold more).
	 * The first call adds one placeholder and assignment per variable to the graph.
	 *
	 * @throws IllegalArgumentException naming the first parameter that is missing or
	 *                                  has another shape
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void assign(Session session, Weights weights) {
		if (assignOps.isEmpty()) {
			Ops tf = scope("").withSubScope("assign");
			for (Entry e : entries.values()) {
				requireFloat32(e);
				Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(e.shape())));
				assignInputs.put(e.name(), p);
				assignOps.add(tf.assign((Operand) e.variable(), p));
			}
		}
		List<TFloat32> fed = new ArrayList<>();
		try {
			Session.Runner runner = session.runner();
			for (Entry e : entries.values()) {
				Weights.Tensor t = weights.tensors().get(e.name());
				if (t == null) {
					throw new IllegalArgumentException("the weights lack the parameter " + e.name());
				}
				if (!Arrays.equals(t.shape(), e.shape())) {
					throw new IllegalArgumentException("parameter " + e.name() + " has shape " + Arrays.toString(t.shape())
						+ " in the weights but " + Arrays.toString(e.shape()) + " in the network");
				}
				TFloat32 tensor = TFloat32.tensorOf(Shape.of(t.shape()), DataBuffers.of(t.values(), true, false));
				fed.add(tensor);
				runner.feed(assignInputs.get(e.name()), tensor);
			}
			assignOps.forEach(runner::addTarget);
			runner.run().close();
		} finally {
			fed.forEach(TFloat32::close);
		}
	}

	private static void requireFloat32(Entry e) {
		if (e.variable().type() != TFloat32.class) {
			throw new UnsupportedOperationException("only float32 parameters can be copied; " + e.name() + " is "
				+ e.variable().type().getSimpleName());
		}
	}

	/** FNV-1a: a 64-bit hash that is the same in every JVM. */
	private static long nameHash(String name) {
		long h = 0xcbf29ce484222325L;
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		return h;
	}
}

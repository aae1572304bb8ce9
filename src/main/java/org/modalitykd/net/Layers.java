/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The U-Net's layer types as TF ops on NDHWC tensors (batch, depth, height, width,
 * channels), each taking its parameters from a {@link ParameterStore} under a name.
 * Any floating type works except that max pooling is float32-only on CPU. 3D
 * convolutions need {@link Conv3dGradients#ensureRegistered()} before gradients are
 * taken.
 *
 * @param <T> float32 for real use, float64 for gradient checks
 */
public final class Layers<T extends TFloating> {

	private static final List<Long> UNIT = List.of(1L, 1L, 1L, 1L, 1L);
	private static final List<Long> TWO = List.of(1L, 2L, 2L, 2L, 1L);

	private final Ops tf;
	private final ParameterStore params;
	private final Class<T> type;
	private final Normalization normalization;
	private final int normSlots;
	private final Operand<T> slotWeights;
	private final NetMode mode;
	private final double leakySlope;
	private final boolean fused;
	private final List<Op> updates = new ArrayList<>();

	/**
	 * @param slotWeights one-hot vector of length {@code normSlots} choosing the
	 *                    normalisation slot; ignored when there is one slot
	 */
	public Layers(Ops tf, ParameterStore params, Class<T> type, Normalization normalization, int normSlots,
		Operand<T> slotWeights, NetMode mode, double leakySlope) {
		this(tf, params, type, normalization, normSlots, slotWeights, mode, leakySlope, NormKernel.OPS);
	}

	/**
	 * @param kernel {@link NormKernel#FUSED} runs each instance norm and its activation as
	 *               one op where it applies (float32); batch norm always runs as ops
	 */
	public Layers(Ops tf, ParameterStore params, Class<T> type, Normalization normalization, int normSlots,
		Operand<T> slotWeights, NetMode mode, double leakySlope, NormKernel kernel) {
		if (normSlots > 1 && slotWeights == null) {
			throw new IllegalArgumentException("per-modality normalisation needs the slot weights");
		}
		this.tf = tf;
		this.params = params;
		this.type = type;
		this.normalization = normalization;
		this.normSlots = normSlots;
		this.slotWeights = slotWeights;
		this.mode = mode;
		this.leakySlope = leakySlope;
		this.fused = kernel == NormKernel.FUSED && normalization == Normalization.INSTANCE && type == TFloat32.class;
	}

	/** The batch-norm running-average updates built so far (run them with each training step). */
	public List<Op> updateOps() {
		return List.copyOf(updates);
	}

	/**
	 * The scope to build a second training pass in (the unpaired method's second modality)
	 * when both passes update the same running averages: after the first pass's updates,
	 * so that each step moves the averages by the first batch and then by the second, the
	 * same way every time. Without the order, the two updates read and add in whatever
	 * order the executor runs them, and a rerun with the same seed differs. Per-slot
	 * statistics (each pass moves only its own slot) and instance norm need no order.
	 */
	public static Ops afterSharedUpdates(Ops tf, Normalization normalization, int normSlots, List<Op> firstPassUpdates) {
		return normalization == Normalization.BATCH && normSlots == 1 && !firstPassUpdates.isEmpty()
			? tf.withControlDependencies(firstPassUpdates) : tf;
	}

	public Class<T> type() {
		return type;
	}

	/**
	 * A k x k x k convolution, 'same' padding, He-initialised for a following
	 * LeakyReLU (or linear when {@code linear}), with an optional bias.
	 */
	public Operand<T> conv(String name, Operand<T> x, long in, long out, int k, int stride, boolean bias,
		boolean linear) {
		long fanIn = (long) k * k * k * in;
		Operand<T> w = params.trainable(name + "/kernel", new long[] { k, k, k, in, out }, type,
			new Initializer.HeNormal(fanIn, linear ? 1.0 : leakySlope), true);
		Ops s = tf.withSubScope(flat(name));
		Operand<T> y = s.nn.conv3d(x, w, stride == 1 ? UNIT : List.of(1L, (long) stride, (long) stride, (long) stride, 1L),
			"SAME");
		if (bias) {
			Operand<T> b = params.trainable(name + "/bias", new long[] { out }, type, new Initializer.Constant(0), false);
			y = s.nn.biasAdd(y, b);
		}
		return y;
	}

	/**
	 * A 2x2x2 transposed convolution with stride 2 (doubles each spatial size), no bias,
	 * initialised as a linear layer: each output voxel sees one input voxel, through the
	 * kernel tap of its position in the 2x2x2 block, so unequal taps print a period-2
	 * pattern ({@link Upsampling#TRANSPOSED_CONV}).
	 */
	public Operand<T> transposedConv(String name, Operand<T> x, long in, long out) {
		Operand<T> w = params.trainable(name + "/kernel", new long[] { 2, 2, 2, out, in }, type,
			new Initializer.HeNormal(in, 1.0), true);
		Ops s = tf.withSubScope(flat(name));
		Operand<TInt32> sizes = s.math.add(s.math.mul(s.shape(x), s.constant(new int[] { 1, 2, 2, 2, 0 })),
			s.constant(new int[] { 0, 0, 0, 0, (int) out }));
		return s.nn.conv3dBackpropInput(sizes, w, x, TWO, "SAME");
	}

	/**
	 * Doubles each spatial size by repeating voxels (nearest neighbour), one axis at a
	 * time: TF's CPU kernels broadcast only up to rank 5, and Concat and Reshape have
	 * gradients.
	 */
	public Operand<T> upsampleNearest(Operand<T> x) {
		Ops s = tf.withSubScope("upsample");
		Operand<T> y = x;
		for (int axis = 3; axis >= 1; axis--) {
			Operand<T> e = s.expandDims(y, s.constant(axis + 1));
			int[] factor = { 1, 1, 1, 1, 1 };
			factor[axis] = 2;
			Operand<TInt32> target = s.math.mul(s.shape(y), s.constant(factor));
			y = s.reshape(s.concat(List.of(e, e), s.constant(axis + 1)), target);
		}
		return y;
	}

	/** 2x2x2 max pooling with stride 2 (float32 only on CPU). */
	public Operand<T> maxPool(Operand<T> x) {
		return tf.nn.maxPool3d(x, TWO, TWO, "VALID");
	}

	/** LeakyReLU with the configured slope. */
	public Operand<T> activation(Operand<T> x) {
		return tf.nn.leakyRelu(x, LeakyRelu.alpha((float) leakySlope));
	}

	/**
	 * Instance or batch normalisation with a learnt scale and shift per channel (one
	 * set per slot when per-modality).
	 */
	public Operand<T> norm(String name, Operand<T> x, long channels) {
		Ops s = tf.withSubScope(flat(name));
		List<Operand<T>> affine = scaleAndShift(s, name, channels);
		Operand<T> gamma = affine.get(0);
		Operand<T> beta = affine.get(1);
		Operand<T> mean;
		Operand<T> variance;
		boolean batch = normalization == Normalization.BATCH;
		if (batch && mode == NetMode.INFERENCE) {
			mean = select(s, reads(s, runningStats(name + "/moving_mean", channels, 0.0)));
			variance = select(s, reads(s, runningStats(name + "/moving_variance", channels, 1.0)));
		} else {
			Operand<TInt32> axes = s.constant(batch ? new int[] { 0, 1, 2, 3 } : new int[] { 1, 2, 3 });
			mean = s.math.mean(x, axes, Mean.keepDims(true));
			variance = s.math.mean(s.math.squaredDifference(x, mean), axes, Mean.keepDims(true));
			if (batch) {
				updateRunning(s, runningStats(name + "/moving_mean", channels, 0.0), s.reshape(mean, s.constant(new int[] { -1 })));
				updateRunning(s, runningStats(name + "/moving_variance", channels, 1.0),
					s.reshape(variance, s.constant(new int[] { -1 })));
			}
		}
		Operand<T> scale = s.math.mul(s.math.rsqrt(s.math.add(variance, s.constant(type, Normalization.EPSILON))), gamma);
		// x * scale + (beta - mean * scale), not (x - mean) * scale + beta: the shift is
		// computed per channel, saving one pass over the full-size tensor (a broadcast Sub
		// was a tenth of the forward pass on the CPU). Equal up to float rounding.
		return s.math.add(s.math.mul(x, scale), s.math.sub(beta, s.math.mul(mean, scale)));
	}

	/** conv -> norm -> LeakyReLU, the building block of every level. */
	@SuppressWarnings("unchecked")
	public Operand<T> convNormAct(String name, Operand<T> x, long in, long out, int stride) {
		Operand<T> y = conv(name, x, in, out, 3, stride, false, false);
		if (fused) {
			String norm = name + "/norm";
			Ops s = tf.withSubScope(flat(norm));
			List<Operand<T>> affine = scaleAndShift(s, norm, out);
			return (Operand<T>) FusedInstanceNorm.apply(s, (Operand<TFloat32>) y, (Operand<TFloat32>) affine.get(0),
				(Operand<TFloat32>) affine.get(1), leakySlope);
		}
		return activation(norm(name + "/norm", y, out));
	}

	/** A norm's scale (starting at 1) and shift (starting at 0), per channel; one of each per slot where there are several. */
	private List<Operand<T>> scaleAndShift(Ops s, String norm, long channels) {
		return List.of(perSlot(s, norm + "/gamma", channels, 1.0), perSlot(s, norm + "/beta", channels, 0.0));
	}

	private Operand<T> perSlot(Ops s, String name, long channels, double value) {
		if (normSlots == 1) {
			return params.trainable(name, new long[] { channels }, type, new Initializer.Constant(value), false);
		}
		List<Operand<T>> slots = new ArrayList<>();
		for (int i = 0; i < normSlots; i++) {
			slots.add(params.trainable(name + "_slot" + i, new long[] { channels }, type, new Initializer.Constant(value),
				false));
		}
		return select(s, slots);
	}

	private List<Operand<T>> runningStats(String name, long channels, double value) {
		List<Operand<T>> out = new ArrayList<>();
		for (int i = 0; i < normSlots; i++) {
			Variable<T> v = params.state(normSlots == 1 ? name : name + "_slot" + i, new long[] { channels }, type, value);
			out.add(v);
		}
		return out;
	}

	private List<Operand<T>> reads(Ops s, List<Operand<T>> variables) {
		return variables.stream().map(v -> (Operand<T>) s.identity(v)).toList();
	}

	/** The slot's vector: sum_i w_i * v_i with one-hot w (Mul and Sum have gradients; Gather is avoided). */
	private Operand<T> select(Ops s, List<Operand<T>> perSlot) {
		if (perSlot.size() == 1) {
			return perSlot.get(0);
		}
		Operand<T> stacked = s.stack(perSlot);
		Operand<T> w = s.reshape(slotWeights, s.constant(new int[] { -1, 1 }));
		return s.sum(s.math.mul(w, stacked), s.constant(0));
	}

	/** running_i += w_i * (1 - momentum) * (batch - running_i): only the chosen slot moves. */
	@SuppressWarnings("unchecked")
	private void updateRunning(Ops s, List<Operand<T>> running, Operand<T> batchValue) {
		Operand<T> rate = s.constant(type, 1 - Normalization.BATCH_MOMENTUM);
		for (int i = 0; i < running.size(); i++) {
			Operand<T> r = running.get(i);
			Operand<T> gate = normSlots == 1 ? rate
				: s.math.mul(rate, s.reshape(s.slice(slotWeights, s.constant(new int[] { i }), s.constant(new int[] { 1 })),
					s.constant(new int[0])));
			Operand<T> delta = s.math.mul(gate, s.math.sub(s.stopGradient(batchValue), s.identity(r)));
			updates.add(s.assignAdd((Variable<T>) r, delta));
		}
	}

	/** Scope names cannot contain '/'. */
	private static String flat(String name) {
		return name.replace('/', '_');
	}
}

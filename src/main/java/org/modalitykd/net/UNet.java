/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * A 3D U-Net built from TF ops, and its named endpoints.
 * <p>
 * Layout NDHWC: the input is {@code [batch, depth, height, width, channels]} (for a
 * {@code Volume}, depth = k, height = j, width = i), and every spatial size must be a
 * multiple of {@link UNetConfig#sizeMultiple()}. Per level: two (3x3x3 conv, norm,
 * LeakyReLU) blocks; between levels max pooling or a strided first convolution; in
 * the decoder a transposed convolution or nearest upsampling + convolution, then the
 * skip concatenated, then two blocks; a 1x1x1 convolution with bias gives the logits.
 * <p>
 * Endpoints are named in the scope of the given {@link Ops}: {@code logits},
 * {@code probabilities} (softmax over classes), {@code bottleneck} (output of the
 * deepest level), {@code decoder_features} (last decoder block, before the output
 * convolution: the ProtoKD feature map), {@code logits_ds1..} (deep supervision
 * heads at 1/2, 1/4, ... resolution) and {@code norm_slot} (int32 scalar input,
 * default 0, choosing the per-modality normalisation).
 *
 * @param <T> float32 for real use, float64 for gradient checks (with strided-conv down)
 */
public final class UNet<T extends TFloating> {

	private final UNetConfig config;
	private final Operand<T> input;
	private final Operand<T> logits;
	private final Operand<T> probabilities;
	private final Operand<T> bottleneck;
	private final Operand<T> decoderFeatures;
	private final List<Operand<T>> deepSupervisionLogits;
	private final Operand<TInt32> normSlot;
	private final List<Op> updateOps;

	private UNet(UNetConfig config, Operand<T> input, Operand<T> logits, Operand<T> probabilities,
		Operand<T> bottleneck, Operand<T> decoderFeatures, List<Operand<T>> deepSupervisionLogits,
		Operand<TInt32> normSlot, List<Op> updateOps) {
		this.config = config;
		this.input = input;
		this.logits = logits;
		this.probabilities = probabilities;
		this.bottleneck = bottleneck;
		this.decoderFeatures = decoderFeatures;
		this.deepSupervisionLogits = deepSupervisionLogits;
		this.normSlot = normSlot;
		this.updateOps = updateOps;
	}

	/**
	 * Builds the network on {@code input} ({@code [N, D, H, W, inputChannels]}).
	 *
	 * @param tf     ops in the scope where the endpoints are named
	 * @param params where weights come from (a {@link VariableStore} for real use)
	 * @param mode   training (batch statistics, running-average updates) or inference
	 */
	public static <T extends TFloating> UNet<T> build(Ops tf, UNetConfig config, ParameterStore params,
		Class<T> type, Operand<T> input, NetMode mode) {
		return build(tf, config, params, type, input, mode, NormKernel.OPS);
	}

	/** As {@link #build(Ops, UNetConfig, ParameterStore, Class, Operand, NetMode)}, with the norms' kernel. */
	public static <T extends TFloating> UNet<T> build(Ops tf, UNetConfig config, ParameterStore params,
		Class<T> type, Operand<T> input, NetMode mode, NormKernel kernel) {
		Operand<TInt32> normSlot = null;
		Operand<T> slotWeights = null;
		if (config.normSlots() > 1) {
			normSlot = tf.withName("norm_slot").placeholderWithDefault(tf.constant(0), Shape.scalar());
			slotWeights = tf.oneHot(normSlot, tf.constant(config.normSlots()), tf.constant(type, 1.0),
				tf.constant(type, 0.0));
		}
		Layers<T> layers = new Layers<>(tf, params, type, config.normalization(), config.normSlots(), slotWeights, mode,
			config.leakySlope(), kernel);

		List<Operand<T>> skips = new ArrayList<>();
		Operand<T> x = input;
		long channels = config.inputChannels();
		for (int level = 0; level < config.levels(); level++) {
			long f = config.filters(level);
			int stride = 1;
			if (level > 0) {
				if (config.downsampling() == Downsampling.MAX_POOL) {
					x = layers.maxPool(x);
				} else {
					stride = 2;
				}
			}
			x = layers.convNormAct("enc" + level + "/conv0", x, channels, f, stride);
			x = layers.convNormAct("enc" + level + "/conv1", x, f, f, 1);
			channels = f;
			skips.add(x);
		}
		Operand<T> bottleneck = tf.withName("bottleneck").identity(x);

		List<Operand<T>> deep = new ArrayList<>();
		for (int level = config.levels() - 2; level >= 0; level--) {
			long f = config.filters(level);
			String name = "dec" + level;
			Operand<T> up = config.upsampling() == Upsampling.TRANSPOSED_CONV
				? layers.transposedConv(name + "/up", x, channels, f)
				: layers.conv(name + "/up", layers.upsampleNearest(x), channels, f, 3, 1, true, true);
			x = tf.concat(List.of(skips.get(level), up), tf.constant(4));
			x = layers.convNormAct(name + "/conv0", x, 2 * f, f, 1);
			x = layers.convNormAct(name + "/conv1", x, f, f, 1);
			channels = f;
			if (config.deepSupervision() && level > 0) {
				Operand<T> head = layers.conv("ds" + level, x, f, config.classes(), 1, 1, true, true);
				deep.add(0, tf.withName("logits_ds" + level).identity(head));
			}
		}
		Operand<T> features = tf.withName("decoder_features").identity(x);
		Operand<T> logits = tf.withName("logits").identity(layers.conv("out", x, channels, config.classes(), 1, 1, true, true));
		Operand<T> probabilities = tf.withName("probabilities").identity(tf.nn.softmax(logits));
		return new UNet<>(config, input, logits, probabilities, bottleneck, features, List.copyOf(deep), normSlot,
			layers.updateOps());
	}

	public UNetConfig config() {
		return config;
	}

	public Operand<T> input() {
		return input;
	}

	/** {@code [N, D, H, W, classes]}, before the softmax. */
	public Operand<T> logits() {
		return logits;
	}

	/** Softmax of the logits over the class axis. */
	public Operand<T> probabilities() {
		return probabilities;
	}

	/** Output of the deepest encoder level: {@code [N, D/m, H/m, W/m, filters(levels-1)]}, m = sizeMultiple. */
	public Operand<T> bottleneck() {
		return bottleneck;
	}

	/** Last decoder block, full resolution, {@code filters(0)} channels. */
	public Operand<T> decoderFeatures() {
		return decoderFeatures;
	}

	/** Deep-supervision logits at 1/2, 1/4, ... resolution (index 0 = 1/2); empty when off. */
	public List<Operand<T>> deepSupervisionLogits() {
		return deepSupervisionLogits;
	}

	/** The int32 scalar choosing the per-modality normalisation, or null with one slot. */
	public Operand<TInt32> normSlot() {
		return normSlot;
	}

	/** Batch-norm running-average updates to run with each training step; empty otherwise. */
	public List<Op> updateOps() {
		return updateOps;
	}
}

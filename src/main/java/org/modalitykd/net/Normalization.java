/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/**
 * The feature normalisation after each 3x3x3 convolution of the U-Net.
 * <p>
 * Either kind can be made per-modality ({@link UNetConfig#normSlots()} &gt; 1): every
 * slot then has its own scale and shift (and, for batch norm, its own running
 * statistics), and the slot is chosen at run time by the graph's {@code norm_slot}
 * input, so that one set of convolution kernels serves several modalities (the
 * unpaired method of Dou et al.).
 */
public enum Normalization {
	/** Statistics over the spatial axes of each sample and channel; no running state. */
	INSTANCE,
	/**
	 * Statistics over the batch and spatial axes while training; running averages
	 * (momentum {@link #BATCH_MOMENTUM}) at inference.
	 */
	BATCH;

	/** Weight of the old running statistic in each batch-norm update. */
	public static final double BATCH_MOMENTUM = 0.9;

	/** Added to the variance before the square root. */
	public static final double EPSILON = 1e-5;
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/** How the U-Net encoder halves the resolution between levels. */
public enum Downsampling {
	/** 2x2x2 max pooling (float32 only on CPU), then the level's two convolutions. */
	MAX_POOL,
	/** The level's first 3x3x3 convolution has stride 2 (as nnU-Net). */
	STRIDED_CONV
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/** How the U-Net decoder doubles the resolution between levels. */
public enum Upsampling {
	/** 2x2x2 transposed convolution with stride 2. */
	TRANSPOSED_CONV,
	/**
	 * Nearest-neighbour doubling followed by a 3x3x3 convolution: no checkerboard
	 * artefacts, at a higher cost.
	 */
	RESIZE_CONV
}

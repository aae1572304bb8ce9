/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/** Whether a network is built for training or for inference; only batch norm differs. */
public enum NetMode {
	/** Batch norm uses batch statistics and updates its running averages. */
	TRAINING,
	/** Batch norm uses its running averages; nothing is updated. */
	INFERENCE
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/**
 * A model and a case (or a bundle and its card) do not fit together: missing
 * modality, wrong channel count, other voxel spacing. The message is one line saying
 * what differs and what to do.
 */
public final class ModelMismatchException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public ModelMismatchException(String message) {
		super(message);
	}
}

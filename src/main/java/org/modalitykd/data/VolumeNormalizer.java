/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import org.modalitykd.volume.Volume;

/** Turns a case's channels into what a network reads; training and inference use the same one (see infer.IntensityNormalizer). */
public interface VolumeNormalizer {

	/** A normalised copy; the input is not changed. */
	Volume apply(Volume volume);
}

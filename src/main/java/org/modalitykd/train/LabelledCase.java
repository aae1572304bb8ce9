/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * A case as read from disk for training or validation: raw (not normalised) images with
 * one named channel per modality, and the stored BraTS labels on the same grid.
 */
public record LabelledCase(String id, Volume images, LabelVolume labels) {
}

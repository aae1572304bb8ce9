/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.util.Map;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * The result of segmenting one case, on the case's own voxel grid.
 *
 * @param labels        BraTS labels (0, 1, 2, 4) by argmax of the probabilities
 * @param probabilities one channel per class, named by the model card's class names
 * @param provenance    what produced it (model checksum, role, modalities, tiling)
 */
public record Segmentation(LabelVolume labels, Volume probabilities, Map<String, String> provenance) {
}

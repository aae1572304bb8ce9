/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.util.Optional;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * One loaded case: co-registered modality images as the channels of one
 * {@link Volume}, the optional reference segmentation, and the header of the first
 * modality, whose geometry outputs (labels, probabilities) keep.
 *
 * @param files           where it came from
 * @param images          one channel per modality, named by modality, in channel order
 * @param labels          the segmentation, if the case has one
 * @param referenceHeader header of the first modality file
 */
public record MriCase(CaseFiles files, Volume images, Optional<LabelVolume> labels, NiftiHeader referenceHeader) {

	public String id() {
		return files.id();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.List;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * One generated case: the four modalities, the BraTS labels, and what the generator
 * knows beyond the files (the deformed tissue fractions, the planted lesions), which
 * tests and reports use.
 *
 * @param id        case identifier, the file name prefix
 * @param seed      the seed that reproduces it
 * @param images    the modalities asked for, of t1, t1ce, t2, flair (float intensities, 0 outside
 *                  the brain) and ct (Hounsfield units, the whole head)
 * @param labels    0 background, 1 necrotic / non-enhancing core, 2 edema, 4 enhancing tumour
 * @param tissues   normal anatomy of this case (before the tumour replaced any of it)
 * @param lesions   the planted lesions, one or two
 * @param enhancing false for an enhancement-free (label 4 empty) case
 * @param head      the skull and scalp of this case, when it has a CT; else null
 */
public record SyntheticCase(String id, long seed, Volume images, LabelVolume labels, TissueMaps tissues,
	List<Lesion> lesions, boolean enhancing, HeadMaps head) {

	public SyntheticCase {
		lesions = List.copyOf(lesions);
	}

	/** Voxels with label {@code value}, in mL. */
	public double labelVolumeMl(int value) {
		return labels.histogram()[value] * labels.geometry().voxelVolumeMl();
	}
}

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
 * @param images    channels t1, t1ce, t2, flair (float intensities, 0 outside the brain)
 * @param labels    0 background, 1 necrotic / non-enhancing core, 2 edema, 4 enhancing tumour
 * @param tissues   normal anatomy of this case (before the tumour replaced any of it)
 * @param lesions   the planted lesions, one or two
 * @param enhancing false for an enhancement-free (label 4 empty) case
 */
public record SyntheticCase(String id, long seed, Volume images, LabelVolume labels, TissueMaps tissues,
	List<Lesion> lesions, boolean enhancing) {

	public SyntheticCase {
		lesions = List.copyOf(lesions);
	}

	/** Voxels with label {@code value}, in mL. */
	public double labelVolumeMl(int value) {
		return labels.histogram()[value] * labels.geometry().voxelVolumeMl();
	}
}

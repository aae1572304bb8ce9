package org.modalitykd.infer;

import org.modalitykd.data.ZScoreNormalizer;
import org.modalitykd.net.ModelCard;

/**
 * Applies a model card's intensity normalisation to image channels, returning new
 * arrays (the case is not modified). {@code zscore-nonzero}: per channel, the mean and
 * standard deviation over the non-zero voxels (the brain, in skull-stripped scans);
 * non-zero voxels become (v - mean) / std, zeros stay 0 (so that zero padding means
 * "outside the head" as in training).
 */
public final class IntensityNormalizer {

	private IntensityNormalizer() {
	}

	public static float[][] apply(ModelCard.IntensityNormalization norm, float[][] channels) {
		float[][] out = new float[channels.length][];
		for (int c = 0; c < channels.length; c++) {
			out[c] = ModelCard.IntensityNormalization.NONE.equals(norm.method()) ? channels[c].clone()
				: zscoreNonZero(channels[c]);
		}
		return out;
	}

	static float[] zscoreNonZero(float[] v) {
		// The same function training used: a model sees what it was trained on.
		return ZScoreNormalizer.normalise(v);
	}
}

package org.modalitykd.infer;

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
		double sum = 0;
		double sq = 0;
		long n = 0;
		for (float x : v) {
			if (x != 0) {
				sum += x;
				sq += (double) x * x;
				n++;
			}
		}
		float[] out = new float[v.length];
		if (n == 0) {
			return out;
		}
		double mean = sum / n;
		double std = Math.sqrt(Math.max(0, sq / n - mean * mean));
		double scale = std > 0 ? 1 / std : 1;
		for (int i = 0; i < v.length; i++) {
			out[i] = v[i] == 0 ? 0f : (float) ((v[i] - mean) * scale);
		}
		return out;
	}
}

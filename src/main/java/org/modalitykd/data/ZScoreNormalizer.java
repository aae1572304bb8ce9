/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import org.modalitykd.volume.Volume;

/**
 * Per-volume, per-channel z-score over the brain: mean and standard deviation are taken
 * over the voxels where the channel is non-zero (skull-stripped MRI is exactly 0 outside
 * the brain), and those voxels become (v - mean) / std; the background stays 0. This
 * removes the arbitrary intensity scale of MRI, which differs between scanners and
 * cases.
 */
public final class ZScoreNormalizer implements VolumeNormalizer {

	/** The name the model card records for this normalisation (ModelCard's ZSCORE_NONZERO). */
	public static final String NAME = "zscore-nonzero";

	/** A normalised copy; the input is not changed. */
	@Override
	public Volume apply(Volume volume) {
		float[][] out = new float[volume.channelCount()][];
		for (int c = 0; c < out.length; c++) {
			out[c] = normalise(volume.channel(c));
		}
		return new Volume(volume.geometry(), volume.channelNames(), out);
	}

	/** One channel's z-score over its non-zero, finite voxels; a new array. */
	public static float[] normalise(float[] v) {
		double sum = 0;
		long n = 0;
		for (float x : v) {
			if (x != 0 && Float.isFinite(x)) {
				sum += x;
				n++;
			}
		}
		float[] out = new float[v.length];
		if (n == 0) {
			return out;
		}
		double mean = sum / n;
		double sq = 0;
		for (float x : v) {
			if (x != 0 && Float.isFinite(x)) {
				sq += (x - mean) * (x - mean);
			}
		}
		double std = Math.sqrt(sq / n);
		// A constant brain has no contrast to keep: centre it without dividing by zero.
		double scale = std > 1e-8 ? 1 / std : 1;
		for (int i = 0; i < v.length; i++) {
			float x = v[i];
			out[i] = x != 0 && Float.isFinite(x) ? (float) ((x - mean) * scale) : 0f;
		}
		return out;
	}
}

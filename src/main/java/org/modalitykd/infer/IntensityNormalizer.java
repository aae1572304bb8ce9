/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.util.List;

import org.modalitykd.data.HounsfieldCheck;
import org.modalitykd.data.HuWindowNormalizer;
import org.modalitykd.data.VolumeNormalizer;
import org.modalitykd.data.ZScoreNormalizer;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.volume.Volume;

/**
 * Applies a model card's intensity normalisation to image channels, returning new
 * arrays (the case is not modified). {@code zscore-nonzero}: per channel, the mean and
 * standard deviation over the non-zero voxels (the brain, in skull-stripped scans);
 * non-zero voxels become (v - mean) / std, zeros stay 0 (so that zero padding means
 * "outside the head" as in training). {@code hu-window}: {@code ct} channels clipped to
 * the card's Hounsfield window and scaled to [0, 1] (air 0), other channels z-scored.
 * Training normalises with {@link #of}, the same functions.
 */
public final class IntensityNormalizer {

	private IntensityNormalizer() {
	}

	/** The normaliser training uses for a card's normalisation. */
	public static VolumeNormalizer of(ModelCard.IntensityNormalization norm) {
		if (norm.readsHounsfield()) {
			return new HuWindowNormalizer(norm.windowMin(), norm.windowMax());
		}
		if (ModelCard.IntensityNormalization.NONE.equals(norm.method())) {
			return v -> new Volume(v.geometry(), v.channelNames(), copies(v));
		}
		return new ZScoreNormalizer();
	}

	/** Every channel normalised as its method says, treating no channel as CT (the channels' names are unknown). */
	public static float[][] apply(ModelCard.IntensityNormalization norm, float[][] channels) {
		return apply(norm, null, channels);
	}

	/**
	 * @param names the channels' modalities (for hu-window: which are CT); null to treat
	 *              every channel of a hu-window card as CT
	 */
	public static float[][] apply(ModelCard.IntensityNormalization norm, List<String> names, float[][] channels) {
		float[][] out = new float[channels.length][];
		for (int c = 0; c < channels.length; c++) {
			if (ModelCard.IntensityNormalization.NONE.equals(norm.method())) {
				out[c] = channels[c].clone();
			} else if (norm.readsHounsfield() && (names == null || Modalities.isCt(names.get(c)))) {
				out[c] = new HuWindowNormalizer(norm.windowMin(), norm.windowMax()).normalise(channels[c]);
			} else {
				out[c] = zscoreNonZero(channels[c]);
			}
		}
		return out;
	}

	/**
	 * Refuses a channel the card reads as CT in Hounsfield units whose values are not
	 * those of a head CT (an MRI given as CT, a CT with another scaling).
	 *
	 * @throws ModelMismatchException one line naming the channel, what is wrong and what to do
	 */
	public static void checkHounsfield(ModelCard.IntensityNormalization norm, List<String> names, float[][] channels) {
		if (!norm.readsHounsfield()) {
			return;
		}
		for (int c = 0; c < channels.length; c++) {
			if (Modalities.isCt(names.get(c))) {
				String problem = HounsfieldCheck.problem(channels[c]);
				if (problem != null) {
					throw new ModelMismatchException("the model reads CT in Hounsfield units, but the " + names.get(c)
						+ " image " + problem + "; give the head CT in HU (air about -1000, brain 20-45)");
				}
			}
		}
	}

	static float[] zscoreNonZero(float[] v) {
		// The same function training used: a model sees what it was trained on.
		return ZScoreNormalizer.normalise(v);
	}

	private static float[][] copies(Volume v) {
		float[][] out = new float[v.channelCount()][];
		for (int c = 0; c < out.length; c++) {
			out[c] = v.channel(c).clone();
		}
		return out;
	}
}

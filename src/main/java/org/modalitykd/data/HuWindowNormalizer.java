/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import org.modalitykd.io.Modalities;
import org.modalitykd.volume.Volume;

/**
 * CT in Hounsfield units: each {@code ct} channel is clipped to a window
 * {@code [min, max]} HU and scaled linearly to [0, 1], so air and everything at or below
 * the window's bottom is exactly 0, like the background of a z-scored MRI and like the
 * zero padding of patches and windows. Other channels (MRI) of the same network are
 * z-scored as {@link ZScoreNormalizer} does. Unlike the z-score, the window needs no
 * statistics of the image: HU are absolute, and a head CT's air (-1000) is not zero.
 *
 * @param min bottom of the window, HU
 * @param max top of the window, HU
 */
public record HuWindowNormalizer(double min, double max) implements VolumeNormalizer {

	/** The name the model card records for this normalisation (ModelCard's HU_WINDOW). */
	public static final String NAME = "hu-window";
	/**
	 * Default window: -100 to 200 HU (level 50, width 300). It holds every brain and
	 * tumour tissue with room for noise and contrast (CSF 0-15, white matter 25, grey
	 * matter 35-40, enhancing tumour 60-90, fresh blood 60-80), keeps scalp fat
	 * (-100) apart from the skin and the rim apart from bone, and clips air and
	 * bone, which would otherwise take up the range with values the segmentation does
	 * not need.
	 */
	public static final double DEFAULT_MIN = -100;
	public static final double DEFAULT_MAX = 200;

	public HuWindowNormalizer {
		if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
			throw new IllegalArgumentException("a Hounsfield window needs min < max, both finite: " + min + ", " + max);
		}
	}

	/** The default window. */
	public static HuWindowNormalizer standard() {
		return new HuWindowNormalizer(DEFAULT_MIN, DEFAULT_MAX);
	}

	@Override
	public Volume apply(Volume volume) {
		float[][] out = new float[volume.channelCount()][];
		for (int c = 0; c < out.length; c++) {
			out[c] = Modalities.isCt(volume.channelNames().get(c)) ? normalise(volume.channel(c))
				: ZScoreNormalizer.normalise(volume.channel(c));
		}
		return new Volume(volume.geometry(), volume.channelNames(), out);
	}

	/** One CT channel clipped to the window and scaled to [0, 1]; non-finite voxels become 0. A new array. */
	public float[] normalise(float[] hu) {
		float[] out = new float[hu.length];
		double scale = 1 / (max - min);
		for (int i = 0; i < hu.length; i++) {
			float x = hu[i];
			out[i] = Float.isFinite(x) ? (float) ((Math.max(min, Math.min(max, x)) - min) * scale) : 0f;
		}
		return out;
	}
}

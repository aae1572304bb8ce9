/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Maps that tell a reader where not to trust a segmentation: where two models disagree,
 * and how uncertain one model is (normalised entropy of its class probabilities).
 */
public final class QualityMaps {

	private QualityMaps() {
	}

	/** 1 where the labels differ, 0 where they agree; both on the same grid. */
	public static float[] disagreement(LabelVolume a, LabelVolume b) {
		if (!a.geometry().sameGrid(b.geometry(), 1e-6)) {
			throw new IllegalArgumentException("the two segmentations are on different grids: " + a.geometry().describe()
				+ " and " + b.geometry().describe());
		}
		byte[] la = a.labels();
		byte[] lb = b.labels();
		float[] out = new float[la.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = la[i] == lb[i] ? 0f : 1f;
		}
		return out;
	}

	/**
	 * Entropy of the class probabilities divided by log(classes): 0 where one class is
	 * certain, 1 where all are equally likely.
	 */
	public static float[] entropy(Volume probabilities) {
		int k = probabilities.channelCount();
		int n = probabilities.channel(0).length;
		double norm = Math.log(k);
		float[] out = new float[n];
		for (int c = 0; c < k; c++) {
			float[] p = probabilities.channel(c);
			for (int i = 0; i < n; i++) {
				if (p[i] > 0) {
					out[i] -= (float) (p[i] * Math.log(p[i]));
				}
			}
		}
		for (int i = 0; i < n; i++) {
			out[i] = (float) Math.min(1, Math.max(0, out[i] / norm));
		}
		return out;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.Arrays;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * A case ready for patch sampling: normalised images, class indices per voxel (0..3,
 * see {@link BratsLabels}) and the positions of its tumour voxels, so that patches can
 * be centred on tumour without scanning the volume each time. Immutable by convention:
 * nobody writes to its arrays.
 *
 * @param id         case identifier
 * @param images     normalised channels, in the model's modality order
 * @param classes    class index of every voxel, NIfTI index order
 * @param foreground indices of the voxels whose class is not background
 */
public record TrainingCase(String id, Volume images, byte[] classes, int[] foreground) {

	/** Normalises the images and converts the BraTS labels. */
	public static TrainingCase of(String id, Volume images, LabelVolume labels, VolumeNormalizer normalizer) {
		if (!Arrays.equals(images.geometry().dims(), labels.geometry().dims())) {
			throw new IllegalArgumentException(id + ": the labels (" + labels.geometry().describe()
				+ ") do not match the images (" + images.geometry().describe() + ")");
		}
		byte[] stored = labels.labels();
		byte[] classes = new byte[stored.length];
		int fg = 0;
		for (int i = 0; i < stored.length; i++) {
			int c;
			try {
				c = BratsLabels.toClass(stored[i] & 0xff);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(id + ": " + e.getMessage());
			}
			classes[i] = (byte) c;
			if (c != 0) {
				fg++;
			}
		}
		int[] foreground = new int[fg];
		for (int i = 0, n = 0; i < classes.length; i++) {
			if (classes[i] != 0) {
				foreground[n++] = i;
			}
		}
		return new TrainingCase(id, normalizer.apply(images), classes, foreground);
	}

	public int channels() {
		return images.channelCount();
	}
}

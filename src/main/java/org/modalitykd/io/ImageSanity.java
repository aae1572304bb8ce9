/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.util.LinkedHashMap;
import java.util.Map;

import org.modalitykd.volume.Volume;

/**
 * Whether a modality's intensities can be segmented at all. An image that is empty
 * (every voxel 0), constant, or holds NaN or infinite voxels is what a failed
 * conversion, export or skull-strip leaves behind, and a network segments it without a
 * word. Such a modality is refused, or, where a model can do without it, left out. NaN
 * is never read as 0: nobody can tell whether it marks background or a broken scan.
 * Stateless and thread-safe.
 */
public final class ImageSanity {

	private ImageSanity() {
	}

	/**
	 * What makes these intensities unusable, e.g. {@code is empty (every voxel is 0)},
	 * or null when they are fine.
	 */
	public static String problem(float[] voxels) {
		long nonFinite = 0;
		boolean constant = true;
		boolean seenFinite = false;
		float first = 0;
		for (float x : voxels) {
			if (!Float.isFinite(x)) {
				nonFinite++;
			} else if (!seenFinite) {
				first = x;
				seenFinite = true;
			} else if (x != first) {
				constant = false;
			}
		}
		if (nonFinite == voxels.length) {
			return "is all NaN or infinite (" + voxels.length + " voxels)";
		}
		if (nonFinite > 0) {
			return "has " + nonFinite + " NaN or infinite voxels (of " + voxels.length + ")";
		}
		if (constant) {
			return first == 0 ? "is empty (every voxel is 0)" : "is constant (every voxel is " + first + ")";
		}
		return null;
	}

	/**
	 * The unusable channels of a volume: channel name to
	 * {@code "the <name> image <problem>"}, in channel order; empty when all are usable.
	 */
	public static Map<String, String> problems(Volume images) {
		Map<String, String> out = new LinkedHashMap<>();
		for (int c = 0; c < images.channelCount(); c++) {
			String p = problem(images.channel(c));
			if (p != null) {
				String name = images.channelNames().get(c);
				out.put(name, "the " + name + " image " + p);
			}
		}
		return out;
	}

	/** What to do about an unusable modality, for the end of a one-line message. */
	public static String advice(String modality) {
		return "replace the file (a failed conversion or export?), or leave " + modality
			+ " out by using a model that does not need it";
	}
}

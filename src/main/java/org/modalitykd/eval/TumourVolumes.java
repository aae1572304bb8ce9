/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import java.util.LinkedHashMap;
import java.util.Map;

import org.modalitykd.volume.LabelVolume;

/** Volumes in millilitres of a label map: the BraTS regions and each label present. */
public final class TumourVolumes {

	private TumourVolumes() {
	}

	/**
	 * Keys {@code WT}, {@code TC}, {@code ET}, then {@code label_1}, {@code label_2},
	 * {@code label_4} and any other non-zero label present, in ascending order.
	 */
	public static Map<String, Double> of(LabelVolume labels) {
		double[] s = labels.geometry().spacing();
		double voxelMl = s[0] * s[1] * s[2] / 1000.0;
		long[] h = labels.histogram();
		Map<String, Double> out = new LinkedHashMap<>();
		for (BratsRegion r : BratsRegion.values()) {
			long n = 0;
			for (int v = 1; v < h.length; v++) {
				n += r.contains(v) ? h[v] : 0;
			}
			out.put(r.name(), n * voxelMl);
		}
		for (int v = 1; v < h.length; v++) {
			if (h[v] > 0 || v == 1 || v == 2 || v == 4) {
				out.put("label_" + v, h[v] * voxelMl);
			}
		}
		return out;
	}
}

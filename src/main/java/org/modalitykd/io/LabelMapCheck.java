/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;

/**
 * Whether an existing label map is a finished output for a case: a readable NIfTI (a
 * truncated or empty file is not), on the case's voxel grid, holding only the labels a
 * model writes. {@code batch --resume} trusts an output only when this finds nothing
 * wrong. Thread-safe.
 */
public final class LabelMapCheck {

	private LabelMapCheck() {
	}

	/**
	 * What is wrong with {@code labelMap} as the output for a case on {@code grid}, or
	 * null when nothing is.
	 *
	 * @param allowed the labels an output may hold
	 */
	public static String problem(NiftiReader reader, Path labelMap, Geometry grid, Set<Integer> allowed,
		double toleranceMm) {
		LabelVolume labels;
		try {
			labels = reader.readLabels(labelMap);
		} catch (NiftiException e) {
			String m = e.getMessage();
			String prefix = labelMap + ": ";
			return "cannot be read (" + (m.startsWith(prefix) ? m.substring(prefix.length()) : m) + ")";
		}
		Geometry g = labels.geometry();
		if (!java.util.Arrays.equals(g.dims(), grid.dims())) {
			return "is " + g.describe() + " but the case is " + grid.describe();
		}
		if (!g.affine().approximatelyEquals(grid.affine(), toleranceMm)) {
			return String.format("has an affine %.3g mm away from the case's", g.affine().maxDifference(grid.affine()));
		}
		for (int d = 0; d < 3; d++) {
			if (Math.abs(g.spacing()[d] - grid.spacing()[d]) > toleranceMm) {
				return "is " + g.describe() + " but the case is " + grid.describe();
			}
		}
		String unexpected = unexpected(labels, allowed);
		return unexpected == null ? null : "holds labels no model writes: " + unexpected;
	}

	/**
	 * The values of {@code labels} outside {@code allowed} with their voxel counts, e.g.
	 * {@code 3 (120 voxels), 5 (7 voxels)}, or null when there are none.
	 */
	public static String unexpected(LabelVolume labels, Set<Integer> allowed) {
		long[] h = labels.histogram();
		List<String> out = new ArrayList<>();
		for (int v = 0; v < h.length; v++) {
			if (h[v] > 0 && !allowed.contains(v)) {
				out.add(v + " (" + h[v] + (h[v] == 1 ? " voxel)" : " voxels)"));
			}
		}
		return out.isEmpty() ? null : String.join(", ", out);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import org.modalitykd.volume.DistanceTransform;
import org.modalitykd.volume.Geometry;

/**
 * Distances to a set of voxels in mm ({@link DistanceTransform}, exact and anisotropic)
 * and the morphological closing built on them: used to build the skull around the brain.
 */
final class DistanceMap {

	private DistanceMap() {
	}

	/** Distance in mm to the nearest voxel where {@code set} is true; infinity everywhere when the set is empty. */
	static float[] to(boolean[] set, Geometry g) {
		return DistanceTransform.millimetres(set, g);
	}

	/** Voxels within {@code radiusMm} of the set, shrunk again by as much: fills gaps and notches narrower than about 2 x radius. */
	static boolean[] closing(boolean[] set, Geometry g, double radiusMm) {
		float[] toSet = to(set, g);
		boolean[] outside = new boolean[set.length];
		for (int p = 0; p < set.length; p++) {
			outside[p] = toSet[p] > radiusMm;
		}
		float[] toOutside = to(outside, g);
		boolean[] closed = new boolean[set.length];
		for (int p = 0; p < set.length; p++) {
			closed[p] = set[p] || toOutside[p] > radiusMm;
		}
		return closed;
	}
}

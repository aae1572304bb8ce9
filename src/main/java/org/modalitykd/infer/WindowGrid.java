/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

/**
 * Where sliding windows start along one axis: evenly spread so that the first starts
 * at 0 and the last ends at the region's end, neighbours overlapping by at least
 * {@code overlap} of the patch (nnU-Net's rule). A region no larger than the patch
 * gets one window (the image is padded to the patch).
 * <p>
 * With an alignment a &gt; 1 every start is a multiple of a (the region is then
 * extended so that its length minus the patch is a multiple of a): windows of a U-Net
 * whose pooling works on blocks of a voxels then share one pooling grid with each
 * other and with the network applied to the whole region.
 */
public final class WindowGrid {

	private WindowGrid() {
	}

	/** Starts with alignment 1 and no margin. */
	public static int[] starts(int size, int patch, double overlap) {
		return starts(size, patch, overlap, 1, 0);
	}

	/**
	 * @param size      region length in voxels (at least 1)
	 * @param patch     window length
	 * @param overlap   fraction of the patch shared by neighbours, in [0, 1)
	 * @param alignment every start is a multiple of it
	 * @param margin    voxels at each inner window face that must be covered by a
	 *                  neighbour's centre part: neighbours are at most {@code patch - 2 margin} apart
	 * @return ascending start positions
	 * @throws IllegalArgumentException when the margin leaves no room for an aligned step
	 */
	public static int[] starts(int size, int patch, double overlap, int alignment, int margin) {
		if (size < 1 || patch < 1 || alignment < 1 || margin < 0) {
			throw new IllegalArgumentException("size, patch and alignment must be positive and the margin not negative");
		}
		if (!(overlap >= 0 && overlap < 1)) {
			throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
		}
		if (size <= patch) {
			return new int[] { 0 };
		}
		int units = (size - patch + alignment - 1) / alignment;
		int maxStep = Math.min((int) Math.floor(patch * (1 - overlap)), patch - 2 * margin) / alignment;
		if (maxStep < 1) {
			throw new IllegalArgumentException("a margin of " + margin + " voxels on a " + patch
				+ "-voxel window leaves no room for a step of " + alignment + "; use a smaller margin or a larger patch");
		}
		int n = (units + maxStep - 1) / maxStep + 1;
		int[] starts = new int[n];
		for (int i = 0; i < n; i++) {
			starts[i] = alignment * (int) Math.round((double) i * units / (n - 1));
		}
		return starts;
	}
}

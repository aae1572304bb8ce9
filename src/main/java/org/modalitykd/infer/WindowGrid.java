package org.modalitykd.infer;

/**
 * Where sliding windows start along one axis: evenly spread so that the first starts
 * at 0 and the last ends at the region's end, with neighbours overlapping by at least
 * {@code overlap} of the patch (nnU-Net's rule). A region no larger than the patch
 * gets one window (the image is padded to the patch).
 */
public final class WindowGrid {

	private WindowGrid() {
	}

	/**
	 * @param size    region length in voxels (at least 1)
	 * @param patch   window length
	 * @param overlap fraction of the patch shared by neighbours, in [0, 1)
	 * @return ascending start positions
	 */
	public static int[] starts(int size, int patch, double overlap) {
		if (size < 1 || patch < 1) {
			throw new IllegalArgumentException("size and patch must be positive, got " + size + " and " + patch);
		}
		if (!(overlap >= 0 && overlap < 1)) {
			throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
		}
		if (size <= patch) {
			return new int[] { 0 };
		}
		int step = Math.max(1, (int) Math.floor(patch * (1 - overlap)));
		int n = (int) Math.ceil((double) (size - patch) / step) + 1;
		int[] starts = new int[n];
		double actual = (double) (size - patch) / (n - 1);
		for (int i = 0; i < n; i++) {
			starts[i] = (int) Math.round(i * actual);
		}
		return starts;
	}
}

package org.modalitykd.infer;

/**
 * How a whole volume is predicted.
 *
 * @param overlap       fraction of a window shared with its neighbour, in [0, 1); 0.5 default
 * @param batchSize     windows per TF call (memory grows with it)
 * @param mirror        test-time augmentation: average over all 8 combinations of
 *                      mirroring x, y and z (8x the time)
 * @param cropToNonZero predict only inside the bounding box of voxels that are non-zero
 *                      in some channel (skull-stripped BraTS: about half the volume); the
 *                      rest is background
 */
public record InferenceSettings(double overlap, int batchSize, boolean mirror, boolean cropToNonZero) {

	public InferenceSettings {
		if (!(overlap >= 0 && overlap < 1)) {
			throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("the window batch must be at least 1, got " + batchSize);
		}
	}

	/** Overlap 0.5, 2 windows per call, no mirroring, crop to the non-zero box. */
	public static InferenceSettings defaults() {
		return new InferenceSettings(0.5, 2, false, true);
	}

	public InferenceSettings withOverlap(double o) {
		return new InferenceSettings(o, batchSize, mirror, cropToNonZero);
	}

	public InferenceSettings withBatchSize(int b) {
		return new InferenceSettings(overlap, b, mirror, cropToNonZero);
	}

	public InferenceSettings withMirror(boolean m) {
		return new InferenceSettings(overlap, batchSize, m, cropToNonZero);
	}

	public InferenceSettings withCropToNonZero(boolean c) {
		return new InferenceSettings(overlap, batchSize, mirror, c);
	}
}

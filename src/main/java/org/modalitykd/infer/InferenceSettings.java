/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
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
 * @param margin        voxels next to each window face shared with a neighbour that get
 *                      no weight (0: the plain Gaussian). For a network whose receptive
 *                      field radius is at most the margin and whose output does not depend
 *                      on global statistics (batch norm, not instance norm), tiled output
 *                      then equals the network applied to the whole volume at once
 * @param checkChannelOrder refuse a case whose channels look like another order of the
 *                      model's ({@link org.modalitykd.net.ModelBundle#checkChannelOrder})
 */
public record InferenceSettings(double overlap, int batchSize, boolean mirror, boolean cropToNonZero, int margin,
	boolean checkChannelOrder) {

	/** Settings that check the channel order. */
	public InferenceSettings(double overlap, int batchSize, boolean mirror, boolean cropToNonZero, int margin) {
		this(overlap, batchSize, mirror, cropToNonZero, margin, true);
	}

	public InferenceSettings {
		if (!(overlap >= 0 && overlap < 1)) {
			throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
		}
		if (margin < 0) {
			throw new IllegalArgumentException("the margin cannot be negative, got " + margin);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("the window batch must be at least 1, got " + batchSize);
		}
	}

	/** Overlap 0.5, 2 windows per call, no mirroring, crop to the non-zero box. */
	public static InferenceSettings defaults() {
		return new InferenceSettings(0.5, 2, false, true, 0);
	}

	public InferenceSettings withOverlap(double o) {
		return new InferenceSettings(o, batchSize, mirror, cropToNonZero, margin, checkChannelOrder);
	}

	public InferenceSettings withBatchSize(int b) {
		return new InferenceSettings(overlap, b, mirror, cropToNonZero, margin, checkChannelOrder);
	}

	public InferenceSettings withMirror(boolean m) {
		return new InferenceSettings(overlap, batchSize, m, cropToNonZero, margin, checkChannelOrder);
	}

	public InferenceSettings withMargin(int m) {
		return new InferenceSettings(overlap, batchSize, mirror, cropToNonZero, m, checkChannelOrder);
	}

	public InferenceSettings withCropToNonZero(boolean c) {
		return new InferenceSettings(overlap, batchSize, mirror, c, margin, checkChannelOrder);
	}

	/**
	 * Whether a case whose channels look like another order of the model's (by the
	 * card's channel signature) is refused; off for a user who knows the channels are right.
	 */
	public InferenceSettings withChannelOrderCheck(boolean check) {
		return new InferenceSettings(overlap, batchSize, mirror, cropToNonZero, margin, check);
	}
}

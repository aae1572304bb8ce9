/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

/**
 * A network seen as a function from image patches to class probabilities: the one
 * stage of inference that needs TensorFlow ({@link TfPatchPredictor}); tests use fakes.
 * <p>
 * Layout of both arrays: for each patch, for each channel (class), z slices of y rows
 * of x voxels, x fastest: the layout of {@code Volume} channels.
 */
public interface PatchPredictor {

	/** Image channels per patch. */
	int channels();

	/** Classes per output voxel. */
	int classes();

	/**
	 * @param patches {@code count * channels * z * y * x} intensities
	 * @param count   patches in the call (several windows per TF call)
	 * @param size    patch size {x, y, z}
	 * @param flip    axes {x, y, z} to mirror the input along; the output is mirrored
	 *                back, so it is aligned with the unmirrored input
	 * @return {@code count * classes * z * y * x} probabilities; the predictor may reuse
	 *         this array in its next call, so read it before calling again
	 * @throws OutOfMemory when the device cannot hold this many windows at once (the
	 *                     caller retries with fewer)
	 */
	float[] predict(float[] patches, int count, int[] size, boolean[] flip);

	/**
	 * The mean of {@link #predict} over the 8 mirrorings (none, x, y, xy, z, xz, yz,
	 * xyz), each mirrored back: test-time augmentation of one call's windows. This
	 * default makes the 8 calls and averages in Java; a predictor that can keep the
	 * mirroring and the sum on its device overrides it.
	 *
	 * @return {@code count * classes * z * y * x} probabilities; may be reused as by
	 *         {@link #predict}
	 * @throws OutOfMemory as {@link #predict}
	 */
	default float[] predictMirrored(float[] patches, int count, int[] size) {
		float[] mean = null;
		for (boolean[] flip : SlidingWindow.allFlips()) {
			float[] p = predict(patches, count, size, flip);
			if (mean == null) {
				mean = p.clone();
			} else {
				for (int i = 0; i < mean.length; i++) {
					mean[i] += p[i];
				}
			}
		}
		for (int i = 0; i < mean.length; i++) {
			mean[i] *= 0.125f;
		}
		return mean;
	}

	/** The device ran out of memory for a call; fewer windows per call may fit. */
	final class OutOfMemory extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public OutOfMemory(String message, Throwable cause) {
			super(message, cause);
		}
	}
}

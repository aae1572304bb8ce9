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

	/** The device ran out of memory for a call; fewer windows per call may fit. */
	final class OutOfMemory extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public OutOfMemory(String message, Throwable cause) {
			super(message, cause);
		}
	}
}

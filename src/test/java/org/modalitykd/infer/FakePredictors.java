/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.util.ArrayList;
import java.util.List;

/** Predictors without TensorFlow, written with plain loops (tests only). */
final class FakePredictors {

	private FakePredictors() {
	}

	/** Every voxel gets the same probabilities; records the batch sizes it was called with. */
	static final class Constant implements PatchPredictor {
		final float[] probabilities;
		final int channels;
		final List<Integer> calls = new ArrayList<>();

		Constant(int channels, float... probabilities) {
			this.channels = channels;
			this.probabilities = probabilities;
		}

		@Override
		public int channels() {
			return channels;
		}

		@Override
		public int classes() {
			return probabilities.length;
		}

		@Override
		public float[] predict(float[] patches, int count, int[] size, boolean[] flip) {
			calls.add(count);
			int v = size[0] * size[1] * size[2];
			float[] out = new float[count * classes() * v];
			for (int n = 0; n < count; n++) {
				for (int k = 0; k < classes(); k++) {
					java.util.Arrays.fill(out, (n * classes() + k) * v, (n * classes() + k + 1) * v, probabilities[k]);
				}
			}
			return out;
		}
	}

	/**
	 * A per-voxel function of the channels (softmax of linear combinations), computed
	 * with mirroring done for real (mirror input, compute, mirror back), so that any
	 * misplaced voxel in gathering, blending or mirroring changes the result.
	 */
	record Pointwise(int channels, int classes) implements PatchPredictor {

		static float[] at(float[] values, int classes) {
			double[] z = new double[classes];
			double max = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < classes; k++) {
				for (int c = 0; c < values.length; c++) {
					z[k] += (k - c + 0.5) * values[c] * (c + 1);
				}
				max = Math.max(max, z[k]);
			}
			double sum = 0;
			for (int k = 0; k < classes; k++) {
				z[k] = Math.exp(z[k] - max);
				sum += z[k];
			}
			float[] p = new float[classes];
			for (int k = 0; k < classes; k++) {
				p[k] = (float) (z[k] / sum);
			}
			return p;
		}

		@Override
		public float[] predict(float[] patches, int count, int[] size, boolean[] flip) {
			int nx = size[0];
			int ny = size[1];
			int nz = size[2];
			int v = nx * ny * nz;
			float[] out = new float[count * classes * v];
			for (int n = 0; n < count; n++) {
				for (int z = 0; z < nz; z++) {
					for (int y = 0; y < ny; y++) {
						for (int x = 0; x < nx; x++) {
							// Read the mirrored input voxel, write back to the mirrored position:
							// together the identity for a pointwise function.
							int mx = flip[0] ? nx - 1 - x : x;
							int my = flip[1] ? ny - 1 - y : y;
							int mz = flip[2] ? nz - 1 - z : z;
							float[] values = new float[channels];
							for (int c = 0; c < channels; c++) {
								values[c] = patches[(n * channels + c) * v + (mz * ny + my) * nx + mx];
							}
							float[] p = at(values, classes);
							for (int k = 0; k < classes; k++) {
								out[(n * classes + k) * v + (mz * ny + my) * nx + mx] = p[k];
							}
						}
					}
				}
			}
			return out;
		}
	}

	/**
	 * Another predictor seen only through {@link PatchPredictor#predict}: whatever else the
	 * inner one can do (e.g. mirroring in one call) is hidden, so the interface's defaults run.
	 */
	static class Forwarding implements PatchPredictor {
		final PatchPredictor inner;

		Forwarding(PatchPredictor inner) {
			this.inner = inner;
		}

		@Override
		public int channels() {
			return inner.channels();
		}

		@Override
		public int classes() {
			return inner.classes();
		}

		@Override
		public float[] predict(float[] patches, int count, int[] size, boolean[] flip) {
			return inner.predict(patches, count, size, flip);
		}
	}

	/** Another predictor that runs out of memory above {@code limit} windows per call. */
	static final class Limited extends Forwarding {
		final int limit;
		final List<Integer> calls = new ArrayList<>();

		Limited(PatchPredictor inner, int limit) {
			super(inner);
			this.limit = limit;
		}

		@Override
		public float[] predict(float[] patches, int count, int[] size, boolean[] flip) {
			calls.add(count);
			if (count > limit) {
				throw new OutOfMemory("fake: " + count + " > " + limit, null);
			}
			return super.predict(patches, count, size, flip);
		}
	}
}

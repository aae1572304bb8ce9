/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Predicts a whole volume with a patch-sized network: windows overlapping by
 * {@link InferenceSettings#overlap()}, several per call, each prediction weighted by
 * {@link GaussianImportance} and the weighted sum divided by the summed weights (no
 * seams, and a constant prediction stays exactly constant). Regions smaller than the
 * patch are padded with zeros; optionally only the non-zero bounding box is
 * predicted; optionally the 8 mirrorings are averaged.
 * <p>
 * Arrays are in {@code Volume} order (x fastest). Patches are gathered with
 * {@code System.arraycopy} per row; blending is a multiply-add over contiguous rows.
 * Not thread-safe; one instance per thread.
 */
public final class SlidingWindow {

	private static final boolean[] NO_FLIP = { false, false, false };

	/**
	 * One window: where it starts in the volume {x, y, z} (negative when padding) and,
	 * per axis, its blending profile (zero at faces shared with a neighbour when there is
	 * a margin).
	 */
	public record Window(int[] start, float[][] profiles) {
	}

	private final PatchPredictor predictor;
	private final int[] patch;
	private final int alignment;
	private final InferenceSettings settings;
	/** Windows per call known to fit: starts at the batch size, halves on out-of-memory. */
	private int fitting;

	/** Windows at any voxel offset: for networks without pooling phase, and for tests. */
	public SlidingWindow(PatchPredictor predictor, int[] patch, InferenceSettings settings) {
		this(predictor, patch, 1, settings);
	}

	/**
	 * @param patch     window size {x, y, z} (the model card's patch size)
	 * @param alignment window starts are multiples of it (a U-Net's
	 *                  {@code sizeMultiple()}, so that all windows pool on one grid)
	 */
	public SlidingWindow(PatchPredictor predictor, int[] patch, int alignment, InferenceSettings settings) {
		this.predictor = predictor;
		this.patch = patch.clone();
		this.alignment = alignment;
		this.settings = settings;
	}

	/** The windows one volume needs, z slowest. */
	public List<Window> windows(BoundingBox box) {
		int[] origin = new int[3];
		int[][] starts = new int[3][];
		float[][][] profiles = new float[3][][];
		for (int d = 0; d < 3; d++) {
			int length = box.size(d);
			int region = Math.max(length, patch[d]);
			origin[d] = box.lo()[d] - (region - length) / 2;
			starts[d] = WindowGrid.starts(region, patch[d], settings.overlap(), alignment, settings.margin());
			int n = starts[d].length;
			profiles[d] = new float[n][];
			for (int i = 0; i < n; i++) {
				profiles[d][i] = floats(GaussianImportance.profile(patch[d], i > 0 ? settings.margin() : 0,
					i < n - 1 ? settings.margin() : 0));
			}
		}
		List<Window> out = new ArrayList<>();
		for (int k = 0; k < starts[2].length; k++) {
			for (int j = 0; j < starts[1].length; j++) {
				for (int i = 0; i < starts[0].length; i++) {
					out.add(new Window(new int[] { origin[0] + starts[0][i], origin[1] + starts[1][j], origin[2] + starts[2][k] },
						new float[][] { profiles[0][i], profiles[1][j], profiles[2][k] }));
				}
			}
		}
		return out;
	}

	private static float[] floats(double[] v) {
		float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			f[i] = (float) v[i];
		}
		return f;
	}

	/**
	 * @param channels one array per predictor channel, Volume order
	 * @param dims     {nx, ny, nz}
	 * @return one array of probabilities per class, Volume order
	 * @throws CancellationException when the thread is interrupted
	 */
	public float[][] probabilities(float[][] channels, int[] dims, Progress progress) {
		int voxels = dims[0] * dims[1] * dims[2];
		if (channels.length != predictor.channels()) {
			throw new IllegalArgumentException("the network reads " + predictor.channels() + " channels, got "
				+ channels.length);
		}
		for (float[] c : channels) {
			if (c.length != voxels) {
				throw new IllegalArgumentException("a channel has " + c.length + " values; " + Arrays.toString(dims)
					+ " needs " + voxels);
			}
		}
		int classes = predictor.classes();
		fitting = settings.batchSize();
		BoundingBox box = settings.cropToNonZero() ? BoundingBox.ofNonZero(channels, dims) : BoundingBox.whole(dims);
		if (box.isEmpty()) {
			return background(classes, voxels);
		}
		int boxVoxels = box.size(0) * box.size(1) * box.size(2);
		float[][] sum = new float[classes][boxVoxels];
		float[] weightSum = new float[boxVoxels];
		List<Window> windows = windows(box);
		int patchVoxels = patch[0] * patch[1] * patch[2];
		float[] buffer = new float[Math.min(settings.batchSize(), windows.size()) * channels.length * patchVoxels];
		for (int first = 0; first < windows.size(); first += settings.batchSize()) {
			if (Thread.currentThread().isInterrupted()) {
				throw new CancellationException("inference cancelled after " + first + " of " + windows.size() + " windows");
			}
			List<Window> batch = windows.subList(first, Math.min(windows.size(), first + settings.batchSize()));
			Arrays.fill(buffer, 0f);
			for (int w = 0; w < batch.size(); w++) {
				gather(channels, dims, batch.get(w).start(), buffer, w * channels.length * patchVoxels);
			}
			// With mirroring, the 8 mirrorings' mean is blended once (it equals blending each
			// with the same weights; the predictor keeps the flips and the sum on its device).
			predictFitting(buffer, batch, settings.mirror(), classes, patchVoxels, box, sum, weightSum);
			progress.windows(first + batch.size(), windows.size());
		}
		for (int v = 0; v < boxVoxels; v++) {
			weightSum[v] = 1f / weightSum[v];
		}
		for (float[] s : sum) {
			for (int v = 0; v < boxVoxels; v++) {
				s[v] *= weightSum[v];
			}
		}
		return box.size(0) == dims[0] && box.size(1) == dims[1] && box.size(2) == dims[2] ? sum
			: expand(sum, box, dims);
	}

	/**
	 * Predicts the batch's windows and blends them in; when the device runs out of
	 * memory, predicts the two halves separately (recursively, down to one window), and
	 * keeps the smaller size for the rest of the volume.
	 */
	private void predictFitting(float[] buffer, List<Window> batch, boolean mirror, int classes, int patchVoxels,
		BoundingBox box, float[][] sum, float[] weightSum) {
		int channels = predictor.channels();
		for (int first = 0; first < batch.size();) {
			int count = Math.min(fitting, batch.size() - first);
			float[] input = first == 0 && count == batch.size() ? buffer
				: Arrays.copyOfRange(buffer, first * channels * patchVoxels, (first + count) * channels * patchVoxels);
			float[] p;
			try {
				p = mirror ? predictor.predictMirrored(input, count, patch) : predictor.predict(input, count, patch, NO_FLIP);
			} catch (PatchPredictor.OutOfMemory e) {
				if (count == 1) {
					throw new PatchPredictor.OutOfMemory("one window of " + patch[0] + "x" + patch[1] + "x" + patch[2]
						+ " does not fit in the device's memory; use the CPU or a model with a smaller patch", e);
				}
				fitting = count / 2;
				continue;
			}
			if (p.length != count * classes * patchVoxels) {
				throw new IllegalStateException("the network returned " + p.length + " values for " + count
					+ " windows of " + classes + " classes x " + patchVoxels + " voxels");
			}
			for (int w = 0; w < count; w++) {
				accumulate(p, w * classes * patchVoxels, batch.get(first + w), box, sum, weightSum);
			}
			first += count;
		}
	}

	/** Copies one window's rows from the volume into the batch buffer; outside the volume stays 0. */
	private void gather(float[][] channels, int[] dims, int[] start, float[] buffer, int offset) {
		int nx = dims[0];
		int ny = dims[1];
		int x0 = Math.max(0, start[0]);
		int x1 = Math.min(nx, start[0] + patch[0]);
		if (x1 <= x0) {
			return;
		}
		int patchVoxels = patch[0] * patch[1] * patch[2];
		for (int c = 0; c < channels.length; c++) {
			for (int z = 0; z < patch[2]; z++) {
				int gz = start[2] + z;
				if (gz < 0 || gz >= dims[2]) {
					continue;
				}
				for (int y = 0; y < patch[1]; y++) {
					int gy = start[1] + y;
					if (gy < 0 || gy >= ny) {
						continue;
					}
					System.arraycopy(channels[c], (gz * ny + gy) * nx + x0, buffer,
						offset + c * patchVoxels + (z * patch[1] + y) * patch[0] + (x0 - start[0]), x1 - x0);
				}
			}
		}
	}

	/**
	 * Adds weight x probability (and the weight) of one window's voxels that lie in the
	 * box; the weight of (x, y, z) is px[x] py[y] pz[z].
	 */
	private void accumulate(float[] p, int offset, Window window, BoundingBox box, float[][] sum, float[] weightSum) {
		int[] start = window.start();
		float[] px = window.profiles()[0];
		float[] py = window.profiles()[1];
		float[] pz = window.profiles()[2];
		int bx = box.size(0);
		int by = box.size(1);
		int bz = box.size(2);
		int x0 = Math.max(0, start[0] - box.lo()[0]);
		int x1 = Math.min(bx, start[0] + patch[0] - box.lo()[0]);
		if (x1 <= x0) {
			return;
		}
		int run = x1 - x0;
		int sx = box.lo()[0] + x0 - start[0];
		int patchVoxels = patch[0] * patch[1] * patch[2];
		float[] row = new float[run];
		for (int z = 0; z < patch[2]; z++) {
			int zb = start[2] + z - box.lo()[2];
			if (zb < 0 || zb >= bz || pz[z] == 0) {
				continue;
			}
			for (int y = 0; y < patch[1]; y++) {
				int yb = start[1] + y - box.lo()[1];
				float wzy = pz[z] * py[y];
				if (yb < 0 || yb >= by || wzy == 0) {
					continue;
				}
				for (int i = 0; i < run; i++) {
					row[i] = wzy * px[sx + i];
				}
				int target = (zb * by + yb) * bx + x0;
				for (int i = 0; i < run; i++) {
					weightSum[target + i] += row[i];
				}
				int source = (z * patch[1] + y) * patch[0] + sx;
				for (int k = 0; k < sum.length; k++) {
					float[] s = sum[k];
					int from = offset + k * patchVoxels + source;
					for (int i = 0; i < run; i++) {
						s[target + i] += row[i] * p[from + i];
					}
				}
			}
		}
	}

	static float[][] background(int classes, int voxels) {
		float[][] out = new float[classes][voxels];
		Arrays.fill(out[0], 1f);
		return out;
	}

	/** The box's probabilities placed in a whole volume whose other voxels are background. */
	static float[][] expand(float[][] inBox, BoundingBox box, int[] dims) {
		float[][] out = background(inBox.length, dims[0] * dims[1] * dims[2]);
		for (int k = 0; k < inBox.length; k++) {
			box.place(inBox[k], out[k], dims);
		}
		return out;
	}

	/** The 8 combinations of mirroring x, y, z (the first is none). */
	static boolean[][] allFlips() {
		boolean[][] f = new boolean[8][];
		for (int i = 0; i < 8; i++) {
			f[i] = new boolean[] { (i & 1) != 0, (i & 2) != 0, (i & 4) != 0 };
		}
		return f;
	}
}

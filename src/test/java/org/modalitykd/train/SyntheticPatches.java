/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import org.modalitykd.data.PatchBatch;
import java.util.Random;

/**
 * A small multi-modal "tumour" patch for tests: a shell of edema (class 2) around an
 * enhancing rim (3) around a necrotic core (1), on background (0), with four channels
 * in which the classes differ as in T1, T1ce, T2 and FLAIR, plus Gaussian noise.
 */
final class SyntheticPatches {

	private SyntheticPatches() {
	}

	/** One patch of size n^3 centred near {@code center}, seeded noise. */
	static PatchBatch tumour(int n, double[] center, long seed) {
		Random r = new Random(seed);
		int voxels = n * n * n;
		float[] images = new float[4 * voxels];
		byte[] labels = new byte[voxels];
		// Per class: T1, T1ce, T2, FLAIR.
		double[][] contrast = { { 1.0, 1.0, 0.8, 0.8 }, { 0.5, 0.6, 1.6, 1.2 }, { 0.8, 0.9, 2.0, 2.0 }, { 0.7, 2.2, 1.2, 1.3 } };
		for (int z = 0; z < n; z++) {
			for (int y = 0; y < n; y++) {
				for (int x = 0; x < n; x++) {
					double d = Math.sqrt(Math.pow(x - center[0], 2) + Math.pow((y - center[1]) * 1.2, 2) + Math.pow(z - center[2], 2));
					int label = d < 2.0 ? 1 : d < 3.5 ? 3 : d < 5.5 ? 2 : 0;
					int v = (z * n + y) * n + x;
					labels[v] = (byte) label;
					for (int c = 0; c < 4; c++) {
						images[c * voxels + v] = (float) (contrast[label][c] + 0.4 * r.nextGaussian());
					}
				}
			}
		}
		return PatchBatch.of(1, 4, new int[] { n, n, n }, images, labels);
	}

	/** Hard Dice of class {@code c} between the argmax of planar probabilities and the labels. */
	static double dice(float[] probabilities, byte[] labels, int classes, int c) {
		int voxels = labels.length;
		long both = 0;
		long predicted = 0;
		long truth = 0;
		for (int v = 0; v < voxels; v++) {
			int best = 0;
			for (int k = 1; k < classes; k++) {
				if (probabilities[k * voxels + v] > probabilities[best * voxels + v]) {
					best = k;
				}
			}
			boolean p = best == c;
			boolean t = labels[v] == c;
			both += p && t ? 1 : 0;
			predicted += p ? 1 : 0;
			truth += t ? 1 : 0;
		}
		return predicted + truth == 0 ? 1 : 2.0 * both / (predicted + truth);
	}
}

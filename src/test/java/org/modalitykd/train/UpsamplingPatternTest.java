/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.modalitykd.TestDevice;
import org.modalitykd.data.PatchBatch;
import org.modalitykd.eval.NyquistPeak;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.Upsampling;

/**
 * No checkerboard in the probabilities of a smooth input: a tiny U-Net trained a few
 * steps with resize upsampling gives tumour probabilities whose period-2 score
 * ({@link NyquistPeak}) stays below the threshold, while the same network with
 * transposed convolutions, trained the same way, prints the pattern (the cause of the
 * dotted tumour core of the shipped T1ce student).
 */
class UpsamplingPatternTest {

	private static final int N = 32;
	private static final int STEPS = 40;

	@Test
	void resizeUpsamplingGivesNoPeriodTwoPattern() {
		double resize = score(Upsampling.RESIZE_CONV);
		double transposed = score(Upsampling.TRANSPOSED_CONV);
		System.out.printf("period-2 score on a smooth input after %d steps: resize %.2f, transposed %.2f%n", STEPS, resize,
			transposed);
		assertTrue(resize < NyquistPeak.PATTERN_THRESHOLD, "resize upsampling: " + resize);
		assertTrue(transposed > NyquistPeak.PATTERN_THRESHOLD,
			"the score sees the transposed convolution's pattern (else the check above proves nothing): " + transposed);
	}

	/** The largest period-2 score over the tumour classes and the whole tumour. */
	private static double score(Upsampling upsampling) {
		UNetConfig config = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(8).withUpsampling(upsampling);
		try (Trainer trainer = Trainer.create(config, Objective.defaults(TrainingMethod.SUPERVISED),
			TestDevice.session())) {
			for (int s = 0; s < STEPS; s++) {
				trainer.step(SyntheticPatches.tumour(16, new double[] { 7.3 + s % 3 - 1, 8.6, 7.9 - s % 2 }, s), 3e-3);
			}
			float[] p = trainer.predict(smoothTumour());
			int voxels = N * N * N;
			float[] whole = new float[voxels];
			double worst = 0;
			for (int c = 1; c < 4; c++) {
				float[] map = Arrays.copyOfRange(p, c * voxels, (c + 1) * voxels);
				for (int v = 0; v < voxels; v++) {
					whole[v] += map[v];
				}
				worst = Math.max(worst, NyquistPeak.of(map, N, N, N).max());
			}
			return Math.max(worst, NyquistPeak.of(whole, N, N, N).max());
		}
	}

	/**
	 * The four channels of {@link SyntheticPatches#tumour} without noise and with soft
	 * edges: core, rim and edema contrasts blended by logistic steps in the distance.
	 */
	private static PatchBatch smoothTumour() {
		double[][] contrast = { { 1.0, 1.0, 0.8, 0.8 }, { 0.5, 0.6, 1.6, 1.2 }, { 0.8, 0.9, 2.0, 2.0 }, { 0.7, 2.2, 1.2, 1.3 } };
		int voxels = N * N * N;
		float[] images = new float[4 * voxels];
		for (int z = 0; z < N; z++) {
			for (int y = 0; y < N; y++) {
				for (int x = 0; x < N; x++) {
					double d = Math.sqrt(Math.pow(x - 15.3, 2) + Math.pow((y - 16.6) * 1.2, 2) + Math.pow(z - 15.9, 2));
					// Weights of background, core, edema and rim (the label order): nested soft balls of radius 11, 7, 4.
					double tumour = step(d, 11);
					double inner = step(d, 7);
					double core = step(d, 4);
					double[] w = { 1 - tumour, core, tumour - inner, inner - core };
					int v = (z * N + y) * N + x;
					for (int c = 0; c < 4; c++) {
						double value = 0;
						for (int k = 0; k < 4; k++) {
							value += w[k] * contrast[k][c];
						}
						images[c * voxels + v] = (float) value;
					}
				}
			}
		}
		return PatchBatch.of(1, 4, new int[] { N, N, N }, images, null);
	}

	private static double step(double d, double radius) {
		return 1 / (1 + Math.exp((d - radius) / 1.5));
	}
}

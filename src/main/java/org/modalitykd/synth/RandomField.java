/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.SplittableRandom;

import org.modalitykd.volume.GaussianFilter;
import org.modalitykd.volume.TrilinearInterpolator;

/**
 * Smooth Gaussian random fields: white noise convolved with a Gaussian, then shifted
 * and scaled to mean 0 and standard deviation 1 over the grid. The building block of
 * deformations, tumour shapes and texture. Wide fields are made on a coarser grid
 * and interpolated, which costs far less than a wide kernel and looks the same.
 */
final class RandomField {

	/** Above this sigma (voxels) the field is built on a coarser grid. */
	private static final double COARSE_FROM = 3.0;

	private RandomField() {
	}

	/**
	 * A field on a grid of {@code dims} whose correlation is a Gaussian of
	 * {@code sigmaVoxels}; draws from {@code rng} only.
	 */
	static float[] smooth(SplittableRandom rng, int[] dims, double sigmaVoxels) {
		int step = sigmaVoxels > COARSE_FROM ? (int) Math.floor(sigmaVoxels / 1.5) : 1;
		double coarseSigma = sigmaVoxels / step;
		// Noise beyond the grid by the kernel's reach: every voxel, edges included, then
		// averages the same number of independent values and the field is stationary.
		int pad = (int) Math.ceil(3 * coarseSigma);
		int[] coarse = new int[3];
		int[] padded = new int[3];
		for (int d = 0; d < 3; d++) {
			coarse[d] = step == 1 ? dims[d] : (dims[d] - 1) / step + 2;
			padded[d] = coarse[d] + 2 * pad;
		}
		float[] noise = new float[padded[0] * padded[1] * padded[2]];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (float) rng.nextGaussian();
		}
		float[] smoothed = GaussianFilter.smooth(noise, padded, coarseSigma);
		float[] field = new float[coarse[0] * coarse[1] * coarse[2]];
		for (int k = 0, p = 0; k < coarse[2]; k++) {
			for (int j = 0; j < coarse[1]; j++) {
				int src = pad + padded[0] * ((j + pad) + padded[1] * (k + pad));
				System.arraycopy(smoothed, src, field, p, coarse[0]);
				p += coarse[0];
			}
		}
		if (step > 1) {
			TrilinearInterpolator coarseField = new TrilinearInterpolator(field, coarse);
			float[] fine = new float[dims[0] * dims[1] * dims[2]];
			double inv = 1.0 / step;
			for (int k = 0, p = 0; k < dims[2]; k++) {
				for (int j = 0; j < dims[1]; j++) {
					for (int i = 0; i < dims[0]; i++, p++) {
						fine[p] = (float) coarseField.at(i * inv, j * inv, k * inv);
					}
				}
			}
			field = fine;
		}
		standardise(field);
		return field;
	}

	private static void standardise(float[] field) {
		double sum = 0;
		for (float v : field) {
			sum += v;
		}
		double mean = sum / field.length;
		double squares = 0;
		for (float v : field) {
			squares += (v - mean) * (v - mean);
		}
		double sd = Math.sqrt(squares / field.length);
		float scale = sd > 0 ? (float) (1 / sd) : 0f;
		for (int i = 0; i < field.length; i++) {
			field[i] = (float) ((field[i] - mean) * scale);
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

/** Softmax and one-hot labels written with plain loops: the references the TensorFlow losses are checked against (tests only). */
final class LossReferences {

	private LossReferences() {
	}

	/** The softmax of each row of {@code k} values of {@code z} (the rows one after another), maximum subtracted. */
	static double[] softmax(double[] z, int k) {
		double[] p = new double[z.length];
		for (int row = 0; row < z.length / k; row++) {
			double max = Double.NEGATIVE_INFINITY;
			for (int c = 0; c < k; c++) {
				max = Math.max(max, z[row * k + c]);
			}
			double sum = 0;
			for (int c = 0; c < k; c++) {
				sum += Math.exp(z[row * k + c] - max);
			}
			for (int c = 0; c < k; c++) {
				p[row * k + c] = Math.exp(z[row * k + c] - max) / sum;
			}
		}
		return p;
	}

	/** One row of {@code k} values per label, 1 at the label's class and 0 elsewhere. */
	static double[] oneHot(int[] labels, int k) {
		double[] y = new double[labels.length * k];
		for (int i = 0; i < labels.length; i++) {
			y[i * k + labels[i]] = 1;
		}
		return y;
	}
}

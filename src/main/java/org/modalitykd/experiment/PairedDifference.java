/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

/**
 * The mean of paired differences (method minus its baseline, one pair per test case) with
 * a two-sided t confidence interval: mean +- t(1 - (1 - level) / 2, n - 1) * sd / sqrt(n).
 *
 * @param mean  mean difference
 * @param low   lower end of the interval
 * @param high  upper end of the interval
 * @param pairs number of pairs
 * @param level confidence level, e.g. 0.95
 */
public record PairedDifference(double mean, double low, double high, int pairs, double level) {

	/** The interval of {@code method[i] - baseline[i]}; needs at least two pairs. */
	public static PairedDifference of(double[] method, double[] baseline, double level) {
		if (method.length != baseline.length) {
			throw new IllegalArgumentException("paired samples differ in length: " + method.length + " and " + baseline.length);
		}
		int n = method.length;
		if (n < 2) {
			throw new IllegalArgumentException("a paired interval needs at least two pairs, got " + n);
		}
		double mean = 0;
		for (int i = 0; i < n; i++) {
			mean += (method[i] - baseline[i]) / n;
		}
		double squares = 0;
		for (int i = 0; i < n; i++) {
			double d = method[i] - baseline[i] - mean;
			squares += d * d;
		}
		double halfWidth = StudentT.quantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(squares / (n - 1) / n);
		return new PairedDifference(mean, mean - halfWidth, mean + halfWidth, n, level);
	}

	/** Whether the interval excludes zero. */
	public boolean significant() {
		return low > 0 || high < 0;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

/**
 * Quantiles of Student's t distribution, for confidence intervals of a mean over a
 * handful of test cases.
 * <p>
 * With x = sqrt(df) tan(theta), P(|T| &lt; t) = I(atan(t / sqrt(df))) / I(pi / 2), where
 * I(a) is the integral of cos(theta)^(df - 1) from 0 to a. The integrand is smooth and
 * bounded on a finite interval, so Simpson's rule is accurate to far below the digits
 * a confidence interval needs, and the quantile follows by bisection.
 */
public final class StudentT {

	private static final int INTERVALS = 2000;

	private StudentT() {
	}

	/** P(T &lt;= t) for T with {@code df} degrees of freedom. */
	public static double cdf(double t, int df) {
		if (df < 1) {
			throw new IllegalArgumentException("degrees of freedom must be at least 1, not " + df);
		}
		double central = integral(Math.atan(Math.abs(t) / Math.sqrt(df)), df) / integral(Math.PI / 2, df);
		return t >= 0 ? 0.5 + central / 2 : 0.5 - central / 2;
	}

	/** The t with P(T &lt;= t) = p, for 0 &lt; p &lt; 1. */
	public static double quantile(double p, int df) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("a probability strictly between 0 and 1 is needed, not " + p);
		}
		if (p < 0.5) {
			return -quantile(1 - p, df);
		}
		double low = 0;
		double high = 1;
		while (cdf(high, df) < p) {
			high *= 2;
		}
		for (int i = 0; i < 100 && high - low > 1e-10 * high; i++) {
			double mid = (low + high) / 2;
			if (cdf(mid, df) < p) {
				low = mid;
			} else {
				high = mid;
			}
		}
		return (low + high) / 2;
	}

	private static double integral(double upper, int df) {
		double h = upper / INTERVALS;
		double sum = f(0, df) + f(upper, df);
		for (int i = 1; i < INTERVALS; i++) {
			sum += (i % 2 == 0 ? 2 : 4) * f(i * h, df);
		}
		return sum * h / 3;
	}

	private static double f(double theta, int df) {
		return Math.pow(Math.cos(theta), df - 1);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.keys;

/**
 * How an option's number is spelled where a person reads or types it (dialog messages,
 * help text, sweep point names): {@code 1}, {@code 0.1}, {@code 0.05}, never {@code 1.0},
 * so that the value shown is the value one would type into a macro or a command line.
 */
public final class OptionNumbers {

	private OptionNumbers() {
	}

	/** Whole numbers without a fraction ({@code 4}), others as Java's shortest exact decimal ({@code 0.1}). */
	public static String plain(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) {
			return Double.toString(v);
		}
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}
}

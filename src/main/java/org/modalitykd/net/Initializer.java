/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/** How a new parameter is filled before training. */
public sealed interface Initializer {

	/**
	 * He (Kaiming) normal initialisation for a layer followed by LeakyReLU: zero-mean
	 * normal values with standard deviation sqrt(2 / ((1 + slope^2) * fanIn)).
	 *
	 * @param fanIn inputs that feed one output value (kernel volume x input channels)
	 * @param slope LeakyReLU slope of the following activation (0 for ReLU)
	 */
	record HeNormal(long fanIn, double slope) implements Initializer {
		public double standardDeviation() {
			return Math.sqrt(2.0 / ((1 + slope * slope) * fanIn));
		}
	}

	/** Every element set to one value (biases, norm shifts 0; norm scales 1). */
	record Constant(double value) implements Initializer {
	}
}

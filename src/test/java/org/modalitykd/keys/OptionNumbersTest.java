/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptionNumbersTest {

	@Test
	void numbersReadAsTheyAreTyped() {
		assertEquals("1", OptionNumbers.plain(1.0));
		assertEquals("0", OptionNumbers.plain(0.0));
		assertEquals("10", OptionNumbers.plain(10));
		assertEquals("-2", OptionNumbers.plain(-2));
		assertEquals("0.1", OptionNumbers.plain(0.1));
		assertEquals("0.05", OptionNumbers.plain(0.05));
		assertEquals("0.2", OptionNumbers.plain(0.2));
		assertEquals("1.0E-5", OptionNumbers.plain(1e-5));
	}

	@Test
	void hugeAndSpecialValuesStayReadable() {
		assertEquals("1.0E20", OptionNumbers.plain(1e20));
		assertEquals("NaN", OptionNumbers.plain(Double.NaN));
		assertEquals("Infinity", OptionNumbers.plain(Double.POSITIVE_INFINITY));
	}
}

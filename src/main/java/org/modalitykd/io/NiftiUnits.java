/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

/** The spatial part (bits 0-2) of a NIfTI header's {@code xyzt_units} byte. */
final class NiftiUnits {

	private NiftiUnits() {
	}

	/** Millimetres per unit: 1000 for metres, 0.001 for microns, else 1. */
	static double millimetresPerUnit(int xyztUnits) {
		return switch (xyztUnits & 0x07) {
			case NiftiHeader.UNITS_METER -> 1000.0;
			case NiftiHeader.UNITS_MICRON -> 0.001;
			default -> 1.0;
		};
	}

	/** The unit's name as nibabel says it: meter, mm, micron or unknown. */
	static String spatialName(int xyztUnits) {
		return switch (xyztUnits & 0x07) {
			case NiftiHeader.UNITS_METER -> "meter";
			case NiftiHeader.UNITS_MM -> "mm";
			case NiftiHeader.UNITS_MICRON -> "micron";
			default -> "unknown";
		};
	}
}

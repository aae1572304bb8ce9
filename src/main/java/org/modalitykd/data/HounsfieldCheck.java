/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.Locale;

/**
 * Whether an image a CT model will read holds Hounsfield units of a head: most voxels
 * within [-1100, 4000] HU (the range of tissue, air and bone; a file with another
 * scaling or an MRI's 0-4095 integers without air fails the next rule) and some air
 * (at least 1% of the voxels at or below -500 HU: a head CT has air around the head;
 * an MRI, whose magnitude images are never negative, has none) and a head that is
 * mostly soft tissue (the median of the voxels above -500 HU between -100 and 150:
 * brain 20-45, scalp, some bone). A head CT spans at least air to bone, over 1,000 HU, so
 * values within less than {@value #MIN_SPAN} of each other (a CT scaled to 0..1, a
 * probability map) are named as what they are before the missing air is.
 */
public final class HounsfieldCheck {

	static final double LOWEST = -1100;
	static final double HIGHEST = 4000;
	static final double AIR = -500;
	static final double MIN_AIR_SHARE = 0.01;
	static final double MIN_HEAD_MEDIAN = -100;
	static final double MAX_HEAD_MEDIAN = 150;
	/** Smallest range of values of a head CT, HU: brain alone spans 0 to 80, air to bone over 1,000. */
	static final double MIN_SPAN = 100;

	private HounsfieldCheck() {
	}

	/** Null when {@code values} look like a head CT in HU; else what is wrong, as part of a sentence. */
	public static String problem(float[] values) {
		long outside = 0;
		long air = 0;
		long finite = 0;
		double lo = Double.POSITIVE_INFINITY;
		double hi = Double.NEGATIVE_INFINITY;
		for (float v : values) {
			if (!Float.isFinite(v)) {
				continue;
			}
			finite++;
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
			if (v < LOWEST || v > HIGHEST) {
				outside++;
			}
			if (v <= AIR) {
				air++;
			}
		}
		if (finite == 0) {
			return "holds no finite value";
		}
		if (outside > finite / 2) {
			return String.format(Locale.ROOT, "has %.0f%% of its voxels outside -1100 to 4000 (values %s to %s): "
				+ "not Hounsfield units", 100.0 * outside / finite, number(lo), number(hi));
		}
		if (hi - lo < MIN_SPAN) {
			return "holds values " + number(lo) + " to " + number(hi) + " only: a rescaled or normalised image, not "
				+ "Hounsfield units, in which a head CT spans air (-1000) to bone (over 300)";
		}
		if (air < MIN_AIR_SHARE * finite) {
			return String.format(Locale.ROOT, "has no air (%.2g%% of voxels at or below -500; values %s to %s): "
				+ "it looks like an MRI or a CT without the air around the head, not a head CT in Hounsfield units",
				100.0 * air / finite, number(lo), number(hi));
		}
		float[] head = new float[(int) (finite - air)];
		int h = 0;
		for (float v : values) {
			if (Float.isFinite(v) && v > AIR) {
				head[h++] = v;
			}
		}
		if (h > 0) {
			java.util.Arrays.sort(head, 0, h);
			double median = head[h / 2];
			if (median < MIN_HEAD_MEDIAN || median > MAX_HEAD_MEDIAN) {
				return "has a head (voxels above -500) whose median is " + number(median) + ", not the -100 to 150 "
					+ "of brain and soft tissue: not Hounsfield units";
			}
		}
		return null;
	}

	/** At most 6 significant digits, no trailing zeros: 0, 1, 0.5, -1024, 1517.25. */
	static String number(double v) {
		return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
	}
}

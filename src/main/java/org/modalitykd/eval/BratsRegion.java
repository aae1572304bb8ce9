/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

/**
 * The BraTS evaluation regions, unions of the stored labels 1 (necrotic / non-enhancing
 * core), 2 (edema) and 4 (enhancing tumour).
 */
public enum BratsRegion {
	/** Whole tumour: labels 1, 2, 4. */
	WT(1, 2, 4),
	/** Tumour core: labels 1, 4. */
	TC(1, 4),
	/** Enhancing tumour: label 4. */
	ET(4);

	private final boolean[] member = new boolean[256];

	BratsRegion(int... labels) {
		for (int l : labels) {
			member[l] = true;
		}
	}

	/** True when the stored label value (0..255) belongs to this region. */
	public boolean contains(int label) {
		return member[label & 0xff];
	}

	/** The region as a mask over a label array (1 inside, 0 outside). */
	public boolean[] mask(byte[] labels) {
		boolean[] m = new boolean[labels.length];
		for (int i = 0; i < labels.length; i++) {
			m[i] = member[labels[i] & 0xff];
		}
		return m;
	}
}

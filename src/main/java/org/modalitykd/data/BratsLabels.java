/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

/**
 * The mapping between stored BraTS labels (0 background, 1 necrotic core, 2 edema, 4
 * enhancing tumour) and the network's class indices 0..3: 4 becomes 3, since BraTS
 * leaves 3 unused.
 */
public final class BratsLabels {

	/** Number of classes the networks predict. */
	public static final int CLASSES = 4;

	/** Stored label of each class index. */
	private static final int[] TO_BRATS = { 0, 1, 2, 4 };

	/** The stored labels, {0, 1, 2, 4}: any other value in a BraTS label map is an error. */
	public static final java.util.Set<Integer> STORED = java.util.Set.of(0, 1, 2, 4);

	private BratsLabels() {
	}

	/** Class index of a stored label; labels outside {0, 1, 2, 4} are refused. */
	public static int toClass(int bratsLabel) {
		return switch (bratsLabel) {
			case 0 -> 0;
			case 1 -> 1;
			case 2 -> 2;
			case 4 -> 3;
			default -> throw new IllegalArgumentException("label " + bratsLabel
				+ " is not a BraTS label (0, 1, 2, 4); remap the segmentation first");
		};
	}

	/** Stored label of a class index 0..3. */
	public static int toBrats(int classIndex) {
		return TO_BRATS[classIndex];
	}

	/** The label map as the model card records it: class index to stored label. */
	public static int[] labelMap() {
		return TO_BRATS.clone();
	}
}

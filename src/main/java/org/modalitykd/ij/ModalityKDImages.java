/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import org.modalitykd.app.CaseResult;
import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.SegmentRequest;

import ij.ImagePlus;

/**
 * The script API for open images: {@link ModalityKD}'s requests made from an
 * {@link ImagePlus}, and results turned back into images.
 *
 * <pre>
 * # Jython in Fiji
 * from org.modalitykd.ij import ModalityKDImages
 * r = ModalityKDImages.segment(IJ.getImage()).models("/models").tta(True).run()
 * ModalityKDImages.labelImage(r, "labels").show()
 * </pre>
 */
public final class ModalityKDImages {

	private ModalityKDImages() {
	}

	/**
	 * A segmentation of {@code imp}: a hyperstack whose channels are named by modality
	 * (as Open MRI Case... makes it, or with one channel label per modality).
	 */
	public static SegmentRequest segment(ImagePlus imp) {
		return ModalityKD.segment(ImagePlusBridge.toVolume(imp)).monitor(new IjProgress("Segmenting " + imp.getTitle()));
	}

	/** The result's labels as an 8-bit image with the BraTS colours, on the input's grid. */
	public static ImagePlus labelImage(CaseResult result, String title) {
		ImagePlus labels = ImagePlusBridge.toLabelImage(result.labels(), title);
		labels.setProperty("ModalityKD.model", result.model());
		return labels;
	}
}

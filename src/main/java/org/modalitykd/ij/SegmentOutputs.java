/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.GraphicsEnvironment;
import java.util.List;

import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.volume.Geometry;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;

/** Shows what Segment made: the label image, the overlays, outlines and the quality map. */
final class SegmentOutputs {

	private SegmentOutputs() {
	}

	static void show(ImagePlus input, SegmentationTool.Result r, double opacity, boolean outlines) {
		var labels = r.segmentation().labels();
		ImagePlus labelImage = ImagePlusBridge.toLabelImage(labels, input.getTitle() + "-labels");
		labelImage.setProperty("ModalityKD.model", r.choice().entry().name());
		labelImage.setPosition(input.getSlice() > 0 ? input.getZ() : 1);
		LabelOverlay.showLabels(input, labels, opacity);
		if (r.quality() != null) {
			Geometry g = r.quality().geometry();
			String what = r.quality().channelNames().get(0);
			ImagePlus qa = ImagePlusBridge.toHyperstack(r.quality(), input.getTitle() + "-" + what);
			qa.setDisplayRange(0, 1);
			qa.setLut(new ij.process.LUT(ij.plugin.LutLoader.getLut("fire"), 0, 1));
			qa.show();
			LabelOverlay.showQuality(input, r.quality().channel(0), g.nx(), g.ny(), g.nz(), opacity);
			IJ.log("ModalityKD QA: " + what + " map, " + r.qualityNote());
		}
		if (outlines) {
			addOutlines(input, RegionOutlines.of(labels));
		}
		labelImage.show();
		input.updateAndDraw();
	}

	/**
	 * To the ROI Manager when there is a display; headless (no ROI Manager can exist)
	 * onto the input's overlay, where macros and scripts still find them.
	 */
	private static void addOutlines(ImagePlus input, List<Roi> rois) {
		if (!input.isHyperStack()) {
			// One channel is a plain stack to ImageJ: the slice is the stack position (see LabelOverlay).
			rois.forEach(r -> r.setPosition(r.getZPosition()));
		}
		if (GraphicsEnvironment.isHeadless()) {
			Overlay overlay = input.getOverlay() == null ? new Overlay() : input.getOverlay();
			rois.forEach(overlay::add);
			input.setOverlay(overlay);
			return;
		}
		// A batch-mode macro has its own hidden ROI Manager; roiManager("count") reads that one.
		RoiManager rm = Interpreter.isBatchMode() ? Interpreter.getBatchModeRoiManager() : RoiManager.getRoiManager();
		for (Roi roi : rois) {
			rm.add(input, roi, -1);
			rm.rename(rm.getCount() - 1, roi.getName());
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Label Overlay...: shows or hides the label (and QA) overlay
 * Segment put on the current image and sets its opacity.
 * <p>
 * Macro: {@code run("Label Overlay...", "show opacity=60");} (leave {@code show} out to hide)
 */
public class LabelOverlayPlugin implements PlugIn {

	static final String COMMAND = "Label Overlay";

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null || image.getOverlay() == null) {
			CommandErrors.fail(COMMAND, (image == null ? "No image is open" : "The current image has no overlay")
				+ "; segment an image first (Plugins > ModalityKD > Segment...)");
			return;
		}
		if (!CommandErrors.canShowDialog(COMMAND, "show opacity=40", "opacity")) {
			return;
		}
		GenericDialog gd = new GenericDialog("ModalityKD Label Overlay");
		gd.addCheckbox("show", !image.getHideOverlay());
		gd.addSlider("opacity", 0, 100, 40, 5);
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		boolean show = gd.getNextBoolean();
		double opacity = Math.max(0, Math.min(100, gd.getNextNumber())) / 100.0;
		LabelOverlay.setOpacity(image, LabelOverlay.LABELS, opacity);
		LabelOverlay.setOpacity(image, LabelOverlay.QUALITY, opacity);
		image.setHideOverlay(!show);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import ij.IJ;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > About ModalityKD: version and where the documentation is;
 * with the argument {@code help} (the Help entry) it opens the Fiji guide in a browser.
 */
public class AboutPlugin implements PlugIn {

	static final String HOMEPAGE = "https://github.com/modalitykd/modalitykd#readme";
	static final String FIJI_GUIDE = "https://github.com/modalitykd/modalitykd/blob/main/docs/fiji.md";

	@Override
	public void run(String arg) {
		if ("help".equals(arg)) {
			if (java.awt.GraphicsEnvironment.isHeadless()) {
				IJ.log("ModalityKD help: " + FIJI_GUIDE);
			} else {
				IJ.runPlugIn("ij.plugin.BrowserLauncher", FIJI_GUIDE);
			}
			return;
		}
		String version = AboutPlugin.class.getPackage().getImplementationVersion();
		if (!CommandErrors.interactive()) {
			// A message box would wait for a click that no batch job gives.
			IJ.log("ModalityKD " + (version == null ? "(development build)" : version) + "; documentation: " + HOMEPAGE
				+ "; Fiji guide: " + FIJI_GUIDE);
			return;
		}
		IJ.showMessage("About ModalityKD",
			"ModalityKD " + (version == null ? "(development build)" : version) + "\n"
				+ "3D segmentation of multi-modal MRI with knowledge distillation.\n"
				+ "Open MRI Case reads BraTS folders and manifests of NIfTI files;\n"
				+ "Segment runs a teacher or student model on the current image.\n \n"
				+ "Documentation: " + HOMEPAGE + "\nFiji guide: " + FIJI_GUIDE);
	}
}

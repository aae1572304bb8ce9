package org.modalitykd.ij;

import ij.IJ;
import ij.plugin.PlugIn;

/** Plugins > ModalityKD > About ModalityKD: version and where the documentation is. */
public class AboutPlugin implements PlugIn {

	static final String HOMEPAGE = "https://github.com/modalitykd/modalitykd#readme";

	@Override
	public void run(String arg) {
		String version = AboutPlugin.class.getPackage().getImplementationVersion();
		IJ.showMessage("About ModalityKD",
			"ModalityKD " + (version == null ? "(development build)" : version) + "\n"
				+ "3D segmentation of multi-modal MRI with knowledge distillation.\n"
				+ "Open MRI Case reads BraTS folders and manifests of NIfTI files.\n \n"
				+ "Documentation: " + HOMEPAGE);
	}
}

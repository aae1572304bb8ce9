/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.MriCase;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Open MRI Case...: a BraTS case folder or a manifest CSV
 * becomes one hyperstack (a named channel per modality, calibrated in mm) and, when
 * the case has a segmentation, a label image with the BraTS colours. A {@code ct} channel
 * (a head CT in Hounsfield units) is shown in the brain window, W80 L40
 * ({@link ImagePlusBridge#CT_BRAIN_WINDOW}); MRI channels by their percentiles.
 * <p>
 * Macro: {@code run("Open MRI Case...", "case=/data/BraTS_001 modalities=t1,t1ce,t2,flair");}
 * (modalities may be left empty for all).
 */
public class OpenCasePlugin implements PlugIn {

	static final String COMMAND = "Open MRI Case";

	@Override
	public void run(String arg) {
		CommandErrors.run(COMMAND, this::open);
	}

	private void open() throws IOException {
		if (!CommandErrors.canShowDialog(COMMAND, "case=[/data/BraTS_001] modalities=")) {
			return;
		}
		GenericDialog gd = new GenericDialog("Open MRI Case");
		Dialogs.addPath(gd, "case", "", true);
		gd.addStringField("modalities", "", 24);
		gd.addMessage("Case: a BraTS folder (<id>_t1.nii.gz, _t1ce, _t2, _flair, _ct, _seg) or a manifest CSV\n"
			+ "(case_id,modality,path). Modalities: comma-separated, empty for all. A CT is shown in the\n"
			+ "brain window (0 to 80 HU).");
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		String text = gd.getNextString().trim();
		String modalities = gd.getNextString().trim();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("case: choose a BraTS case folder or a manifest CSV");
		}
		Path input = Path.of(text);
		if (!Files.exists(input)) {
			throw new IllegalArgumentException(input + ": no such folder or file; choose a BraTS case folder or a manifest CSV");
		}
		IJ.showStatus("Reading " + input.getFileName() + "...");
		List<String> wanted = modalities.isEmpty() ? List.of() : Modalities.parseList(modalities);
		MriCase c = new CaseLoader().loadAsIs(input, wanted);
		show(c);
		IJ.showStatus("Opened " + c.id() + " (" + String.join(", ", c.images().channelNames()) + ")");
	}

	/** Shows the case's hyperstack and, if present, its label image. */
	static void show(MriCase c) {
		ImagePlus image = ImagePlusBridge.toHyperstack(c.images(), c.id());
		// The labels first, so that the case is the current image: the next command
		// (Segment...) is meant for it, not for the reference labels.
		c.labels().ifPresent(l -> ImagePlusBridge.toLabelImage(l, c.id() + "_seg").show());
		image.show();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;

import ij.IJ;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Model Info...: a bundle's card (role, modalities, labels,
 * spacing, network, training, validation) as a two-column table "Model Info".
 * <p>
 * Macro: {@code run("Model Info...", "model=/models/teacher");}
 */
public class ModelInfoPlugin implements PlugIn {

	/** Title of the table; headless, the rows go to the Results table instead. */
	static final String TABLE = "Model Info";

	static final String COMMAND = "Model Info";

	@Override
	public void run(String arg) {
		if (!CommandErrors.canShowDialog(COMMAND, "model=[/models/teacher]")) {
			return;
		}
		GenericDialog gd = new GenericDialog("ModalityKD Model Info");
		Dialogs.addPath(gd, "model", Prefs.get(SegmentPlugin.PREF_MODELS, ""), true);
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		try {
			Path dir = TrainingFields.folder(gd.getNextString(), "model");
			ModelCard c = ModelBundle.readCard(dir);
			ResultsTable rt = new ResultsTable();
			row(rt, "bundle", dir.toString());
			row(rt, "role", c.role().key());
			row(rt, "modalities", String.join(", ", c.modalities()) + (c.perModality() ? " (any one)" : ""));
			row(rt, "labels", Arrays.toString(c.labelMap()) + " " + c.classNames());
			row(rt, "normalisation", c.normalization().method());
			row(rt, "patch (voxels)", Arrays.toString(c.patchSize()));
			row(rt, "spacing (mm)", Arrays.toString(c.spacing()));
			row(rt, "network", c.architecture().describe());
			row(rt, "trained", c.provenance().method() + ", " + c.provenance().steps() + " steps, seed "
				+ c.provenance().seed() + ", " + c.provenance().data());
			row(rt, "augmentation", c.provenance().augmentation());
			row(rt, "date", c.provenance().date());
			row(rt, "validation", c.validation().isEmpty() ? "none recorded" : c.validation().toString());
			Tables.show(rt, TABLE);
		} catch (IOException | RuntimeException e) {
			CommandErrors.report(COMMAND, e);
		}
	}

	static void row(ResultsTable rt, String key, String value) {
		rt.incrementCounter();
		rt.addValue("key", key);
		rt.addValue("value", value);
	}
}

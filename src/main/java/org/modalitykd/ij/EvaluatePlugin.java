/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.util.Map;

import org.modalitykd.app.Evaluation;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.RegionMetrics;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Evaluate...: a predicted label image against a reference one,
 * per BraTS region (WT, TC, ET): Dice, HD95 (mm), sensitivity, specificity and volumes,
 * one row per region in the Results table.
 * <p>
 * Macro: {@code run("Evaluate...", "prediction=case-labels reference=case_seg");}
 */
public class EvaluatePlugin implements PlugIn {

	static final String COMMAND = "Evaluate";

	@Override
	public void run(String arg) {
		CommandErrors.run(COMMAND, this::evaluate);
	}

	private void evaluate() {
		int[] ids = WindowManager.getIDList();
		if (ids == null || ids.length < 2) {
			throw new IllegalArgumentException("Open two label images: a prediction and its reference");
		}
		if (!CommandErrors.canShowDialog(COMMAND, "prediction=case-labels reference=case_seg")) {
			return;
		}
		String[] titles = WindowManager.getImageTitles();
		GenericDialog gd = new GenericDialog("ModalityKD Evaluate");
		gd.addChoice("prediction", titles, guess(titles, "-labels", titles[0]));
		gd.addChoice("reference", titles, guess(titles, "_seg", titles[titles.length - 1]));
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		ImagePlus prediction = openImage(gd.getNextChoice(), "prediction");
		ImagePlus reference = openImage(gd.getNextChoice(), "reference");
		Map<BratsRegion, RegionMetrics> metrics = Evaluation.of(ImagePlusBridge.toLabelVolume(prediction),
			ImagePlusBridge.toLabelVolume(reference));
		ResultsTable rt = ResultsTable.getResultsTable();
		for (Map.Entry<BratsRegion, RegionMetrics> e : metrics.entrySet()) {
			rt.incrementCounter();
			rt.addLabel(prediction.getTitle() + " vs " + reference.getTitle());
			rt.addValue("region", e.getKey().name());
			double[] v = e.getValue().values();
			for (int i = 0; i < v.length; i++) {
				rt.addValue(RegionMetrics.NAMES[i], v[i]);
			}
		}
		rt.show("Results");
	}

	/** The open image of that title; a macro may name one that is not open. */
	private static ImagePlus openImage(String title, String key) {
		ImagePlus imp = WindowManager.getImage(title);
		if (imp == null) {
			throw new IllegalArgumentException(key + ": no image titled '" + title + "' is open; open images: "
				+ String.join(", ", WindowManager.getImageTitles()));
		}
		return imp;
	}

	private static String guess(String[] titles, String suffix, String fallback) {
		for (String t : titles) {
			if (t.endsWith(suffix)) {
				return t;
			}
		}
		return fallback;
	}
}

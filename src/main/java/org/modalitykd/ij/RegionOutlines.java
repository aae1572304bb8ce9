/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.modalitykd.eval.BratsRegion;
import org.modalitykd.volume.LabelVolume;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

/** Outline ROIs of the BraTS regions, one per region and slice where the region is present. */
final class RegionOutlines {

	private static final Color[] COLOURS = { new Color(0, 200, 0), Color.RED, new Color(255, 230, 0) };

	private RegionOutlines() {
	}

	/** ROIs named like "WT z042", positioned on their slice (all channels). */
	static List<Roi> of(LabelVolume labels) {
		int nx = labels.geometry().nx();
		int ny = labels.geometry().ny();
		int slice = nx * ny;
		List<Roi> rois = new ArrayList<>();
		BratsRegion[] regions = BratsRegion.values();
		for (int r = 0; r < regions.length; r++) {
			boolean[] mask = regions[r].mask(labels.labels());
			for (int z = 0; z < labels.geometry().nz(); z++) {
				byte[] pixels = new byte[slice];
				boolean any = false;
				for (int i = 0; i < slice; i++) {
					if (mask[z * slice + i]) {
						pixels[i] = (byte) 255;
						any = true;
					}
				}
				if (!any) {
					continue;
				}
				ByteProcessor bp = new ByteProcessor(nx, ny, pixels);
				bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
				Roi roi = ThresholdToSelection.run(new ij.ImagePlus("", bp));
				roi.setName(String.format("%s z%03d", regions[r].name(), z + 1));
				roi.setStrokeColor(COLOURS[r]);
				roi.setPosition(0, z + 1, 0);
				rois.add(roi);
			}
		}
		return rois;
	}
}

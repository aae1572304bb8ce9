/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import org.modalitykd.volume.LabelVolume;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;

/**
 * Colour overlays on the input image: the labels with the BraTS colours, and a quality
 * map, one {@link ImageRoi} per slice shown on every channel. ImageJ's own
 * Image > Overlay > Hide/Show Overlay toggles them; {@link #setOpacity} changes them.
 */
final class LabelOverlay {

	/** Name of the label overlay's ROIs. */
	static final String LABELS = "ModalityKD labels";
	/** Name of the quality-map overlay's ROIs. */
	static final String QUALITY = "ModalityKD QA";

	private LabelOverlay() {
	}

	/** Replaces any earlier label overlay of {@code image} with {@code labels} at {@code opacity} (0..1). */
	static void showLabels(ImagePlus image, LabelVolume labels, double opacity) {
		int nx = labels.geometry().nx();
		int ny = labels.geometry().ny();
		LUT lut = ImagePlusBridge.bratsLut();
		Overlay overlay = cleared(image, LABELS);
		for (int z = 0; z < labels.geometry().nz(); z++) {
			byte[] slice = new byte[nx * ny];
			System.arraycopy(labels.labels(), z * nx * ny, slice, 0, slice.length);
			ByteProcessor bp = new ByteProcessor(nx, ny, slice);
			if (bp.getStatistics().max == 0) {
				continue; // nothing to draw; keeps the overlay small for big scans
			}
			bp.setLut(lut);
			add(image, overlay, bp.convertToRGB(), z, opacity, LABELS);
		}
		image.setOverlay(overlay);
	}

	/** A 0..1 map in the "Fire"-like red-yellow ramp, transparent where 0. */
	static void showQuality(ImagePlus image, float[] map, int nx, int ny, int nz, double opacity) {
		Overlay overlay = cleared(image, QUALITY);
		for (int z = 0; z < nz; z++) {
			float[] slice = new float[nx * ny];
			System.arraycopy(map, z * nx * ny, slice, 0, slice.length);
			FloatProcessor fp = new FloatProcessor(nx, ny, slice);
			if (fp.getStatistics().max == 0) {
				continue;
			}
			fp.setMinAndMax(0, 1);
			ImageProcessor bp = fp.convertToByteProcessor(true);
			bp.setLut(qaLut());
			add(image, overlay, bp.convertToRGB(), z, opacity, QUALITY);
		}
		image.setOverlay(overlay);
	}

	/** Sets the opacity (0..1) of the overlay ROIs named {@code name}; returns how many. */
	static int setOpacity(ImagePlus image, String name, double opacity) {
		Overlay overlay = image.getOverlay();
		int n = 0;
		if (overlay != null) {
			for (Roi r : overlay.toArray()) {
				if (r instanceof ImageRoi ir && name.equals(r.getName())) {
					ir.setOpacity(opacity);
					n++;
				}
			}
			image.updateAndDraw();
		}
		return n;
	}

	private static Overlay cleared(ImagePlus image, String name) {
		Overlay overlay = image.getOverlay() == null ? new Overlay() : image.getOverlay();
		for (Roi r : overlay.toArray()) {
			if (name.equals(r.getName())) {
				overlay.remove(r);
			}
		}
		return overlay;
	}

	private static void add(ImagePlus image, Overlay overlay, ImageProcessor rgb, int z, double opacity, String name) {
		ImageRoi roi = new ImageRoi(0, 0, rgb);
		roi.setZeroTransparent(true);
		roi.setOpacity(opacity);
		roi.setName(name);
		if (image.isHyperStack()) {
			roi.setPosition(0, z + 1, 0); // channel 0: drawn on every channel of a hyperstack
		} else {
			// One channel (a CT alone, one MRI modality) is a plain stack to ImageJ, which
			// ignores a hyperstack position there and would draw every slice's labels on
			// every slice; its stack position is the slice.
			roi.setPosition(z + 1);
		}
		overlay.add(roi);
	}

	private static LUT qaLut() {
		byte[] r = new byte[256];
		byte[] g = new byte[256];
		byte[] b = new byte[256];
		for (int i = 1; i < 256; i++) {
			r[i] = (byte) 255;
			g[i] = (byte) Math.max(0, i * 2 - 256);
			b[i] = (byte) (i < 128 ? 160 - i : 0);
		}
		return new LUT(r, g, b);
	}
}

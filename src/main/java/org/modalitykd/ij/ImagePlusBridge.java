/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;

import org.modalitykd.data.HounsfieldCheck;
import org.modalitykd.io.Modalities;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;

/**
 * The one place that knows ImageJ image types: converts cases to hyperstacks (a
 * channel per modality, named; z = slices; calibrated in mm) and label maps to 8-bit
 * stacks with the BraTS colour table, and back.
 * <p>
 * Pixel (x, y) of slice z is voxel (i = x, j = y, k = z), with no flip, so the round
 * trip is exact; ImageJ draws j downwards, so a RAS image appears upside down compared
 * with radiological viewers. The voxel-to-world affine travels as an image property
 * ({@value #AFFINE_PROPERTY}) so that results written from an image keep the case's
 * geometry.
 */
public final class ImagePlusBridge {

	/** Image property holding the 16 row-major affine values, space-separated. */
	public static final String AFFINE_PROPERTY = "ModalityKD.affine";
	/** Image property holding the channel (modality) names, comma-separated. */
	public static final String CHANNELS_PROPERTY = "ModalityKD.channels";

	/** BraTS colours: 1 necrotic core red, 2 edema green, 4 enhancing tumour yellow. */
	private static final int[][] BRATS_COLOURS = { { 1, 255, 0, 0 }, { 2, 0, 200, 0 }, { 3, 0, 120, 255 },
		{ 4, 255, 230, 0 } };

	/**
	 * Display range of a CT channel: the brain window, width 80 HU at level 40 (0 to 80 HU),
	 * where grey matter (35-40), white matter (25), CSF (0-15), edema and the enhancing rim
	 * are told apart; air, fat and bone saturate. The same window as the montage's (synth.md).
	 */
	public static final double[] CT_BRAIN_WINDOW = { 0, 80 };

	private ImagePlusBridge() {
	}

	/** A hyperstack of float32 slices with one channel per modality. The data are copied. */
	public static ImagePlus toHyperstack(Volume volume, String title) {
		Geometry g = volume.geometry();
		int nx = g.nx();
		int ny = g.ny();
		int slice = nx * ny;
		ImageStack stack = new ImageStack(nx, ny);
		for (int z = 0; z < g.nz(); z++) {
			for (int c = 0; c < volume.channelCount(); c++) {
				float[] pixels = new float[slice];
				System.arraycopy(volume.channel(c), z * slice, pixels, 0, slice);
				stack.addSlice(volume.channelNames().get(c), new FloatProcessor(nx, ny, pixels));
			}
		}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(volume.channelCount(), g.nz(), 1);
		imp.setOpenAsHyperStack(true);
		calibrate(imp, g);
		imp.setProperty(CHANNELS_PROPERTY, String.join(",", volume.channelNames()));
		int middle = Math.max(1, g.nz() / 2);
		if (volume.channelCount() > 1) {
			CompositeImage composite = new CompositeImage(imp, CompositeImage.GRAYSCALE);
			for (int c = 0; c < volume.channelCount(); c++) {
				double[] range = displayRange(volume.channelNames().get(c), volume.channel(c));
				composite.setPosition(c + 1, middle, 1);
				composite.setDisplayRange(range[0], range[1]);
			}
			composite.setPosition(1, middle, 1);
			copyProperties(imp, composite);
			return composite;
		}
		double[] range = displayRange(volume.channelNames().get(0), volume.channel(0));
		imp.setPosition(1, middle, 1);
		imp.setDisplayRange(range[0], range[1]);
		return imp;
	}

	/**
	 * The display range of a channel named {@code modality}: the brain window for a CT in
	 * Hounsfield units (whose 0.5-99.5th percentiles, air to bone, would show the brain as
	 * one grey), else {@link #displayRange(float[])}. A CT whose values are not HU gets the
	 * percentiles: the fixed window would show it blank, and Segment says what is wrong with it.
	 */
	static double[] displayRange(String modality, float[] values) {
		if (Modalities.isCt(Modalities.canonical(modality)) && HounsfieldCheck.problem(values) == null) {
			return CT_BRAIN_WINDOW.clone();
		}
		return displayRange(values);
	}

	/**
	 * The 0.5th to 99.5th percentile of a channel (from an even sample of at most 2^17
	 * values): a whole-volume window that a few bright outliers or an empty first slice
	 * cannot spoil, as a per-slice reset would.
	 */
	static double[] displayRange(float[] values) {
		int step = Math.max(1, values.length >> 17);
		float[] sample = new float[(values.length + step - 1) / step];
		int n = 0;
		for (int i = 0; i < values.length; i += step) {
			if (Float.isFinite(values[i])) {
				sample[n++] = values[i];
			}
		}
		if (n == 0) {
			return new double[] { 0, 1 };
		}
		java.util.Arrays.sort(sample, 0, n);
		double lo = sample[(int) (0.005 * (n - 1))];
		double hi = sample[(int) Math.ceil(0.995 * (n - 1))];
		return hi > lo ? new double[] { lo, hi } : new double[] { lo, lo + 1 };
	}

	/**
	 * A volume from an image: every channel becomes a modality, every z a slice. Names come
	 * from the image's channel property, else its slice labels, else {@code c1, c2, ...}.
	 * Geometry comes from the affine property when it fits, else from the calibration.
	 *
	 * @throws IllegalArgumentException for time series or RGB images
	 */
	public static Volume toVolume(ImagePlus imp) {
		if (imp.getNFrames() > 1) {
			throw new IllegalArgumentException(imp.getTitle() + " has " + imp.getNFrames()
				+ " time frames; use one frame (Image > Duplicate) or put the modalities on the channel axis");
		}
		if (imp.getType() == ImagePlus.COLOR_RGB) {
			throw new IllegalArgumentException(imp.getTitle() + " is an RGB image; MRI modalities must be grey-level channels");
		}
		int nx = imp.getWidth();
		int ny = imp.getHeight();
		int nc = imp.getNChannels();
		int nz = imp.getNSlices();
		Geometry g = geometryOf(imp, nx, ny, nz);
		ImageStack stack = imp.getStack();
		int slice = nx * ny;
		float[][] channels = new float[nc][nx * ny * nz];
		for (int z = 0; z < nz; z++) {
			for (int c = 0; c < nc; c++) {
				ImageProcessor ip = stack.getProcessor(imp.getStackIndex(c + 1, z + 1, 1));
				float[] pixels = (float[]) ip.convertToFloatProcessor().getPixels();
				System.arraycopy(pixels, 0, channels[c], z * slice, slice);
			}
		}
		return new Volume(g, channelNames(imp), channels);
	}

	/** An 8-bit stack of labels with the BraTS colour table and the case's calibration. */
	public static ImagePlus toLabelImage(LabelVolume labels, String title) {
		Geometry g = labels.geometry();
		int slice = g.nx() * g.ny();
		ImageStack stack = new ImageStack(g.nx(), g.ny());
		for (int z = 0; z < g.nz(); z++) {
			byte[] pixels = new byte[slice];
			System.arraycopy(labels.labels(), z * slice, pixels, 0, slice);
			stack.addSlice(null, new ByteProcessor(g.nx(), g.ny(), pixels));
		}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, g.nz(), 1);
		calibrate(imp, g);
		imp.setLut(bratsLut());
		imp.setDisplayRange(0, 255);
		return imp;
	}

	/** Labels from an 8-bit single-channel image. */
	public static LabelVolume toLabelVolume(ImagePlus imp) {
		if (imp.getBitDepth() != 8 || imp.getNChannels() != 1 || imp.getNFrames() != 1) {
			throw new IllegalArgumentException(imp.getTitle()
				+ " is not a label image: labels must be an 8-bit image with one channel and one frame");
		}
		Geometry g = geometryOf(imp, imp.getWidth(), imp.getHeight(), imp.getNSlices());
		int slice = g.nx() * g.ny();
		byte[] out = new byte[(int) g.voxelCount()];
		for (int z = 0; z < g.nz(); z++) {
			System.arraycopy((byte[]) imp.getStack().getPixels(z + 1), 0, out, z * slice, slice);
		}
		return new LabelVolume(g, out);
	}

	/** 0 transparent-black, BraTS labels in their colours, other values grey. */
	public static LUT bratsLut() {
		byte[] r = new byte[256];
		byte[] gr = new byte[256];
		byte[] b = new byte[256];
		for (int v = 1; v < 256; v++) {
			r[v] = gr[v] = b[v] = (byte) 160;
		}
		for (int[] c : BRATS_COLOURS) {
			r[c[0]] = (byte) c[1];
			gr[c[0]] = (byte) c[2];
			b[c[0]] = (byte) c[3];
		}
		return new LUT(new IndexColorModel(8, 256, r, gr, b), 0, 255);
	}

	private static void calibrate(ImagePlus imp, Geometry g) {
		Calibration cal = new Calibration(imp);
		double[] s = g.spacing();
		cal.pixelWidth = s[0];
		cal.pixelHeight = s[1];
		cal.pixelDepth = s[2];
		cal.setUnit("mm");
		double[] origin = g.affine().apply(0, 0, 0);
		// ImageJ's origin is in pixels; only meaningful for axis-aligned grids, so the
		// exact geometry goes into the affine property below.
		cal.xOrigin = -origin[0] / s[0];
		cal.yOrigin = -origin[1] / s[1];
		cal.zOrigin = -origin[2] / s[2];
		imp.setCalibration(cal);
		StringBuilder sb = new StringBuilder();
		for (double v : g.affine().toRowMajor()) {
			sb.append(sb.length() == 0 ? "" : " ").append(v);
		}
		imp.setProperty(AFFINE_PROPERTY, sb.toString());
	}

	private static Geometry geometryOf(ImagePlus imp, int nx, int ny, int nz) {
		Calibration cal = imp.getCalibration();
		double mm = unitToMm(cal.getUnit());
		double[] spacing = { cal.pixelWidth * mm, cal.pixelHeight * mm, cal.pixelDepth * mm };
		for (int d = 0; d < 3; d++) {
			if (!(spacing[d] > 0) || !Double.isFinite(spacing[d])) {
				spacing[d] = 1;
			}
		}
		Object property = imp.getProperty(AFFINE_PROPERTY);
		if (property instanceof String s) {
			String[] parts = s.trim().split("\\s+");
			if (parts.length == 16) {
				double[] m = new double[16];
				for (int i = 0; i < 16; i++) {
					m[i] = Double.parseDouble(parts[i]);
				}
				Affine a = Affine.ofRowMajor(m);
				boolean consistent = true;
				for (int d = 0; d < 3; d++) {
					consistent &= Math.abs(a.columnNorm(d) - spacing[d]) <= 1e-6 * Math.max(1, spacing[d]);
				}
				if (consistent) {
					return new Geometry(new int[] { nx, ny, nz }, spacing, a);
				}
			}
		}
		Geometry g = Geometry.axisAligned(nx, ny, nz, spacing[0], spacing[1], spacing[2]);
		double[] m = g.affine().toRowMajor();
		m[3] = -cal.xOrigin * spacing[0];
		m[7] = -cal.yOrigin * spacing[1];
		m[11] = -cal.zOrigin * spacing[2];
		return new Geometry(g.dims(), spacing, Affine.ofRowMajor(m));
	}

	private static double unitToMm(String unit) {
		if (unit == null) {
			return 1;
		}
		return switch (unit.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "m", "meter", "metre" -> 1000;
			case "cm" -> 10;
			case "um", "µm", "micron", "microns" -> 0.001;
			case "nm" -> 1e-6;
			default -> 1;
		};
	}

	private static List<String> channelNames(ImagePlus imp) {
		int nc = imp.getNChannels();
		Object property = imp.getProperty(CHANNELS_PROPERTY);
		if (property instanceof String s) {
			List<String> names = List.of(s.split(","));
			if (names.size() == nc && names.stream().distinct().count() == nc) {
				return names;
			}
		}
		List<String> names = new ArrayList<>();
		for (int c = 0; c < nc; c++) {
			String label = imp.getStack().getSliceLabel(imp.getStackIndex(c + 1, 1, 1));
			String name = label == null || label.isBlank() ? null : label.split("\n")[0].trim();
			names.add(name == null || names.contains(name) ? "c" + (c + 1) : name);
		}
		return names;
	}

	private static void copyProperties(ImagePlus from, ImagePlus to) {
		to.setProperty(AFFINE_PROPERTY, from.getProperty(AFFINE_PROPERTY));
		to.setProperty(CHANNELS_PROPERTY, from.getProperty(CHANNELS_PROPERTY));
		to.setCalibration(from.getCalibration());
	}
}

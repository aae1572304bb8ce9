/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.modalitykd.io.MriCase;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * A picture of cases for a person: one row per case, one axial slice per modality
 * and the same slice of the first modality in the overlay column with the labels on
 * top (red 1 necrotic core, green 2 edema, yellow 4 enhancing tumour). The slice is
 * the one with the most tumour core (else whole tumour, else the middle one). Each
 * modality is windowed to the 1st-99th percentile of its non-zero voxels, except CT,
 * which is in Hounsfield units and gets two columns: a brain window (W80 L40) and a
 * bone window (W2000 L500); labels over CT are drawn in the brain window. Slices are
 * drawn in the radiological convention (patient's right on the left, anterior up),
 * assuming an axis-aligned grid with i to the right, j anterior, k superior (RAS), as
 * the synthetic cases and BraTS are.
 */
public final class Montage {

	static final Color NECROSIS = new Color(230, 40, 40);
	static final Color EDEMA = new Color(40, 200, 60);
	static final Color ENHANCING = new Color(255, 230, 40);
	private static final float OVERLAY_ALPHA = 0.5f;
	private static final int MARGIN = 6;
	private static final int TITLE = 22;
	private static final int LEGEND = 24;

	private Montage() {
	}

	/**
	 * @param cases        loaded cases, all with the same channels
	 * @param overlayOn    the channel drawn under the labels
	 * @param pixelsPerVoxel magnification
	 */
	public static BufferedImage render(List<MriCase> cases, String overlayOn, int pixelsPerVoxel) {
		List<Column> channels = columns(cases.get(0).images().channelNames());
		Column overlayColumn = columns(List.of(overlayOn)).get(0);
		int columns = channels.size() + 1;
		int[] panel = panelSize(cases, pixelsPerVoxel);
		int width = MARGIN + columns * (panel[0] + MARGIN);
		int height = TITLE + cases.size() * (panel[1] + TITLE + MARGIN) + LEGEND + MARGIN;
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.BLACK);
		g.fillRect(0, 0, width, height);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.setColor(Color.WHITE);
		for (int c = 0; c < columns; c++) {
			String title = c < channels.size() ? channels.get(c).title() : overlayColumn.title() + " + labels";
			g.drawString(title, MARGIN + c * (panel[0] + MARGIN) + 4, 16);
		}
		int y = TITLE;
		for (MriCase mriCase : cases) {
			Volume v = mriCase.images();
			Optional<LabelVolume> labels = mriCase.labels();
			int k = chooseSlice(v.geometry(), labels);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.setColor(Color.LIGHT_GRAY);
			g.drawString(mriCase.id() + "  (axial slice k = " + k + ")", MARGIN + 4, y + 14);
			int top = y + TITLE - 4;
			for (int c = 0; c < columns; c++) {
				Column column = c < channels.size() ? channels.get(c) : overlayColumn;
				BufferedImage slice = greySlice(v, column.channel(), k, column.window());
				if (c == channels.size() && labels.isPresent()) {
					overlay(slice, labels.get(), k);
				}
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.drawImage(slice, MARGIN + c * (panel[0] + MARGIN), top, panel[0], panel[1], null);
			}
			y += panel[1] + TITLE + MARGIN;
		}
		drawLegend(g, MARGIN + 4, y + 14);
		g.dispose();
		return out;
	}

	private static int[] panelSize(List<MriCase> cases, int pixelsPerVoxel) {
		return panelSize(cases.get(0).images().geometry(), pixelsPerVoxel);
	}

	private static int[] panelSize(Geometry g, int pixelsPerVoxel) {
		double[] s = g.spacing();
		// Square pixels in millimetres: the smaller voxel side sets the scale.
		double mmPerPixel = Math.min(s[0], s[1]) / pixelsPerVoxel;
		return new int[] { (int) Math.round(g.nx() * s[0] / mmPerPixel), (int) Math.round(g.ny() * s[1] / mmPerPixel) };
	}

	/** The axial slice with the most core (labels 1, 4), else whole tumour, else the middle. */
	static int chooseSlice(Geometry g, Optional<LabelVolume> labels) {
		if (labels.isEmpty()) {
			return g.nz() / 2;
		}
		long[] core = new long[g.nz()];
		long[] whole = new long[g.nz()];
		byte[] l = labels.get().labels();
		int plane = g.nx() * g.ny();
		for (int p = 0; p < l.length; p++) {
			int v = l[p];
			if (v != 0) {
				whole[p / plane]++;
				if (v == 1 || v == 4) {
					core[p / plane]++;
				}
			}
		}
		long[] use = Arrays.stream(core).sum() > 0 ? core : whole;
		int best = g.nz() / 2;
		for (int k = 0; k < use.length; k++) {
			if (use[k] > use[best]) {
				best = k;
			}
		}
		return best;
	}

	/** Brain and bone windows of CT, {lowest, highest} HU: W80 L40 and W2000 L500. */
	static final double[] BRAIN_WINDOW = { 0, 80 };
	static final double[] BONE_WINDOW = { -500, 1500 };

	/** A column of the montage: a channel and its fixed window, or null for the percentile window. */
	record Column(String channel, double[] window, String title) {
	}

	/** One column per channel; CT gets two, in the brain and the bone window. */
	static List<Column> columns(List<String> channels) {
		List<Column> out = new java.util.ArrayList<>();
		for (String c : channels) {
			String name = c.toUpperCase(java.util.Locale.ROOT);
			if (org.modalitykd.io.Modalities.isCt(c)) {
				out.add(new Column(c, BRAIN_WINDOW, name + " W80 L40"));
				out.add(new Column(c, BONE_WINDOW, name + " W2000 L500"));
			} else {
				out.add(new Column(c, null, name));
			}
		}
		return out;
	}

	static BufferedImage greySlice(Volume v, String channel, int k) {
		return greySlice(v, channel, k, null);
	}

	/** @param fixed {lowest, highest} value drawn black and white; null for the 1st-99th percentile of the non-zero voxels */
	static BufferedImage greySlice(Volume v, String channel, int k, double[] fixed) {
		Geometry g = v.geometry();
		float[] data = v.channel(channel);
		double[] window = fixed != null ? fixed : window(data);
		int nx = g.nx();
		int ny = g.ny();
		BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				double value = data[i + nx * (j + ny * k)];
				int grey = (int) Math.round(255 * Math.max(0, Math.min(1, (value - window[0]) / (window[1] - window[0]))));
				img.setRGB(nx - 1 - i, ny - 1 - j, grey * 0x010101);
			}
		}
		return img;
	}

	/** 1st and 99th percentile of the non-zero values (the brain of a skull-stripped image). */
	static double[] window(float[] data) {
		float[] inside = new float[data.length];
		int n = 0;
		for (float x : data) {
			if (x != 0 && Float.isFinite(x)) {
				inside[n++] = x;
			}
		}
		if (n == 0) {
			return new double[] { 0, 1 };
		}
		float[] sorted = Arrays.copyOf(inside, n);
		Arrays.sort(sorted);
		double lo = sorted[(int) Math.floor(0.01 * (n - 1))];
		double hi = sorted[(int) Math.ceil(0.99 * (n - 1))];
		return new double[] { lo, hi > lo ? hi : lo + 1 };
	}

	static void overlay(BufferedImage slice, LabelVolume labels, int k) {
		Geometry g = labels.geometry();
		int nx = g.nx();
		int ny = g.ny();
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				Color c = colour(labels.get(i, j, k));
				if (c == null) {
					continue;
				}
				int x = nx - 1 - i;
				int y = ny - 1 - j;
				int under = slice.getRGB(x, y);
				slice.setRGB(x, y, blend(under, c));
			}
		}
	}

	private static Color colour(int label) {
		return switch (label) {
			case 1 -> NECROSIS;
			case 2 -> EDEMA;
			case 4 -> ENHANCING;
			default -> null;
		};
	}

	private static int blend(int rgb, Color c) {
		int r = (int) ((1 - OVERLAY_ALPHA) * ((rgb >> 16) & 0xff) + OVERLAY_ALPHA * c.getRed());
		int gr = (int) ((1 - OVERLAY_ALPHA) * ((rgb >> 8) & 0xff) + OVERLAY_ALPHA * c.getGreen());
		int b = (int) ((1 - OVERLAY_ALPHA) * (rgb & 0xff) + OVERLAY_ALPHA * c.getBlue());
		return (r << 16) | (gr << 8) | b;
	}

	private static void drawLegend(Graphics2D g, int x, int y) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		String[] names = { "1 necrotic / non-enhancing core", "2 edema", "4 enhancing tumour" };
		Color[] colours = { NECROSIS, EDEMA, ENHANCING };
		g.setStroke(new BasicStroke(1));
		for (int l = 0; l < names.length; l++) {
			g.setColor(colours[l]);
			g.fillRect(x, y - 11, 14, 14);
			g.setColor(Color.WHITE);
			g.drawString(names[l], x + 20, y);
			x += 40 + g.getFontMetrics().stringWidth(names[l]);
		}
	}

	/** One picture of a comparison: a title, the image channel drawn, and the labels over it (or none). */
	public record Panel(String title, String channel, LabelVolume labels) {
	}

	/**
	 * One row of panels on the same axial slice of one case (the slice with the most
	 * reference core), e.g. the reference and each model's labels, with the legend.
	 */
	public static BufferedImage row(MriCase c, List<Panel> panels, int pixelsPerVoxel) {
		Geometry geometry = c.images().geometry();
		int[] panel = panelSize(geometry, pixelsPerVoxel);
		int width = MARGIN + panels.size() * (panel[0] + MARGIN);
		int height = 2 * TITLE + panel[1] + MARGIN + LEGEND + MARGIN;
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.BLACK);
		g.fillRect(0, 0, width, height);
		int k = chooseSlice(geometry, c.labels());
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.setColor(Color.LIGHT_GRAY);
		g.drawString(c.id() + "  (axial slice k = " + k + ")", MARGIN + 4, 14);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		for (int p = 0; p < panels.size(); p++) {
			Panel pn = panels.get(p);
			int x = MARGIN + p * (panel[0] + MARGIN);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
			g.setColor(Color.WHITE);
			g.drawString(pn.title(), x + 4, TITLE + 14);
			BufferedImage slice = greySlice(c.images(), pn.channel(), k);
			if (pn.labels() != null) {
				overlay(slice, pn.labels(), k);
			}
			g.drawImage(slice, x, 2 * TITLE, panel[0], panel[1], null);
		}
		drawLegend(g, MARGIN + 4, 2 * TITLE + panel[1] + MARGIN + 14);
		g.dispose();
		return out;
	}
}

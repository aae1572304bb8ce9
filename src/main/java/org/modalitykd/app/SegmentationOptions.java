/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.WindowBatchPlanner;
import org.modalitykd.net.Device;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.SessionOptions;

/**
 * Every option of a segmentation, checked in this one place: each front end (command
 * line, Fiji dialog, script) fills it from its own spelling and gets the same one-line
 * refusal for a value that cannot work.
 *
 * @param device            where TensorFlow runs
 * @param threads           threads per TensorFlow op, 0 for TensorFlow's choice
 * @param overlap           of neighbouring windows, in [0, 1)
 * @param windowsPerCall    windows per TensorFlow call, or {@link #AUTO_WINDOWS}: as
 *                          many as half the free memory of the device holds, at most 8
 * @param tta               average the 8 mirrorings (8x slower)
 * @param margin            voxels at each shared window face that get no weight
 * @param cropToNonZero     predict only inside the box of non-zero voxels
 * @param ignoreSpacing     segment at the case's own voxel size even when the model was
 *                          trained at another (otherwise the case is resampled and back)
 * @param checkChannelOrder refuse a case whose channels look like another order of the model's
 */
public record SegmentationOptions(Device device, int threads, double overlap, int windowsPerCall, boolean tta, int margin,
	boolean cropToNonZero, boolean ignoreSpacing, boolean checkChannelOrder) {

	/** {@link #windowsPerCall} chosen from the memory free on the device. */
	public static final int AUTO_WINDOWS = 0;

	/** The most windows an automatic choice puts in one call. */
	static final int MAX_AUTO_WINDOWS = 8;

	public SegmentationOptions {
		if (device == null) {
			throw new InvalidSettingException("device must be set; use cpu, gpu or auto");
		}
		if (windowsPerCall < 0) {
			throw new InvalidSettingException("the window batch must be at least 1, got " + windowsPerCall);
		}
		// The checks and their messages are those of the settings these become.
		try {
			new SessionOptions(device, threads, 0);
			new InferenceSettings(overlap, Math.max(1, windowsPerCall), tta, cropToNonZero, margin, checkChannelOrder);
		} catch (IllegalArgumentException e) {
			throw new InvalidSettingException(e.getMessage());
		}
	}

	/** {@code cpu}, {@code gpu} or {@code auto}, any case. */
	public static Device parseDevice(String text) {
		try {
			return Device.parse(text);
		} catch (IllegalArgumentException e) {
			throw new InvalidSettingException(e.getMessage());
		}
	}

	/** Automatic device and batch, overlap 0.5, no mirroring, no margin, cropped, spacing and channel order checked. */
	public static SegmentationOptions defaults() {
		return new SegmentationOptions(Device.AUTO, 0, 0.5, AUTO_WINDOWS, false, 0, true, false, true);
	}

	/**
	 * {@code auto} or a number of windows per call, at least 1.
	 *
	 * @param key the option as the front end spells it, for the message
	 */
	public static int parseWindows(String text, String key) {
		if (text.trim().equalsIgnoreCase("auto")) {
			return AUTO_WINDOWS;
		}
		int n;
		try {
			n = Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			throw new InvalidSettingException(key + " takes a number of windows or 'auto', not '" + text + "'");
		}
		if (n < 1) {
			throw new InvalidSettingException("the window batch must be at least 1, got " + n);
		}
		return n;
	}

	public SegmentationOptions withDevice(Device d) {
		return with(c -> c.device = d);
	}

	public SegmentationOptions withThreads(int t) {
		return with(c -> c.threads = t);
	}

	public SegmentationOptions withOverlap(double o) {
		return with(c -> c.overlap = o);
	}

	public SegmentationOptions withWindowsPerCall(int w) {
		return with(c -> c.windowsPerCall = w);
	}

	public SegmentationOptions withTta(boolean t) {
		return with(c -> c.tta = t);
	}

	public SegmentationOptions withMargin(int m) {
		return with(c -> c.margin = m);
	}

	public SegmentationOptions withCropToNonZero(boolean c) {
		return with(copy -> copy.cropToNonZero = c);
	}

	public SegmentationOptions withIgnoreSpacing(boolean i) {
		return with(c -> c.ignoreSpacing = i);
	}

	public SegmentationOptions withChannelOrderCheck(boolean c) {
		return with(copy -> copy.checkChannelOrder = c);
	}

	/** The TensorFlow session these ask for. */
	public SessionOptions session() {
		return new SessionOptions(device, threads, 0);
	}

	/**
	 * The inference settings for one model on the resolved device: an automatic batch is
	 * planned from the card's network and the memory the device has free now.
	 */
	public InferenceSettings settingsFor(ModelCard card, Devices.Resolved resolved) {
		int windows = windowsPerCall != AUTO_WINDOWS ? windowsPerCall
			: WindowBatchPlanner.windowsPerCall(card.architecture(), card.patchSize(), tta,
				WindowBatchPlanner.availableBytes(resolved.gpu()), MAX_AUTO_WINDOWS);
		return new InferenceSettings(overlap, windows, tta, cropToNonZero, margin, checkChannelOrder);
	}

	/** These options with the fields that {@code change} sets, checked as any new ones. */
	private SegmentationOptions with(java.util.function.Consumer<Copy> change) {
		Copy c = new Copy(this);
		change.accept(c);
		return c.build();
	}

	/** The fields of a SegmentationOptions, to change some of before {@link #build()} checks them all. */
	private static final class Copy {

		Device device;
		int threads;
		double overlap;
		int windowsPerCall;
		boolean tta;
		int margin;
		boolean cropToNonZero;
		boolean ignoreSpacing;
		boolean checkChannelOrder;

		Copy(SegmentationOptions p) {
			device = p.device;
			threads = p.threads;
			overlap = p.overlap;
			windowsPerCall = p.windowsPerCall;
			tta = p.tta;
			margin = p.margin;
			cropToNonZero = p.cropToNonZero;
			ignoreSpacing = p.ignoreSpacing;
			checkChannelOrder = p.checkChannelOrder;
		}

		SegmentationOptions build() {
			return new SegmentationOptions(device, threads, overlap, windowsPerCall, tta, margin, cropToNonZero, ignoreSpacing, checkChannelOrder);
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modalitykd.io.Modalities;
import org.modalitykd.volume.Volume;

import ij.gui.GenericDialog;

/**
 * Which channel of an image is which modality. Names from Open MRI Case are already
 * modalities; an image from File > Open (Bio-Formats, SCIFIO, a TIFF) has channel names
 * such as "BraTS_001_t1ce.nii" or "C2", so a name is read as the last word in it that
 * names a modality, and a dialog ({@code channel_1=t1 channel_2=ct channel_3=ignore ...}) settles the
 * rest. In a macro the dialog is not shown: its keys decide, or the guesses when every
 * name reads as a different modality; names that do not, without the keys, are an error.
 */
final class ChannelMapping {

	static final String IGNORE = "ignore";
	private static final String[] CHOICES = { "t1", "t1ce", "t2", "flair", "ct", IGNORE };

	private ChannelMapping() {
	}

	/** The modality a channel name stands for, or null. */
	static String guess(String channelName) {
		String[] words = channelName.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
		for (int i = words.length - 1; i >= 0; i--) {
			String m = words[i].isEmpty() ? null : Modalities.canonical(words[i]);
			if (m != null && !m.equals(Modalities.LABELS)) {
				return m;
			}
		}
		return null;
	}

	/**
	 * The image with channels renamed to modalities (ignored ones dropped). Asks with a
	 * dialog when a name cannot be read or two channels read as the same modality.
	 *
	 * @return null when the dialog was cancelled
	 * @throws IllegalArgumentException when the choice names a modality twice or none
	 */
	static Volume apply(Volume image) {
		List<String> names = image.channelNames();
		List<String> guesses = new ArrayList<>();
		for (String n : names) {
			guesses.add(guess(n));
		}
		boolean clear = guesses.stream().noneMatch(g -> g == null) && guesses.stream().distinct().count() == names.size();
		List<String> chosen = guesses;
		boolean keys = ij.Macro.getOptions() != null && ij.Macro.getOptions().contains("channel_1=");
		if (!clear && !keys && !CommandErrors.interactive()) {
			// Nobody to ask, and dropping a channel silently could change the result.
			throw new IllegalArgumentException("which channel is which modality is not clear from the channel names "
				+ names + ": give channel_1=t1 channel_2=flair ... (t1, t1ce, t2, flair, ct or ignore) in the options");
		}
		if (!clear || keys) {
			GenericDialog gd = new GenericDialog("ModalityKD: which channel is which modality?");
			for (int c = 0; c < names.size(); c++) {
				String g = guesses.get(c);
				gd.addChoice("channel_" + (c + 1), CHOICES, g == null || guesses.indexOf(g) != c ? IGNORE : g);
				gd.addToSameRow();
				gd.addMessage("(" + names.get(c) + ")");
			}
			gd.showDialog();
			if (gd.wasCanceled()) {
				return null;
			}
			chosen = new ArrayList<>();
			for (int c = 0; c < names.size(); c++) {
				chosen.add(gd.getNextChoice());
			}
		}
		List<String> kept = new ArrayList<>();
		List<float[]> data = new ArrayList<>();
		for (int c = 0; c < names.size(); c++) {
			String m = chosen.get(c);
			if (m == null || m.equals(IGNORE)) {
				continue;
			}
			if (kept.contains(m)) {
				throw new IllegalArgumentException("two channels are " + m + "; map each modality to one channel");
			}
			kept.add(m);
			data.add(image.channel(c));
		}
		if (kept.isEmpty()) {
			throw new IllegalArgumentException("no channel is mapped to a modality (t1, t1ce, t2, flair, ct)");
		}
		return new Volume(image.geometry(), kept, data.toArray(new float[0][]));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BraTS modality names and the spellings other releases use for them. Names are
 * lower case; the canonical order is the BraTS channel order.
 */
public final class Modalities {

	public static final String T1 = "t1";
	public static final String T1CE = "t1ce";
	public static final String T2 = "t2";
	public static final String FLAIR = "flair";
	/** Computed tomography, in Hounsfield units, with the head (not skull-stripped). */
	public static final String CT = "ct";
	/** The name under which a case's segmentation is listed. */
	public static final String LABELS = "seg";

	/** Channel order of a BraTS teacher. */
	public static final List<String> BRATS = List.of(T1, T1CE, T2, FLAIR);
	/** Every image modality a network may read: BraTS MRI and CT. */
	public static final List<String> KNOWN = List.of(T1, T1CE, T2, FLAIR, CT);

	// BraTS 2023 names its files t1n, t1c, t2w, t2f; other collections use t1gd or label.
	private static final Map<String, String> ALIASES = Map.ofEntries(
		Map.entry("t1", T1), Map.entry("t1n", T1), Map.entry("t1w", T1),
		Map.entry("t1ce", T1CE), Map.entry("t1c", T1CE), Map.entry("t1gd", T1CE),
		Map.entry("t2", T2), Map.entry("t2w", T2),
		Map.entry("flair", FLAIR), Map.entry("t2f", FLAIR),
		Map.entry("ct", CT),
		Map.entry("seg", LABELS), Map.entry("label", LABELS), Map.entry("labels", LABELS));

	private Modalities() {
	}

	/** Whether {@code name} (canonical) is CT, whose voxels are Hounsfield units rather than MRI's arbitrary scale. */
	public static boolean isCt(String name) {
		return CT.equals(name);
	}

	/**
	 * The canonical name for a spelling of a known modality or of the labels, or null
	 * when the name is none of them.
	 */
	public static String canonical(String name) {
		return ALIASES.get(name.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * Parses a comma-separated list such as {@code t1,t1ce}; unknown names are kept in
	 * lower case (a manifest may use any name).
	 */
	public static List<String> parseList(String csv) {
		return java.util.Arrays.stream(csv.split(","))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.map(s -> {
				String c = canonical(s);
				return c != null ? c : s.toLowerCase(Locale.ROOT);
			})
			.toList();
	}
}

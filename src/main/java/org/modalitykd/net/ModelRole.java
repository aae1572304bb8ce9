/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.Locale;

import org.modalitykd.keys.EnumKeys;

/** What a model bundle is for, as written in its card. */
public enum ModelRole {
	/** Trained on all modalities; the source of distillation. */
	TEACHER,
	/** Distilled from a teacher; needs fewer modalities. */
	STUDENT,
	/** One network for several unpaired modalities (per-modality normalisation). */
	UNPAIRED,
	/** Trained on its modalities alone, without distillation: the comparison point. */
	BASELINE;

	/** The card's spelling: lower case. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role a card names (any case). */
	public static ModelRole parse(String s) {
		EnumKeys<ModelRole> keys = EnumKeys.byName(ModelRole.class);
		return keys.find(s).orElseThrow(() -> new IllegalArgumentException("unknown role '" + s + "'; expected "
			+ keys.accepted()));
	}
}

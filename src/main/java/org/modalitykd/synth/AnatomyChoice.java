/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.nio.file.Path;
import java.util.Locale;

import org.modalitykd.keys.EnumKeys;

/** Which anatomy to build cases on: Colin27, the phantom, or Colin27 when installed. */
public enum AnatomyChoice {
	AUTO, COLIN27, PARAMETRIC;

	/** Parses {@code auto}, {@code colin27} or {@code parametric} (any case). */
	public static AnatomyChoice parse(String name) {
		return EnumKeys.byName(AnatomyChoice.class).find(name)
			.orElseThrow(() -> new IllegalArgumentException("unknown anatomy '" + name + "'; use colin27, parametric or auto"));
	}

	/**
	 * The source to use; Colin27 is read from {@code templates} (normally
	 * {@link Colin27Anatomy#DEBIAN_TEMPLATES}). For {@link #COLIN27} the files must
	 * exist: otherwise an {@link IllegalArgumentException} says how to get them.
	 */
	public AnatomySource resolve(Path templates) {
		return switch (this) {
			case PARAMETRIC -> new ParametricHead();
			case COLIN27 -> {
				if (!Colin27Anatomy.isInstalled(templates)) {
					throw new IllegalArgumentException("Colin27 is not in " + templates + " (needs "
						+ Colin27Anatomy.T1_FILE + " and " + Colin27Anatomy.BRAIN_FILE
						+ "): install Debian's mricron-data or use --anatomy parametric");
				}
				yield new Colin27Anatomy(templates);
			}
			case AUTO -> Colin27Anatomy.isInstalled(templates) ? new Colin27Anatomy(templates) : new ParametricHead();
		};
	}

	/** Lower-case name as the command line spells it. */
	public String cliName() {
		return name().toLowerCase(Locale.ROOT);
	}
}

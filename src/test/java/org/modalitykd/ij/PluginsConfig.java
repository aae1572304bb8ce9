/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.lang.reflect.Field;
import java.util.Hashtable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.Menus;

/**
 * Registers the menu commands of plugins.config lines with ImageJ 1 as it does when it
 * reads a plugin jar, so that {@code IJ.run("Segment...", options)} goes through ImageJ's
 * own command lookup. Touches no ij1-patcher code: callers decide whether ImageJ is patched.
 */
final class PluginsConfig {

	private static final Pattern LINE = Pattern.compile("^Plugins>[^,]*,\\s*\"([^\"]+)\",\\s*(\\S+)\\s*$");

	private PluginsConfig() {
	}

	@SuppressWarnings("unchecked")
	static void register(Iterable<String> lines) {
		try {
			Field f = Menus.class.getDeclaredField("pluginsTable");
			f.setAccessible(true);
			if (f.get(null) == null) {
				f.set(null, new Hashtable<String, String>());
			}
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
		Hashtable<String, String> commands = Menus.getCommands();
		for (String l : lines) {
			Matcher m = LINE.matcher(l);
			if (m.matches()) {
				commands.put(m.group(1), m.group(2));
			}
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.GraphicsEnvironment;

import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;

/** Small helpers shared by the commands' dialogs. */
final class Dialogs {

	private Dialogs() {
	}

	/**
	 * A folder or file field. With a display it has ImageJ's Browse button; headless
	 * (ij1-patcher's dialog has no path fields) it is a plain text field. The macro key
	 * is {@code key} either way.
	 */
	static void addPath(GenericDialog gd, String key, String value, boolean directory) {
		if (GraphicsEnvironment.isHeadless()) {
			gd.addStringField(key, value, 40);
		} else if (directory) {
			gd.addDirectoryField(key, value, 40);
		} else {
			gd.addFileField(key, value, 40);
		}
	}

	/**
	 * Checks that the macro gives a number for each numeric key it sets, as GenericDialog
	 * reads it (a number, a hexadecimal 0x..., or the name of a macro variable). Call it
	 * before the first getNextNumber: GenericDialog reports a bad number with ImageJ's modal
	 * "Macro Error" dialog, which a batch job never closes.
	 *
	 * @throws IllegalArgumentException naming the key and the value
	 */
	static void requireNumbers(String... keys) {
		String options = Macro.getOptions();
		if (options == null) {
			return;
		}
		for (String key : keys) {
			String v = Macro.getValue(options, key, null);
			if (v == null || v.startsWith("0x") || isNumber(v)) {
				continue;
			}
			Interpreter interpreter = Interpreter.getInstance();
			String name = v.startsWith("&") ? v.substring(1) : v;
			if (interpreter == null || Double.isNaN(variable(interpreter, name))) {
				throw new IllegalArgumentException(key + "=" + v + " is not a number; give a number, e.g. " + key + "=2");
			}
		}
	}

	private static double variable(Interpreter interpreter, String name) {
		try {
			return interpreter.getVariable2(name);
		} catch (RuntimeException e) {
			return Double.NaN; // no program or stack yet
		}
	}

	private static boolean isNumber(String text) {
		try {
			Double.valueOf(text);
			return true;
		} catch (NumberFormatException e) {
			return false;
		}
	}

	/** The message of an exception in one line; unknown failures are named by type. */
	static String oneLine(Exception e) {
		String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		if (e instanceof java.nio.file.NoSuchFileException nf) {
			m = nf.getFile() + ": " + (nf.getReason() != null ? nf.getReason() : "no such file");
		}
		return m.replaceAll("\\s*\\R\\s*", " ").trim();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import net.imagej.patcher.LegacyInjector;

/**
 * The real ImageJ 1, headless, for tests: ij1-patcher's LegacyInjector makes
 * GenericDialog read macro options without a display, and the commands are registered
 * from the project's plugins.config exactly as ImageJ reads it from the jar, so
 * {@code IJ.run("Segment...", options)} goes through ImageJ's own command lookup.
 * Touch this class before any {@code ij.*} class.
 */
final class ImageJ1 {

	static {
		LegacyInjector.preinit();
	}

	private static boolean registered;

	private ImageJ1() {
	}

	/** Registers plugins.config once, closes all images and clears the Results table. */
	static synchronized void reset() throws IOException {
		if (!registered) {
			PluginsConfig.register(Files.readAllLines(Path.of("plugins.config")));
			registered = true;
		}
		while (WindowManager.getImageCount() > 0) {
			ImagePlus imp = WindowManager.getImage(WindowManager.getIDList()[0]);
			imp.changes = false;
			imp.close();
		}
		ResultsTable.getResultsTable().reset();
	}

	/** Runs a menu command with macro options, in this thread, as a macro would. */
	static void run(String command, String options) {
		IJ.run(command, options);
	}

	/**
	 * Runs a command that must fail as a ModalityKD command fails outside interactive use:
	 * one line on standard error (headless there is no Log window) and the macro aborted.
	 * Returns what was printed on standard output and error.
	 */
	static String runFailing(String command, String options) {
		String text = printed(() -> {
			try {
				IJ.run(command, options);
			} catch (RuntimeException e) {
				if (!ij.Macro.MACRO_CANCELED.equals(e.getMessage())) {
					throw e;
				}
			}
		}).trim();
		if (text.isEmpty()) {
			throw new AssertionError(command + " was expected to fail with a message");
		}
		return text;
	}

	/** What {@code action} prints on standard output and standard error, in one text. */
	static String printed(Runnable action) {
		java.io.PrintStream savedOut = System.out;
		java.io.PrintStream savedErr = System.err;
		java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
		java.io.PrintStream both = new java.io.PrintStream(captured, true);
		System.setOut(both);
		System.setErr(both);
		try {
			action.run();
		} finally {
			System.setOut(savedOut);
			System.setErr(savedErr);
		}
		return captured.toString();
	}

	static ImagePlus image(String title) {
		ImagePlus imp = WindowManager.getImage(title);
		if (imp == null) {
			throw new AssertionError("no image '" + title + "'; open: " + String.join(", ",
				WindowManager.getImageTitles()));
		}
		return imp;
	}
}

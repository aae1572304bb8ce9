/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import ij.IJ;
import net.imagej.patcher.LegacyInjector;

/**
 * What Fiji's {@code ImageJ-linux64 --headless -batch MACRO [ARG]} does to ImageJ 1, without
 * Fiji, for {@code scripts/imagej-batch-test}: ij1-patcher's headless patches (GenericDialog
 * reads the macro options and shows nothing, no display at all), the commands registered
 * from the plugins.config files on the class path (Fiji puts the plugin jars there), the
 * macro run with {@code IJ.runMacroFile}, and {@code System.exit(0)} at its end, as
 * imagej-legacy's batch handler does. The process's command line holds {@code -batch}, as
 * Fiji's does; {@code ij.ImageJ.main} is not involved.
 * <p>
 * {@code java -Djava.awt.headless=true --add-opens=java.base/java.lang=ALL-UNNAMED -cp ...
 * org.modalitykd.ij.HeadlessBatch -batch MACRO [ARG]}; with {@code -D}{@value #UNPATCHED}{@code =true}
 * ImageJ 1 stays unpatched.
 */
public final class HeadlessBatch {

	/** Set to {@code true}: plain ImageJ 1 without the patches, as a program that embeds it headless. */
	static final String UNPATCHED = "modalitykd.headless.unpatched";

	static {
		if (!Boolean.getBoolean(UNPATCHED)) {
			LegacyInjector.preinit();
		}
	}

	private HeadlessBatch() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2 || !"-batch".equals(args[0])) {
			System.err.println("usage: HeadlessBatch -batch MACRO [ARG]");
			System.exit(2);
		}
		register();
		IJ.runMacroFile(args[1], args.length > 2 ? args[2] : null);
		System.exit(0);
	}

	/** The commands of every plugins.config on the class path (the plugin jar's, as ImageJ finds it). */
	private static void register() throws IOException {
		List<String> lines = new ArrayList<>();
		Enumeration<URL> configs = HeadlessBatch.class.getClassLoader().getResources("plugins.config");
		while (configs.hasMoreElements()) {
			try (InputStream in = configs.nextElement().openStream()) {
				lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
			}
		}
		PluginsConfig.register(lines);
	}
}

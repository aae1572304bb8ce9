/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.modalitykd.io.AtomicFile;

/**
 * A records folder's {@code settings.txt}: each settings key a record carries, a tab, and
 * the settings it stands for ({@link TrainingSettings}), sorted by key.
 */
final class SettingsFile {

	static final String NAME = "settings.txt";

	private SettingsFile() {
	}

	/** Key to settings; empty when the folder has no settings file yet. */
	static Map<String, String> read(Path recordsDir) throws IOException {
		Map<String, String> m = new TreeMap<>();
		Path file = recordsDir.resolve(NAME);
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				int tab = line.indexOf('\t');
				if (tab > 0) {
					m.put(line.substring(0, tab), line.substring(tab + 1));
				}
			}
		}
		return m;
	}

	static void write(Path recordsDir, Map<String, String> settings) throws IOException {
		StringBuilder s = new StringBuilder();
		new TreeMap<>(settings).forEach((k, v) -> s.append(k).append('\t').append(v).append('\n'));
		AtomicFile.writeString(recordsDir.resolve(NAME), s.toString());
	}
}

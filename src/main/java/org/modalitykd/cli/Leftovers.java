/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modalitykd.io.StaleTemporaries;

/**
 * Every command that writes into a folder first removes what killed runs left there
 * (their hidden temporary files, only those no live process holds; {@link
 * StaleTemporaries}), and says so on stdout.
 */
final class Leftovers {

	private Leftovers() {
	}

	/** Removes the leftovers of dead writers in {@code folder}, if it exists. */
	static void removeIn(Path folder, PrintWriter o) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		report(StaleTemporaries.removeIn(folder), folder, o);
	}

	/** Says what a clean-up of {@code folder} removed, and what it could not check. */
	static void report(StaleTemporaries.Outcome cleaned, Path folder, PrintWriter o) {
		cleaned.report(folder).forEach(o::println);
	}
}

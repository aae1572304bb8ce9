/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The core packages stay free of ImageJ, picocli, AWT/Swing and the front ends. */
class CoreImportsTest {

	private static final List<String> CORE = List.of("volume", "io", "data", "synth", "net", "train", "infer", "eval", "experiment", "task", "app", "keys");
	private static final Pattern FORBIDDEN = Pattern.compile(
		"^\\s*import\\s+(static\\s+)?(ij\\.|picocli\\.|java\\.awt\\.|javax\\.swing\\.|org\\.scijava\\.ui\\.|"
			+ "org\\.modalitykd\\.(cli|ij|scijava)\\.)");

	@Test
	void coreImportsNoFrontEnd() throws IOException {
		Path root = Path.of("src/main/java/org/modalitykd");
		List<String> violations = new ArrayList<>();
		int scanned = 0;
		for (String pkg : CORE) {
			Path dir = root.resolve(pkg);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
					scanned++;
					List<String> lines = Files.readAllLines(f);
					for (int i = 0; i < lines.size(); i++) {
						if (FORBIDDEN.matcher(lines.get(i)).find()) {
							violations.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
						}
					}
				}
			}
		}
		assertTrue(scanned > 10, "the scan found the core sources");
		assertTrue(violations.isEmpty(), "core imports a front end:\n" + String.join("\n", violations));
	}
}

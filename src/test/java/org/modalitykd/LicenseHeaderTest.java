/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Java source under src/ starts with the licence header the pom declares (BSD-2),
 * so that a new file gets one: scripts/license-headers adds it.
 */
class LicenseHeaderTest {

	/**
	 * Sources another branch was rewriting when the headers were added (2026-12): they get
	 * theirs from scripts/license-headers once that branch is merged; then empty this list.
	 */
	private static final List<String> PENDING = List.of();

	static final Pattern HEADER = Pattern.compile("\\A/\\*\n \\* SPDX-License-Identifier: BSD-2-Clause\n"
		+ " \\* Copyright \\(c\\) 20\\d\\d(-20\\d\\d)? ModalityKD developers\n \\*/\n");

	@Test
	void everyJavaSourceStartsWithTheLicenceHeader() throws IOException {
		List<Path> sources;
		try (Stream<Path> walk = Files.walk(Path.of("src"))) {
			sources = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
		}
		List<String> without = sources.stream().filter(p -> !HEADER.matcher(read(p)).lookingAt()).map(Path::toString)
			.map(f -> f.replace('\\', '/')).filter(f -> PENDING.stream().noneMatch(f::startsWith)).toList();
		assertTrue(sources.size() > 300, "the scan found the sources: " + sources.size());
		assertTrue(without.isEmpty(), without.size() + " Java sources lack the licence header (run scripts/license-headers):\n"
			+ String.join("\n", without));
	}

	/** The script writes what this test asks for (its printf, with a year). */
	@Test
	void theScriptWritesThisHeader() throws IOException {
		java.util.regex.Matcher printf = Pattern.compile("printf '(/\\*[^']*)' \"\\$year\"")
			.matcher(Files.readString(Path.of("scripts/license-headers")));
		assertTrue(printf.find(), "scripts/license-headers prints the header with printf");
		String written = printf.group(1).replace("\\n", "\n").replace("%s", "2026") + "package org.modalitykd;\n";
		assertTrue(HEADER.matcher(written).lookingAt(), written);
		assertFalse(HEADER.matcher("package org.modalitykd;\n").lookingAt());
		assertFalse(HEADER.matcher(written.replace("BSD-2-Clause", "GPL-3.0")).lookingAt());
	}

	private static String read(Path p) {
		try {
			return Files.readString(p, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}

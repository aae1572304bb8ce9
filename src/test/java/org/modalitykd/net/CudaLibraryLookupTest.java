/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaLibraryLookupTest {

	@TempDir
	Path tmp;

	private String dir(String name, String... files) throws IOException {
		Path d = Files.createDirectories(tmp.resolve(name));
		for (String f : files) {
			Files.createFile(d.resolve(f));
		}
		return d.toString();
	}

	@Test
	void findsTheVersionedFileTheLoaderAsksFor() throws IOException {
		String a = dir("a", "libcudart.so.12.4.127");
		assertEquals(a + "/libcudart.so.12.4.127", CudaLibraryLookup.describe(List.of(a), "libcudart.so.12"));
		String b = dir("b", "libcudnn.so.9", "libcudnn.so.9.1.0");
		assertEquals(b + "/libcudnn.so.9", CudaLibraryLookup.describe(List.of(b), "libcudnn.so.9"));
	}

	@Test
	void anotherMajorVersionIsNamedButNotFound() throws IOException {
		String newer = dir("newer", "libcudart.so.13", "libcudart.so.13.0.48", "libcudart.so");
		assertEquals("not found (libcudart.so.12); only " + newer + "/libcudart.so.13.0.48, another version",
			CudaLibraryLookup.describe(List.of(newer), "libcudart.so.12"));
		String lookalike = dir("lookalike", "libcudart.so.120");
		assertEquals("not found (libcudart.so.12); only " + lookalike + "/libcudart.so.120, another version",
			CudaLibraryLookup.describe(List.of(lookalike), "libcudart.so.12"));
	}

	@Test
	void theRightVersionLaterInThePathWinsOverAnotherEarlier() throws IOException {
		String newer = dir("first", "libcudart.so.13");
		String right = dir("second", "libcudart.so.12");
		assertEquals(right + "/libcudart.so.12", CudaLibraryLookup.describe(List.of(newer, right), "libcudart.so.12"));
	}

	@Test
	void nothingAtAllOrAMissingFolder() throws IOException {
		String empty = dir("empty", "libcudart.so");
		assertEquals("not found (libcudart.so.12)",
			CudaLibraryLookup.describe(List.of(empty, tmp.resolve("absent").toString()), "libcudart.so.12"));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a CUDA library of the major version the GPU build links against. The dynamic
 * loader asks for the exact soname ({@code libcudart.so.12}), so another major version
 * on the machine does not help; it is still named, because "found 13, needs 12" tells
 * a user what to install where "not found" sends them looking for a missing CUDA.
 */
final class CudaLibraryLookup {

	private static final List<String> USUAL_DIRS = List.of("/usr/local/cuda/lib64", "/usr/lib/x86_64-linux-gnu",
		"/usr/lib64", "/usr/lib");

	private CudaLibraryLookup() {
	}

	/** The folders the loader would search: LD_LIBRARY_PATH, java.library.path, then CUDA's usual ones. */
	static List<String> searchPath() {
		Set<String> dirs = new LinkedHashSet<>();
		for (String var : new String[] { System.getenv("LD_LIBRARY_PATH"), System.getProperty("java.library.path") }) {
			if (var != null) {
				dirs.addAll(List.of(var.split(File.pathSeparator)));
			}
		}
		dirs.addAll(USUAL_DIRS);
		dirs.remove("");
		return new ArrayList<>(dirs);
	}

	/**
	 * The path of {@code soname} (or of a file named {@code soname.*}) in the first folder
	 * that has one; otherwise "not found (soname)", with another version's path when one
	 * exists, e.g. {@code not found (libcudart.so.12); only /usr/lib/libcudart.so.13, another version}.
	 */
	static String describe(List<String> dirs, String soname) {
		String stem = soname.substring(0, soname.lastIndexOf(".so.") + 3);
		String other = null;
		for (String d : dirs) {
			File[] exact = new File(d).listFiles((f, n) -> n.equals(soname) || n.startsWith(soname + "."));
			if (exact != null && exact.length > 0) {
				Arrays.sort(exact);
				return exact[0].getPath();
			}
			File[] others = other != null ? null : new File(d).listFiles((f, n) -> n.startsWith(stem + "."));
			if (others != null && others.length > 0) {
				Arrays.sort(others);
				other = others[others.length - 1].getPath();
			}
		}
		String missing = "not found (" + soname + ")";
		return other == null ? missing : missing + "; only " + other + ", another version";
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of a folder tree, e.g. a model bundle. */
public final class FolderCopy {

	private FolderCopy() {
	}

	/** {@link #copy(Path, Path, CopyOption...)} with no options (a signature that callers built before it keep). */
	public static void copy(Path from, Path to) throws IOException {
		copy(from, to, new CopyOption[0]);
	}

	/**
	 * Copies {@code from} and everything under it to {@code to}: folders are created,
	 * files copied with {@code options} (e.g. {@code COPY_ATTRIBUTES} to keep their times);
	 * a file already at a target is an error ({@link java.nio.file.FileAlreadyExistsException})
	 * unless {@code REPLACE_EXISTING} is among them.
	 */
	public static void copy(Path from, Path to, CopyOption... options) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path p : files.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				} else {
					Files.copy(p, target, options);
				}
			}
		}
	}
}

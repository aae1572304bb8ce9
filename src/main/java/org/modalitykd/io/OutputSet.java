/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files that belong together (a label map, its probabilities, its provenance) and so
 * appear together or not at all: each is written as an {@link AtomicFile}, {@link
 * #commit()} first completes and syncs every one (where a full disk or an I/O error
 * shows) and only then renames them into place, and {@link #close()} without a commit
 * deletes them all, leaving any older files of those names as they were.
 *
 * <pre>
 * try (OutputSet set = new OutputSet()) {
 *     new NiftiWriter(set).writeLabels(labels, header, out);
 *     set.writeString(provenance, json);
 *     set.commit();
 * }
 * </pre>
 *
 * <p>The renames themselves need no space and do not fail on a working file system; a
 * folder in the way of a target is checked before the first of them.
 */
public final class OutputSet implements AutoCloseable {

	private final List<AtomicFile> files = new ArrayList<>();
	private boolean committed;

	/** Starts writing {@code target} as part of the set; its folder must exist and be writable. */
	public AtomicFile create(Path target) throws IOException {
		Path absolute = target.toAbsolutePath().normalize();
		for (AtomicFile f : files) {
			if (f.target().equals(absolute)) {
				throw new IllegalArgumentException(target + " is named twice among the outputs; give each output its own name");
			}
		}
		AtomicFile f = AtomicFile.create(target);
		files.add(f);
		return f;
	}

	/** Adds {@code text} (UTF-8) as the file {@code target}. */
	public void writeString(Path target, String text) throws IOException {
		create(target).stream().write(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Completes every file, then renames them all into place. */
	public void commit() throws IOException {
		for (AtomicFile f : files) {
			f.prepare();
		}
		for (AtomicFile f : files) {
			if (Files.isDirectory(f.target())) {
				throw new NiftiException(f.target(), "cannot be written: a folder has that name");
			}
		}
		for (AtomicFile f : files) {
			f.commit();
		}
		committed = true;
	}

	/** Deletes the temporary files unless {@link #commit()} succeeded. */
	@Override
	public void close() throws IOException {
		IOException first = null;
		for (AtomicFile f : files) {
			try {
				f.close();
			} catch (IOException e) {
				if (first == null) {
					first = e;
				}
			}
		}
		if (first != null && !committed) {
			throw first;
		}
	}
}

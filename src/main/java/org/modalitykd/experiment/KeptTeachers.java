/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.io.FolderCopy;
import org.modalitykd.io.OutputPaths;

/**
 * Each seed's teacher bundle, kept in the records folder under {@code teachers/seed-<s>/}:
 * its students need it, so another machine that continues the records must continue
 * with the same teacher. Copies go through a {@code .part} folder, so that a killed run
 * never leaves half a bundle where a student would load it.
 */
final class KeptTeachers {

	private final Path recordsDir;
	private final ExperimentRunner.Listener listener;

	KeptTeachers(Path recordsDir, ExperimentRunner.Listener listener) {
		this.recordsDir = recordsDir;
		this.listener = listener;
	}

	/** The recorded teacher bundle of {@code seed} in the records folder. */
	private Path kept(long seed) {
		return OutputPaths.inside(OutputPaths.inside(recordsDir, ExperimentRunner.TEACHERS_DIR), "seed-" + seed);
	}

	/** Copies a finished teacher into the records folder, where another machine finds it. */
	void keep(long seed, Path bundle) throws IOException {
		Path kept = kept(seed);
		if (kept.toAbsolutePath().normalize().equals(bundle.toAbsolutePath().normalize())) {
			return;
		}
		Path temp = kept.resolveSibling(kept.getFileName() + ".part");
		AtomicDirectory.deleteTree(temp);
		FolderCopy.copy(bundle, temp);
		AtomicDirectory.deleteTree(kept);
		Files.move(temp, kept);
	}

	/** Puts the recorded teacher of {@code seed} where its students look for it, when the work folder lacks it. */
	void restore(long seed, Path teacher, ExperimentRecords records) throws IOException {
		if (Files.isDirectory(teacher) || !records.done(seed, ExperimentDesign.TEACHER)) {
			return;
		}
		Path kept = kept(seed);
		if (!Files.isDirectory(kept)) {
			throw new IllegalArgumentException(recordsDir + " records the teacher of seed " + seed + " but holds no "
				+ ExperimentRunner.TEACHERS_DIR + "/seed-" + seed
				+ " bundle for its students; restore it, or delete that seed's records");
		}
		listener.message("seed " + seed + ": the recorded teacher from " + kept);
		Path temp = teacher.resolveSibling(teacher.getFileName() + ".part");
		AtomicDirectory.deleteTree(temp);
		FolderCopy.copy(kept, temp);
		Files.move(temp, teacher);
	}
}

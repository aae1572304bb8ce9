/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.modalitykd.io.AtomicFile;

/**
 * The one line in a records folder that says which plan its records belong to, so that
 * records of two plans (sizes, steps, seeds' design, unpaired or not) are never mixed,
 * whether by a rerun, a report or a merge.
 */
public final class PlanFile {

	public static final String NAME = "plan.txt";

	private PlanFile() {
	}

	/** The plan recorded in {@code dir}, without its line end; empty when none is. */
	public static Optional<String> read(Path dir) throws IOException {
		Path file = dir.resolve(NAME);
		return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
			: Optional.empty();
	}

	/**
	 * @throws IllegalArgumentException when {@code dir} records another plan than {@code plan};
	 *     the message ends with {@code advice}, what the user should do
	 */
	public static void requireSame(Path dir, String plan, String advice) throws IOException {
		Optional<String> recorded = read(dir);
		if (recorded.isPresent() && !recorded.get().equals(plan.strip())) {
			throw new IllegalArgumentException(dir + " holds the records of another plan (" + recorded.get() + "); " + advice);
		}
	}

	/** Records {@code plan} in {@code dir} unless a plan is recorded there already. */
	public static void writeIfAbsent(Path dir, String plan) throws IOException {
		if (read(dir).isEmpty()) {
			AtomicFile.writeString(dir.resolve(NAME), plan.strip() + "\n");
		}
	}
}

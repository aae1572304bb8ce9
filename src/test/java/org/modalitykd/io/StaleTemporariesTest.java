/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clean-up of temporary files with real processes: only the leftover of a writer killed
 * with SIGKILL goes; the files of a writer alive in another process or in this one stay,
 * and both writers still finish their outputs afterwards.
 */
class StaleTemporariesTest {

	@TempDir
	Path dir;

	private List<String> tempFiles() throws IOException {
		return AtomicOutputTest.tempFiles(dir);
	}

	@Test
	void removesOnlyTheFilesOfDeadWriters() throws Exception {
		TempFileHolder.kill(TempFileHolder.holding(dir.resolve("killed.nii.gz"), dir.resolveSibling("killed.log")));
		List<String> leftover = tempFiles();
		assertEquals(1, leftover.size(), "SIGKILL leaves the temporary file: " + leftover);

		Process alive = TempFileHolder.holding(dir.resolve("other-shard.nii.gz"), dir.resolveSibling("alive.log"));
		Files.writeString(dir.resolve("notes.part"), "not hidden: not ours");
		Files.writeString(dir.resolve(".settings"), "hidden, not a temporary name");
		Path sub = Files.createDirectories(dir.resolve("sub"));
		Files.writeString(sub.resolve(".x.nii.gz.abc123.part"), "in a sub-folder: not touched");
		try (AtomicFile mine = AtomicFile.create(dir.resolve("mine.nii"))) {
			mine.stream().write(new byte[1000]);
			mine.stream().flush();
			assertEquals(3, tempFiles().size());

			StaleTemporaries.Outcome o = StaleTemporaries.removeIn(dir);
			assertEquals(List.of(dir.resolve(leftover.get(0)).toAbsolutePath().normalize()), o.removed());
			assertEquals(List.of(), o.unchecked());
			assertEquals(2, tempFiles().size(), "the live writers' files stay");

			// A cleaner in a third process: this JVM's lock must have survived the clean-up above
			// (closing any descriptor of a file drops the process's locks on it).
			TempFileHolder.assertOtherCleanerRemovesNothing(dir);
			mine.commit();
		}
		TempFileHolder.commit(alive, dir.resolveSibling("alive.log"));
		assertEquals(TempFileHolder.BYTES, Files.size(dir.resolve("other-shard.nii.gz")), "the other writer finished");
		assertEquals(1000, Files.size(dir.resolve("mine.nii")));
		assertEquals(List.of(), tempFiles());
		assertTrue(Files.exists(dir.resolve("notes.part")) && Files.exists(dir.resolve(".settings"))
			&& Files.exists(sub.resolve(".x.nii.gz.abc123.part")), "nothing else is touched");
	}

	@Test
	void anEmptyUnlockedFileIsRemovedOnlyOnceItIsNoLongerNew() throws IOException {
		// Empty and unlocked: a writer may be between creating and locking it, so the clean-up
		// waits out the grace period and looks again before removing it.
		Path fresh = Files.createFile(dir.resolve(".fresh.nii.gz.k3j2.part"));
		Path old = Files.createFile(dir.resolve(".old.nii.gz.9zz.part"));
		Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
		long t0 = System.nanoTime();
		StaleTemporaries.Outcome o = StaleTemporaries.removeIn(dir);
		long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
		assertEquals(List.of(fresh.toAbsolutePath().normalize(), old.toAbsolutePath().normalize()), o.removed());
		assertTrue(waited >= StaleTemporaries.GRACE_MILLIS - 1000, "looked again after the grace period: " + waited + " ms");
	}
}

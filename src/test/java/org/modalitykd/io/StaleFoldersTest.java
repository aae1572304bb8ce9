/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary folders of {@link AtomicDirectory} (model bundles, checkpoints) with real
 * processes: a writer SIGKILLed mid-write leaves its folder and lock file, which the next
 * clean-up removes; a live writer's folder (in another process or in this one) stays and
 * still commits.
 */
class StaleFoldersTest {

	@TempDir
	Path dir;

	private List<String> hidden() throws IOException {
		return AtomicOutputTest.names(dir).stream().filter(n -> n.startsWith(".")).toList();
	}

	@Test
	void removesOnlyTheFoldersOfDeadWriters() throws Exception {
		TempFileHolder.kill(TempFileHolder.holdingFolder(dir.resolve("checkpoint"), dir.resolveSibling("killed.log")));
		List<String> leftover = hidden();
		assertEquals(2, leftover.size(), "SIGKILL leaves the temporary folder and its lock file: " + leftover);

		Process alive = TempFileHolder.holdingFolder(dir.resolve("bundle"), dir.resolveSibling("alive.log"));
		Path unrelated = Files.createDirectories(dir.resolve(".cache.d"));
		try (AtomicDirectory mine = AtomicDirectory.create(dir.resolve("validation-model"))) {
			Files.writeString(mine.path().resolve("x"), "x");
			assertEquals(7, hidden().size(), "three writers' folders and locks, one unrelated folder: " + hidden());

			StaleTemporaries.Outcome o = StaleTemporaries.removeIn(dir);
			assertEquals(2, o.removed().size(), "the killed writer's folder and lock: " + o.removed());
			assertTrue(o.removed().stream().map(p -> p.getFileName().toString()).toList().containsAll(leftover));
			assertEquals(5, hidden().size(), "the live writers' folders stay: " + hidden());

			// A cleaner in another process must not break this JVM's lock either.
			TempFileHolder.assertOtherCleanerRemovesNothing(dir);
			mine.commit();
		}
		TempFileHolder.commit(alive, dir.resolveSibling("alive.log"));
		assertEquals(TempFileHolder.BYTES, Files.size(dir.resolve("bundle/weights.bin")), "the other writer finished");
		assertEquals("x", Files.readString(dir.resolve("validation-model/x")));
		assertEquals(List.of(".cache.d"), hidden(), "no lock file left, the unrelated folder untouched");
		assertTrue(Files.isDirectory(unrelated));
	}

	@Test
	void aWriterKilledWhileReplacingAFolderGetsTheOldOnePutBack() throws Exception {
		Path bundle = Files.createDirectories(dir.resolve("bundle"));
		Files.writeString(bundle.resolve("model-card.json"), "old");
		// As a writer killed between setting the old folder aside and renaming the new one leaves it.
		TempFileHolder.kill(TempFileHolder.holdingFolder(bundle, dir.resolveSibling("killed.log")));
		String temp = hidden().stream().filter(n -> !n.endsWith(".lock")).findFirst().orElseThrow();
		Files.move(bundle, dir.resolve(temp + ".old"));
		assertFalse(Files.exists(bundle));

		StaleTemporaries.removeIn(dir);
		assertEquals("old", Files.readString(bundle.resolve("model-card.json")), "the old bundle is back");
		assertEquals(List.of(), hidden());
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set of outputs appears whole or not at all, and a failure leaves the older files as they were. */
class OutputSetTest {

	@TempDir
	Path tmp;

	@Test
	void aFailureWhileWritingAnyFileLeavesNoneOfTheSet() throws IOException {
		Path labels = Files.writeString(tmp.resolve("seg.nii.gz"), "old labels");
		Path provenance = tmp.resolve("seg.provenance.json");
		IOException e = assertThrows(IOException.class, () -> {
			try (OutputSet set = new OutputSet()) {
				set.writeString(labels, "new labels");
				set.create(tmp.resolve("seg_probabilities.nii.gz")).stream().write(new byte[1000]);
				// The writer of the third file fails (as a full disk or an I/O error would).
				throw new IOException("injected failure");
			}
		});
		assertEquals("injected failure", e.getMessage());
		assertEquals("old labels", Files.readString(labels), "the older file is untouched");
		assertEquals(List.of("seg.nii.gz"), AtomicOutputTest.names(tmp), "nothing new, no temporary file");
		assertFalse(Files.exists(provenance));
	}

	@Test
	void aFolderInTheWayOfOneFileStopsTheSetBeforeAnyRename() throws IOException {
		Path labels = Files.writeString(tmp.resolve("seg.nii.gz"), "old labels");
		Files.createDirectory(tmp.resolve("seg.provenance.json"));
		NiftiException e = assertThrows(NiftiException.class, () -> {
			try (OutputSet set = new OutputSet()) {
				set.writeString(labels, "new labels");
				set.writeString(tmp.resolve("seg.provenance.json"), "{}");
				set.commit();
			}
		});
		assertTrue(e.getMessage().contains("a folder has that name"), e.getMessage());
		assertEquals("old labels", Files.readString(labels));
		assertEquals(List.of("seg.nii.gz", "seg.provenance.json"), AtomicOutputTest.names(tmp));
	}

	@Test
	void allFilesAppearOnCommit() throws IOException {
		try (OutputSet set = new OutputSet()) {
			set.writeString(tmp.resolve("a.txt"), "a");
			set.writeString(tmp.resolve("b.txt"), "b");
			assertEquals(List.of(), AtomicOutputTest.names(tmp).stream().filter(n -> !n.startsWith(".")).toList());
			set.commit();
		}
		assertEquals("a", Files.readString(tmp.resolve("a.txt")));
		assertEquals("b", Files.readString(tmp.resolve("b.txt")));
		assertEquals(List.of("a.txt", "b.txt"), AtomicOutputTest.names(tmp));
	}

	/**
	 * A real full disk: a 64 kB tmpfs (needs the right to mount, e.g. root in a container;
	 * skipped elsewhere). The first file fits, the second does not: neither appears.
	 */
	@Test
	void aFullDiskLeavesNoneOfTheSet() throws IOException, InterruptedException {
		Path small = Files.createDirectory(tmp.resolve("small"));
		assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString()), "cannot mount a tmpfs here");
		try {
			Path labels = Files.writeString(small.resolve("seg.nii.gz"), "old labels");
			IOException e = assertThrows(IOException.class, () -> {
				try (OutputSet set = new OutputSet()) {
					set.writeString(labels, "new labels");
					set.create(small.resolve("seg_probabilities.nii.gz")).stream().write(new byte[1 << 20]);
					set.writeString(small.resolve("seg.provenance.json"), "{}");
					set.commit();
				}
			});
			assertTrue(e.getMessage().contains("No space left") || e.getMessage().contains("disk full"), e.getMessage());
			assertEquals("old labels", Files.readString(labels));
			assertEquals(List.of("seg.nii.gz"), AtomicOutputTest.names(small), "nothing new, no temporary file");
		} finally {
			run("umount", small.toString());
		}
	}

	private static boolean run(String... command) throws IOException, InterruptedException {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
		} catch (IOException e) {
			return false;
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output appears under its name complete or not at all: a failed conversion or write
 * leaves neither the target nor a temporary file, and never damages an existing file.
 */
class AtomicOutputTest {

	@TempDir
	Path dir;

	// ---- NiftiConverter on bad input ----------------------------------------------------

	@Test
	void outputsGetTheSamePermissionsAsAnyNewFile() throws IOException {
		// The umask decides, as for every other program: no private 0600 files on a shared disk.
		Path plain = Files.createFile(dir.resolve("plain.txt"));
		Path atomic = dir.resolve("atomic.txt");
		try (AtomicFile out = AtomicFile.create(atomic)) {
			out.stream().write(1);
			out.commit();
		}
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));

		Path plainDir = Files.createDirectory(dir.resolve("plain-dir"));
		Path atomicDir = dir.resolve("atomic-dir");
		try (AtomicDirectory out = AtomicDirectory.create(atomicDir)) {
			Files.writeString(out.path().resolve("x.txt"), "x");
			out.commit();
		}
		assertEquals(Files.getPosixFilePermissions(plainDir), Files.getPosixFilePermissions(atomicDir));
	}

	@Test
	void convertingACorruptInputLeavesNoOutputAndNoTempFiles() throws IOException {
		Path in = valid(dir.resolve("in.nii"));
		NiftiDamage.patch(in, NiftiDamage.DIM, NiftiDamage.int16(9));
		for (String out : List.of("out.nii", "out.nii.gz", "out.hdr", "out.img.gz")) {
			Path target = dir.resolve(out);
			assertThrows(NiftiException.class, () -> converter().convert(in, target, null, null), out);
			assertEquals(List.of("in.nii"), names(dir), "after converting to " + out);
		}
	}

	@Test
	void convertingATruncatedInputLeavesNoOutputAndNoTempFiles() throws IOException {
		Path in = valid(dir.resolve("in.nii.gz"));
		NiftiDamage.truncate(in, Files.size(in) / 2);
		Path out = dir.resolve("out.nii");
		NiftiException e = assertThrows(NiftiException.class, () -> converter().convert(in, out, NiftiDatatype.FLOAT32, null));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		assertEquals(List.of("in.nii.gz"), names(dir));
	}

	@Test
	void convertingACorruptInputKeepsAnExistingOutput() throws IOException {
		Path in = valid(dir.resolve("in.nii"));
		Path out = dir.resolve("out.nii");
		Files.copy(in, out);
		byte[] before = Files.readAllBytes(out);
		NiftiDamage.truncate(in, 400);
		assertThrows(NiftiException.class, () -> converter().convert(in, out, null, null));
		assertArrayEquals(before, Files.readAllBytes(out));
		assertEquals(List.of("in.nii", "out.nii"), names(dir));
	}

	@Test
	void convertingOntoTheInputItselfIsRefused() throws IOException {
		Path in = valid(dir.resolve("in.nii"));
		byte[] before = Files.readAllBytes(in);
		NiftiException e = assertThrows(NiftiException.class, () -> converter().convert(in, in, null, null));
		assertTrue(e.getMessage().contains("input"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(in));
		assertEquals(List.of("in.nii"), names(dir));
	}

	@Test
	void convertingToAnUnknownSuffixIsRefused() throws IOException {
		Path in = valid(dir.resolve("in.nii"));
		Path out = dir.resolve("out.tif");
		NiftiException e = assertThrows(NiftiException.class, () -> converter().convert(in, out, null, null));
		assertTrue(e.getMessage().contains("out.tif") && e.getMessage().contains("unknown file type"), e.getMessage());
		assertEquals(List.of("in.nii"), names(dir));
	}

	// ---- where the writer cannot write --------------------------------------------------

	@Test
	void writingIntoAFolderThatDoesNotExistFails() throws IOException {
		Path missing = dir.resolve("no_such_folder");
		for (String out : List.of("out.nii", "out.nii.gz", "out.hdr")) {
			Path target = missing.resolve(out);
			NiftiException e = assertThrows(NiftiException.class, () -> write(target), out);
			// A pair may be named by the .img it writes first; the folder is the problem.
			assertOneLineNaming(e, "no_such_folder", "does not exist");
			assertTrue(e.getMessage().contains("out."), e.getMessage());
		}
		assertFalse(Files.exists(missing));
		assertEquals(List.of(), names(dir));
	}

	@Test
	void convertingIntoAFolderThatDoesNotExistFails() throws IOException {
		Path in = valid(dir.resolve("in.nii"));
		Path out = dir.resolve("no_such_folder").resolve("out.nii.gz");
		NiftiException e = assertThrows(NiftiException.class, () -> converter().convert(in, out, null, null));
		assertOneLineNaming(e, "out.nii.gz", "does not exist");
		assertEquals(List.of("in.nii"), names(dir));
	}

	@Test
	void writingIntoAReadOnlyFolderFailsAndLeavesNothing() throws IOException {
		Path locked = Files.createDirectory(dir.resolve("locked"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			assumeFalse(Files.isWritable(locked),
				"permissions are not enforced for this user (running as root?): the read-only folder check cannot run");
			for (String out : List.of("out.nii", "out.nii.gz", "out.hdr")) {
				NiftiException e = assertThrows(NiftiException.class, () -> write(locked.resolve(out)), out);
				assertOneLineNaming(e, "locked", "permission");
				assertTrue(e.getMessage().contains("out."), e.getMessage()); // out.hdr or the out.img of its pair
				assertEquals(List.of(), names(locked), "after writing " + out);
			}
		} finally {
			Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void writingOverAnExistingFolderFailsCleanly() throws IOException {
		// The rename at commit fails: the message must still be a NiftiException, the folder
		// untouched, and no temporary file left.
		Path folder = Files.createDirectory(dir.resolve("out.nii"));
		Files.writeString(folder.resolve("keep.txt"), "keep");
		NiftiException e = assertThrows(NiftiException.class, () -> write(folder));
		assertOneLineNaming(e, "out.nii", "folder", "directory");
		assertEquals(List.of("out.nii"), names(dir));
		assertEquals(List.of("keep.txt"), names(folder));
	}

	@Test
	void failedPairWriteLeavesNeitherHalf() throws IOException {
		// out.hdr cannot be renamed into place (a folder has that name): the .img must not
		// stay behind alone, since an .img without its .hdr is a broken image.
		Path blocker = Files.createDirectory(dir.resolve("out.hdr"));
		Files.writeString(blocker.resolve("keep.txt"), "keep");
		assertThrows(NiftiException.class, () -> write(dir.resolve("out.hdr")));
		assertEquals(List.of("out.hdr"), names(dir), "no out.img and no temporary file");
	}

	// ---- AtomicFile itself --------------------------------------------------------------

	@Test
	void failureBeforeCommitLeavesNoTargetAndNoTempFile() throws IOException {
		Path target = dir.resolve("out.nii");
		RuntimeException injected = new RuntimeException("injected failure");
		RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
			try (AtomicFile out = AtomicFile.create(target)) {
				out.stream().write(new byte[100_000]);
				out.stream().flush();
				assertFalse(Files.exists(target), "nothing appears under the target name before commit");
				assertEquals(1, tempFiles(dir).size(), "the bytes go to one temporary file beside the target");
				throw injected;
			}
		});
		assertEquals(injected, thrown);
		assertFalse(Files.exists(target));
		assertEquals(List.of(), names(dir), "the temporary file is gone");
	}

	@Test
	void failureBeforeCommitLeavesAnExistingTargetUntouched() throws IOException {
		Path target = dir.resolve("out.nii");
		byte[] old = "the previous, complete file".getBytes();
		Files.write(target, old);
		assertThrows(UncheckedIOException.class, () -> {
			try (AtomicFile out = AtomicFile.create(target)) {
				out.stream().write(new byte[] { 1, 2, 3 });
				out.stream().flush();
				throw new UncheckedIOException(new IOException("injected: disk full"));
			}
		});
		assertArrayEquals(old, Files.readAllBytes(target));
		assertEquals(List.of("out.nii"), names(dir));
	}

	@Test
	void closeWithoutCommitDeletesTheTempFile() throws IOException {
		Path target = dir.resolve("out.nii.gz");
		try (AtomicFile out = AtomicFile.create(target)) {
			out.stream().write(42);
		}
		assertEquals(List.of(), names(dir));
	}

	@Test
	void commitReplacesTheTargetAndLeavesNoTempFile() throws IOException {
		Path target = dir.resolve("out.nii");
		Files.writeString(target, "old");
		try (AtomicFile out = AtomicFile.create(target)) {
			out.stream().write("new".getBytes());
			out.commit();
		}
		assertEquals("new", Files.readString(target));
		assertEquals(List.of("out.nii"), names(dir));
	}

	@Test
	void atomicFileInAMissingFolderFails() {
		Path target = dir.resolve("missing").resolve("out.nii");
		NiftiException e = assertThrows(NiftiException.class, () -> AtomicFile.create(target));
		assertOneLineNaming(e, "out.nii", "does not exist");
	}

	@Test
	void writerFailureOnBadArgumentsLeavesNothing() throws IOException {
		// A shape that does not match the values is refused before any file is opened.
		NiftiHeader h = new NiftiHeader().setShape(5, 4, 3);
		VoxelArray tooFew = VoxelArray.allocate(NiftiDatatype.INT16, 7);
		assertThrows(IllegalArgumentException.class, () -> new NiftiWriter().write(h, tooFew, dir.resolve("out.nii")));
		assertEquals(List.of(), names(dir));
	}

	// ---- helpers ------------------------------------------------------------------------

	static NiftiConverter converter() {
		return new NiftiConverter(new NiftiReader());
	}

	/** Writes a valid 5x4x3 int16 image to {@code target}; returns it. */
	static Path write(Path target) throws IOException {
		NiftiHeader h = new NiftiHeader().setShape(5, 4, 3);
		VoxelArray values = VoxelArray.allocate(NiftiDatatype.INT16, 60);
		for (int i = 0; i < 60; i++) {
			values.set(i, i * 7 - 100);
		}
		new NiftiWriter().write(h, values, target);
		return target;
	}

	static Path valid(Path target) throws IOException {
		write(target);
		new NiftiReader().read(target);
		return target;
	}

	/** The sorted names in a folder, hidden temporary files included. */
	static List<String> names(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	static List<String> tempFiles(Path folder) throws IOException {
		return names(folder).stream().filter(n -> n.startsWith(".") && n.endsWith(".part")).toList();
	}

	static void assertOneLineNaming(NiftiException e, String fileName, String... anyOf) {
		String m = e.getMessage();
		assertTrue(m.contains(fileName), () -> "the message does not name " + fileName + ": " + m);
		assertFalse(m.contains("\n") || m.contains("\r"), () -> "the message is not one line: " + m);
		String lower = m.toLowerCase(Locale.ROOT);
		assertTrue(Stream.of(anyOf).anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT))),
			() -> "the message says none of " + List.of(anyOf) + ": " + m);
	}
}

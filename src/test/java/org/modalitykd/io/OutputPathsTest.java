/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-path rules: safe case ids, names that stay in their folder, inputs and existing files refused. */
class OutputPathsTest {

	@TempDir
	Path tmp;

	@Test
	void caseIdsAreHeldToCharactersThatAreNoPath() {
		for (String ok : List.of("BraTS19_2013_2_1", "p-001", "a.b", "0", "synth_0001")) {
			assertTrue(OutputPaths.isSafeCaseId(ok), ok);
		}
		for (String bad : List.of("../../x", "..", ".", ".hidden", "/abs/path", "a/b", "a\\b", "a b", "x\ny", "", "ä",
			"a:b", "a*", "x".repeat(201))) {
			assertFalse(OutputPaths.isSafeCaseId(bad), bad);
		}
	}

	@Test
	void aNameThatLeavesItsFolderIsRefusedWhateverItResolvesTo() {
		Path out = tmp.resolve("out");
		assertEquals(out.resolve("p1.nii.gz").toAbsolutePath(), OutputPaths.inside(out, "p1.nii.gz"));
		for (String bad : List.of("../x.nii.gz", "../../x.nii.gz", "/etc/x.nii.gz", "a/../../x", "..", ".", "")) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputPaths.inside(out, bad), bad);
			assertTrue(e.getMessage().contains("would leave the output folder"), e.getMessage());
		}
	}

	@Test
	void anInputUnderAnyNameIsRefusedAsOutput() throws IOException {
		Path input = Files.writeString(tmp.resolve("p1_t1.nii.gz"), "scan");
		Path link = Files.createSymbolicLink(tmp.resolve("link.nii.gz"), input);
		Path hard = Files.createLink(tmp.resolve("hard.nii.gz"), input);
		for (Path same : List.of(input, Files.createDirectories(tmp.resolve("sub")).resolve("../p1_t1.nii.gz"), link, hard)) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> OutputPaths.requireNotInput(same, List.of(input)));
			assertTrue(e.getMessage().contains("is one of the inputs"), e.getMessage());
		}
		OutputPaths.requireNotInput(tmp.resolve("new.nii.gz"), List.of(input));
	}

	@Test
	void anExistingOutputIsReplacedOnlyWhenAllowed() throws IOException {
		Path old = Files.writeString(tmp.resolve("report.csv"), "old");
		FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
			() -> OutputPaths.prepare(old, List.of(), false, "--overwrite"));
		assertEquals(old + ": exists already; choose another name, or replace it with --overwrite", e.getMessage());
		OutputPaths.prepare(old, List.of(), true, "--overwrite");
		NiftiException missing = assertThrows(NiftiException.class,
			() -> OutputPaths.prepare(tmp.resolve("none/x.csv"), List.of(), false, "--overwrite"));
		assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
	}

	@Test
	void manifestAndFolderCaseIdsThatAreNoSafeNameAreRefused() throws IOException {
		Path csv = tmp.resolve("cases.csv");
		for (String id : List.of("../../x", "/tmp/abs", "a/b", ".hidden")) {
			Files.writeString(csv, "case_id,modality,path\n" + id + ",t1,p1_t1.nii.gz\n");
			NiftiException e = assertThrows(NiftiException.class, () -> Manifest.read(csv), id);
			assertTrue(e.getMessage().contains("line 2: case id '" + id + "' is not allowed"), e.getMessage());
		}
		Path dir = Files.createDirectories(tmp.resolve("case"));
		Files.writeString(dir.resolve("my scan_t1.nii.gz"), "");
		NiftiException e = assertThrows(NiftiException.class, () -> BratsLayout.caseIn(dir));
		assertTrue(e.getMessage().contains("case id 'my scan' is not allowed"), e.getMessage());
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status CSV stays whole lines: torn tails are cut off, a missing header is written. */
class StatusLogTest {

	private static final String HEADER = "case_id,status";

	@TempDir
	Path tmp;

	@Test
	void aNewLogGetsItsHeaderAndLinesAreAppendedWhole() throws IOException {
		Path f = tmp.resolve("status.csv");
		StatusLog.Opened o = StatusLog.open(f, HEADER);
		assertEquals(Optional.empty(), o.repair());
		o.log().append("c1,done");
		StatusLog.open(f, HEADER).log().append("c2,done");
		assertEquals("case_id,status\nc1,done\nc2,done\n", Files.readString(f));
	}

	@Test
	void aTornLastLineIsDroppedAndNamed() throws IOException {
		Path f = Files.writeString(tmp.resolve("status.csv"), "case_id,status\nc1,done\nc2,do");
		StatusLog.Opened o = StatusLog.open(f, HEADER);
		assertEquals(Optional.of("dropped a torn last line of status.csv: \"c2,do\""), o.repair());
		o.log().append("c2,done");
		assertEquals("case_id,status\nc1,done\nc2,done\n", Files.readString(f));
	}

	@Test
	void anEmptyOrTornHeaderIsWrittenAgain() throws IOException {
		Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
		assertEquals(Optional.empty(), StatusLog.open(empty, HEADER).repair());
		assertEquals("case_id,status\n", Files.readString(empty));
		Path torn = Files.writeString(tmp.resolve("torn.csv"), "case_i");
		assertTrue(StatusLog.open(torn, HEADER).repair().isPresent());
		assertEquals("case_id,status\n", Files.readString(torn));
	}

	@Test
	void aLongLogIsRepairedAcrossReadBlocks() throws IOException {
		String whole = HEADER + "\n" + "c,done\n".repeat(3000);
		Path f = Files.writeString(tmp.resolve("status.csv"), whole + "x".repeat(9000));
		assertTrue(StatusLog.open(f, HEADER).repair().orElseThrow().startsWith("dropped a torn last line"));
		assertEquals(whole, Files.readString(f));
	}

	@Test
	void aLineBreakInALineIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> StatusLog.open(tmp.resolve("s.csv"), HEADER).log().append("a\nb"));
	}
}

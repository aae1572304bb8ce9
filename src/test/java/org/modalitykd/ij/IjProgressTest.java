/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import ij.IJ;

/** ImageJ's adapter of the task contract: Esc asks the work to stop, and it stops at its next step. */
class IjProgressTest {

	@Test
	void escapeIsACancelRequestThatTheWorkSees() {
		IjProgress progress = new IjProgress("Segmenting case");
		progress.progress(0.25, "case: 1/4 windows");
		assertFalse(progress.cancelRequested());
		progress.stopIfCancelled("after 1 of 4 windows");
		IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		try {
			assertTrue(progress.cancelRequested());
			CancellationException e = assertThrows(CancellationException.class,
				() -> progress.stopIfCancelled("after 2 of 4 windows"));
			assertEquals("cancelled after 2 of 4 windows", e.getMessage());
			assertFalse(Thread.currentThread().isInterrupted(), "the task contract stops without interrupting");
		} finally {
			IJ.resetEscape();
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.modalitykd.io.MemoryNeed;

/** The out-of-memory line: which memory ran out, how much is needed, which option gives it. */
class MemoryAdviceTest {

	private static final long MB = 1L << 20;

	@Test
	void theJavaHeapAndJavaCppsCapAreToldApartAndTheSizeIsRoundedUp() {
		MemoryNeed.Note note = new MemoryNeed.Note("case p1 (240x240x155 voxels x 4 modalities)", 850 * MB);
		String heap = MemoryAdvice.describe(new OutOfMemoryError("Java heap space"), 512 * MB, Optional.of(note));
		assertTrue(heap.startsWith("out of memory (Java heap) with case p1 (240x240x155 voxels x 4 modalities): Java may use "
			+ "512 MB (-Xmx) and this needs about 850 MB; run with MODALITYKD_JAVA_OPTS=-Xmx2g"), heap);
		assertFalse(heap.contains("\n"));
		String jcpp = MemoryAdvice.describe(new OutOfMemoryError("Failed to allocate memory within limits: totalBytes "
			+ "(60M + 8M) > maxBytes (64M)"), 64 * MB, Optional.empty());
		assertTrue(jcpp.contains("(TensorFlow's native memory, capped by JavaCPP)") && jcpp.contains("needs about 128 MB")
			&& jcpp.contains("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"), jcpp);
		assertEquals("256m", MemoryAdvice.size(180 * MB));
		assertEquals("1024m", MemoryAdvice.size(1000 * MB));
		assertEquals("4g", MemoryAdvice.size(3200 * MB));
	}
}

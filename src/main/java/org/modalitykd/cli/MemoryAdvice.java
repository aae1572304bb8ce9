/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.util.Locale;
import java.util.Optional;

import org.modalitykd.io.MemoryNeed;

/**
 * The one line an {@link OutOfMemoryError} becomes: what ran out (the Java heap, or the
 * native memory that JavaCPP lets TensorFlow take), how much the work needed as far as
 * the loaders could tell ({@link MemoryNeed}), and the option that gives more.
 */
final class MemoryAdvice {

	private MemoryAdvice() {
	}

	static String describe(OutOfMemoryError e) {
		return describe(e, Runtime.getRuntime().maxMemory(), MemoryNeed.last());
	}

	static String describe(OutOfMemoryError e, long maxHeap, Optional<MemoryNeed.Note> note) {
		String message = String.valueOf(e.getMessage());
		// JavaCPP caps what TensorFlow allocates natively: "... totalBytes (...) > maxBytes (...)" or
		// "physicalBytes (...) > maxPhysicalBytes (...)". Both caps default to values tied to -Xmx.
		boolean javacpp = message.contains("maxBytes") || message.contains("physicalBytes");
		long needed = note.map(MemoryNeed.Note::bytes).filter(b -> b > maxHeap).orElse(2 * maxHeap);
		String give = "-Xmx" + size(needed * 5 / 4);
		StringBuilder s = new StringBuilder("out of memory");
		s.append(javacpp ? " (TensorFlow's native memory, capped by JavaCPP)" : " (Java heap)");
		note.ifPresent(n -> s.append(" with ").append(n.what()));
		s.append(String.format(Locale.ROOT, ": Java may use %s (-Xmx) and this needs about %s; run with "
			+ "MODALITYKD_JAVA_OPTS=%s (scripts/modalitykd passes it to Java)", human(maxHeap), human(needed), give));
		s.append(javacpp
			? "; JavaCPP's limits -Dorg.bytedeco.javacpp.maxBytes and -Dorg.bytedeco.javacpp.maxPhysicalBytes default to values "
				+ "derived from -Xmx: raise them the same way, e.g. MODALITYKD_JAVA_OPTS=\"" + give
				+ " -Dorg.bytedeco.javacpp.maxPhysicalBytes=0\" (0: no cap)"
			: "; TensorFlow's native memory is capped separately by JavaCPP (-Dorg.bytedeco.javacpp.maxBytes and "
				+ "maxPhysicalBytes, by default derived from -Xmx)");
		s.append(", or crop the images");
		return s.toString();
	}

	/** A size for -Xmx, rounded up: 768m, 2g. */
	static String size(long bytes) {
		long mb = (bytes + (1 << 20) - 1) >> 20;
		if (mb <= 1024) {
			return ((mb + 255) / 256 * 256) + "m";
		}
		return ((mb + 1023) / 1024) + "g";
	}

	private static String human(long bytes) {
		return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
			: String.format(Locale.ROOT, "%d MB", bytes >> 20);
	}
}

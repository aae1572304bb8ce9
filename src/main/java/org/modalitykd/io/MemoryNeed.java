/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.util.Optional;

/**
 * What the program was about to hold in memory, so that an {@link OutOfMemoryError}
 * can be reported with the memory it needed instead of a stack trace: the loaders note
 * each case's size as they learn it from the headers, before any voxel is read.
 */
public final class MemoryNeed {

	/**
	 * Bytes per voxel to segment a case of {@code c} modalities: the images as read, as
	 * normalised and as cropped (3 float copies), and for the 4 classes the blended
	 * probabilities and their weights (8 floats), plus the labels.
	 */
	static long bytesPerVoxel(int channels) {
		return 12L * channels + 32 + 8 + 1;
	}

	/** The Java heap the JVM itself, the model and TensorFlow's bookkeeping take besides the data. */
	public static final long BASE_BYTES = 64L << 20;

	/**
	 * A note: what was going on and how many bytes of Java heap it needs in all.
	 *
	 * @param what  e.g. "a case of 240x240x155 voxels x 4 modalities"
	 * @param bytes the estimate, {@link #BASE_BYTES} included
	 */
	public record Note(String what, long bytes) {
	}

	private static volatile Note last;

	private MemoryNeed() {
	}

	/** Notes that {@code what} needs about {@code dataBytes} on top of {@link #BASE_BYTES}. */
	public static void note(String what, long dataBytes) {
		last = new Note(what, BASE_BYTES + dataBytes);
	}

	/** Notes a case of {@code voxels} voxels and {@code channels} modalities. */
	public static void noteCase(String what, long voxels, int channels) {
		note(what, voxels * bytesPerVoxel(channels));
	}

	/** The latest note, if any. */
	public static Optional<Note> last() {
		return Optional.ofNullable(last);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** NIfTI file names: the three flavours, their gzip variants, and how to open them. */
public final class NiftiFiles {

	private static final String[] SUFFIXES = { ".nii.gz", ".nii", ".hdr.gz", ".hdr", ".img.gz", ".img" };

	/**
	 * Where a NIfTI image lives.
	 *
	 * @param header     the .nii or .hdr file
	 * @param data       the file holding the voxel values (the same as header for .nii)
	 * @param singleFile true for .nii / .nii.gz
	 */
	public record Location(Path header, Path data, boolean singleFile) {
	}

	private NiftiFiles() {
	}

	/** True when the name ends in one of the NIfTI suffixes (case-insensitive). */
	public static boolean isNiftiName(Path file) {
		return suffixOf(file) != null;
	}

	/** The file name without its NIfTI suffix: {@code BraTS_001_t1} for {@code BraTS_001_t1.nii.gz}. */
	public static String stem(Path file) {
		String name = file.getFileName().toString();
		String suffix = suffixOf(file);
		return suffix == null ? name : name.substring(0, name.length() - suffix.length());
	}

	private static String suffixOf(Path file) {
		String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
		for (String s : SUFFIXES) {
			if (lower.endsWith(s) && lower.length() > s.length()) {
				return s;
			}
		}
		return null;
	}

	/**
	 * The files to write for a target name. A pair is named by either of its files;
	 * the other gets the sibling name with the same compression.
	 */
	public static Location forWriting(Path target) throws NiftiException {
		String suffix = suffixOf(target);
		if (suffix == null) {
			throw new NiftiException(target, "unknown file type; name the output .nii, .nii.gz, .hdr, .hdr.gz, .img or .img.gz");
		}
		if (suffix.startsWith(".nii")) {
			return new Location(target, target, true);
		}
		String gz = suffix.endsWith(".gz") ? ".gz" : "";
		Path dir = target.toAbsolutePath().getParent();
		String stem = stem(target);
		return new Location(dir.resolve(stem + ".hdr" + gz), dir.resolve(stem + ".img" + gz), false);
	}

	/** The existing files of an image named by its .nii, .hdr or .img (gzipped or not). */
	public static Location forReading(Path file) throws NiftiException {
		String suffix = suffixOf(file);
		if (!Files.exists(file)) {
			throw new NiftiException(file, "no such file");
		}
		if (Files.isDirectory(file)) {
			throw new NiftiException(file, "is a folder, not a NIfTI file");
		}
		if (suffix == null || suffix.startsWith(".nii")) {
			// Unknown suffixes are tried as single files: the magic will tell.
			return new Location(file, file, true);
		}
		Path dir = file.toAbsolutePath().getParent();
		String stem = stem(file);
		Path header = suffix.startsWith(".hdr") ? file : firstExisting(dir, stem, ".hdr");
		Path data = suffix.startsWith(".img") ? file : firstExisting(dir, stem, ".img");
		if (header == null) {
			throw new NiftiException(file, "the header " + stem + ".hdr is missing; a .img file needs its .hdr beside it");
		}
		if (data == null) {
			throw new NiftiException(file, "the voxel data file " + stem + ".img is missing; a .hdr header needs its .img beside it");
		}
		return new Location(header, data, false);
	}

	private static Path firstExisting(Path dir, String stem, String ext) {
		for (String candidate : new String[] { stem + ext, stem + ext + ".gz", stem + ext.toUpperCase(Locale.ROOT) }) {
			Path p = dir.resolve(candidate);
			if (Files.isRegularFile(p)) {
				return p;
			}
		}
		return null;
	}

	/**
	 * Opens a file for streaming, decompressing it when it starts with the gzip magic
	 * (whatever its name says). The caller closes the stream.
	 */
	static InputStream open(Path file) throws IOException {
		BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		in.mark(2);
		int b0 = in.read();
		int b1 = in.read();
		in.reset();
		if (b0 == 0x1f && b1 == 0x8b) {
			return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
		}
		return in;
	}

	/** True when the file starts with the gzip magic. */
	static boolean isGzip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.read() == 0x1f && in.read() == 0x8b;
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The rules every output path obeys, in one place for every command and front end: a
 * name built from data (a case id) stays inside its output folder, an output is never
 * one of the inputs it was computed from, and an existing output is replaced only when
 * the user said so.
 */
public final class OutputPaths {

	/**
	 * Case ids become file and folder names ({@code <out>/<id>.nii.gz}), so they are held to
	 * characters that mean nothing to a file system or a shell: letters, digits, '.', '_'
	 * and '-', not starting with '.' (no hidden names, no "..").
	 */
	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

	private OutputPaths() {
	}

	/** Whether {@code id} may name a case (and therefore a file). */
	public static boolean isSafeCaseId(String id) {
		return id != null && SAFE_ID.matcher(id).matches();
	}

	/**
	 * {@code id} if it may name a case.
	 *
	 * @param source the manifest or folder the id comes from, named in the error
	 * @throws NiftiException naming {@code source} when the id holds other characters
	 */
	public static String requireSafeCaseId(String id, Path source) throws NiftiException {
		if (!isSafeCaseId(id)) {
			throw new NiftiException(source, unsafeCaseId(id));
		}
		return id;
	}

	/** Why {@code id} cannot name a case, as a message. */
	public static String unsafeCaseId(String id) {
		return "case id '" + printable(id) + "' is not allowed: case ids become file names, so use only letters, "
			+ "digits, '.', '_' and '-' (not starting with '.'), at most 200 characters";
	}

	/**
	 * {@code folder/name}, normalised, after checking that it stays inside {@code folder}:
	 * a name holding "..", a separator or an absolute path is refused, whatever it resolves to.
	 *
	 * @throws IllegalArgumentException when the name would leave the folder
	 */
	public static Path inside(Path folder, String name) {
		Path base = folder.toAbsolutePath().normalize();
		Path resolved = base.resolve(name).normalize();
		if (name.isEmpty() || !resolved.startsWith(base) || resolved.equals(base)) {
			throw new IllegalArgumentException("the output name '" + printable(name) + "' would leave the output folder "
				+ base + "; refusing to write it");
		}
		return resolved;
	}

	/**
	 * Refuses an output that is one of {@code inputs} (compared as files, so another
	 * spelling, a link or a hard link of an input is caught too).
	 *
	 * @throws IllegalArgumentException naming the input
	 */
	public static void requireNotInput(Path output, Collection<Path> inputs) throws IOException {
		if (!Files.exists(output)) {
			return;
		}
		for (Path in : inputs) {
			if (in != null && Files.exists(in) && Files.isSameFile(output, in)) {
				throw new IllegalArgumentException(output + " is one of the inputs (" + in + "); choose another output name");
			}
		}
	}

	/**
	 * Refuses to replace an existing file or folder unless {@code overwrite}.
	 *
	 * @param how how the user allows it, for the message, e.g. "--overwrite"
	 * @throws FileAlreadyExistsException with a one-line message saying what to do
	 */
	public static void requireNew(Path output, boolean overwrite, String how) throws FileAlreadyExistsException {
		if (!overwrite && Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
			throw new FileAlreadyExistsException(output.toString(), null,
				"exists already; choose another name, or replace it with " + how);
		}
	}

	/**
	 * Everything to settle before a command computes {@code output}: its folder exists, it
	 * is none of {@code inputs}, it is new unless {@code overwrite}; and the temporary files
	 * that killed writers left in its folder are removed ({@link StaleTemporaries}).
	 *
	 * @param how how the user allows overwriting, for the message
	 * @return what the clean-up removed
	 */
	public static StaleTemporaries.Outcome prepare(Path output, Collection<Path> inputs, boolean overwrite, String how)
		throws IOException {
		Path folder = output.toAbsolutePath().normalize().getParent();
		if (!Files.isDirectory(folder)) {
			throw new NiftiException(output, "cannot be written: the folder " + folder + " does not exist");
		}
		requireNotInput(output, inputs);
		requireNew(output, overwrite, how);
		return StaleTemporaries.removeIn(folder);
	}

	/** Control characters shown as '?', so that an error stays one readable line. */
	private static String printable(String s) {
		return s == null ? "null" : s.replaceAll("\\p{Cntrl}", "?");
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read or written as NIfTI. The message is one line that names
 * the file and says what is wrong, fit to show to a user as it is.
 */
public class NiftiException extends IOException {

	private static final long serialVersionUID = 1L;

	public NiftiException(Path file, String problem) {
		super(file + ": " + problem);
	}

	public NiftiException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
	}
}

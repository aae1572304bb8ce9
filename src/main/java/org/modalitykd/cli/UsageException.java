/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.app.InvalidSettingException;

/** A command line that parses but asks for something impossible; exit status 2. */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}

	/** A step that reads the user's options and may refuse one. */
	interface Step<T, E extends Exception> {
		T get() throws E;
	}

	/** {@code step}'s result; an {@link IllegalArgumentException} from it becomes a usage error with its message. */
	static <T, E extends Exception> T ifIllegal(Step<T, E> step) throws E {
		try {
			return step.get();
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	/**
	 * {@code step}'s result; a setting the use-case layer refuses ({@link InvalidSettingException})
	 * becomes a usage error with its message, anything else stays what it is.
	 */
	static <T, E extends Exception> T ifInvalidSetting(Step<T, E> step) throws E {
		try {
			return step.get();
		} catch (InvalidSettingException e) {
			throw new UsageException(e.getMessage());
		}
	}
}

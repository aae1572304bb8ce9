/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

/**
 * A segmentation or evaluation option with a value that cannot work, refused before
 * anything is read or written; its message is one line saying what to give instead.
 * Front ends tell it apart from problems with the data (a usage error on the command line).
 */
public final class InvalidSettingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidSettingException(String message) {
		super(message);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

/** A GPU was asked for and none is usable. The message is one line for the user. */
public final class DeviceUnavailableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public DeviceUnavailableException(String message) {
		super(message);
	}
}

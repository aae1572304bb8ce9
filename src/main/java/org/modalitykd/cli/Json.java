/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON writer of the CLI: compact, nulls kept so that keys never vanish. */
final class Json {

	static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

	private Json() {
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by the build). */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String v = ModalityKdCli.class.getPackage().getImplementationVersion();
		return new String[] { "ModalityKD " + (v == null ? "(development build)" : v),
			"Java " + System.getProperty("java.version") };
	}
}

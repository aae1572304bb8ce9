/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --out DIR} with its {@code --overwrite}: the folder a command writes many files into (a mixin of batch, compare and synth). */
final class OutputFolder {

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
	Path folder;

	@Mixin
	OverwriteOption overwrite;

	/** Whether the outputs of an earlier run may be replaced. */
	boolean overwrite() {
		return overwrite.overwrite;
	}
}

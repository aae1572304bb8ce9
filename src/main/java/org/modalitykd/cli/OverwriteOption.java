/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.Option;

/**
 * {@code --overwrite}: whether the outputs of an earlier run may be replaced (a mixin of
 * every command that writes files; without it an existing output is refused before any work,
 * see {@link org.modalitykd.io.OutputPaths}).
 */
final class OverwriteOption {

	@Option(names = "--overwrite", description = "Replace the outputs of an earlier run (without it an existing output "
		+ "is refused and left as it is).")
	boolean overwrite;
}

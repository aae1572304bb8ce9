/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.Option;

/** How long the soak suite runs: forward passes, then training steps (a mixin of bench). */
final class SoakOptions {

	@Option(names = "--forwards", defaultValue = "1000", description = "Suite soak: forward passes (default: ${DEFAULT-VALUE}).")
	int forwards;

	@Option(names = "--steps", defaultValue = "200", description = "Suite soak: training steps (default: ${DEFAULT-VALUE}).")
	int steps;
}

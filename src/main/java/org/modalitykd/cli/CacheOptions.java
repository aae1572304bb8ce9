/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where training keeps its prepared cases and how many stay in memory (a mixin of TrainingOptions). */
final class CacheOptions {

	@Option(names = "--cache-mb", defaultValue = "1024", paramLabel = "MB",
		description = "MB of prepared training cases held in memory, the least recently used leaving first; 0 holds none "
			+ "(default: ${DEFAULT-VALUE}). It changes memory and speed, never what is trained (docs/training.md).")
	long cacheMb;

	@Option(names = "--prepared-dir", paramLabel = "DIR",
		description = "Where the training cases are kept prepared (cropped, normalised raw arrays; docs/training.md); "
			+ "give one folder to several runs on the same data to prepare it once (default: OUT.training/prepared).")
	Path preparedDir;
}

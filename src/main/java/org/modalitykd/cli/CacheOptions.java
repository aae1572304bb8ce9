/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where training keeps its prepared cases and how many stay in memory (a mixin of TrainingOptions). */
final class CacheOptions {

	@Mixin
	CacheSizeOption size;

	@Option(names = "--prepared-dir", paramLabel = "DIR",
		description = "Where the training cases are kept prepared (cropped, normalised raw arrays; docs/training.md); "
			+ "give one folder to several runs on the same data to prepare it once (default: OUT.training/prepared).")
	Path preparedDir;
}

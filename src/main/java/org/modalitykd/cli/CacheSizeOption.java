/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.Option;

/** {@code --cache-mb}: the memory a training's case cache may hold (a mixin of CacheOptions and experiment). */
final class CacheSizeOption {

	@Option(names = "--cache-mb", defaultValue = "1024", paramLabel = "MB",
		description = "MB of prepared training cases held in memory by each training, the least recently used leaving "
			+ "first; 0 holds none (default: ${DEFAULT-VALUE}). It changes memory and speed, never what is trained "
			+ "(docs/training.md).")
	long cacheMb;
}

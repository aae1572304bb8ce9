/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.nio.file.Path;

/**
 * Where training keeps its prepared cases and how many of them it holds in memory
 * (docs/training.md, "Prepared data and the case cache").
 *
 * @param cacheMb     MB (MiB) of prepared cases held in memory; 0 holds none (each
 *                    patch's case is read from disk)
 * @param preparedDir the folder of prepared cases, or null for {@code prepared/} in the
 *                    run's {@code <out>.training} folder
 */
public record CaseCacheSettings(long cacheMb, Path preparedDir) {

	/**
	 * 1024 MB: some 20 BraTS cases cropped to the brain (4 channels, about 50 MB each), so
	 * that a small cohort stays in memory whole and a large one costs no more than this.
	 */
	public static final long DEFAULT_CACHE_MB = 1024;

	/** The name of the folder of prepared cases inside a run's work folder. */
	public static final String PREPARED_DIR = "prepared";

	public CaseCacheSettings {
		if (cacheMb < 0) {
			throw new InvalidOptionException(TrainingOption.CACHE_MB, "must be 0 or more, got " + cacheMb);
		}
	}

	public static CaseCacheSettings defaults() {
		return new CaseCacheSettings(DEFAULT_CACHE_MB, null);
	}

	/** The folder of prepared cases of a run whose checkpoint and log are in {@code workDir}. */
	public Path preparedRoot(Path workDir) {
		return preparedDir != null ? preparedDir : workDir.resolve(PREPARED_DIR);
	}
}

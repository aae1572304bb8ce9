/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.synth.TumourSettings;

import picocli.CommandLine.Option;

/** {@code --min-ml} and {@code --max-ml}: the tumour sizes synth plants, each left to the settings' preset when not given (a mixin of synth). */
final class TumourSizeOptions {

	@Option(names = "--min-ml", paramLabel = "ML", description = "Smallest whole tumour of one lesion, mL (default: 1; 2 with --settings shifted).")
	Double minMl;

	@Option(names = "--max-ml", paramLabel = "ML", description = "Largest whole tumour of one lesion, mL (default: 100; 200 with --settings shifted).")
	Double maxMl;

	/** {@code preset} with the sizes given; bad sizes are an {@code IllegalArgumentException}. */
	TumourSettings applyTo(TumourSettings preset) {
		return new TumourSettings(minMl != null ? minMl : preset.minWholeTumourMl(),
			maxMl != null ? maxMl : preset.maxWholeTumourMl(), preset.secondLesionProbability(),
			preset.enhancementFreeProbability());
	}
}

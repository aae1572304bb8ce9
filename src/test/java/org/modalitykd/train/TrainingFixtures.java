/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modalitykd.synth.CaseGenerator;
import org.modalitykd.synth.ParametricHead;
import org.modalitykd.synth.SyntheticDataset;
import org.modalitykd.synth.TumourSettings;

/** Synthetic BraTS cases for training tests: the phantom anatomy at 4 mm, written once per test JVM. */
public final class TrainingFixtures {

	private static Path cases;

	private TrainingFixtures() {
	}

	/** Five cases (seed 11) in the BraTS layout, in a temporary folder deleted when the JVM exits. */
	public static synchronized Path syntheticCases() {
		if (cases == null) {
			try {
				Path dir = Files.createTempDirectory("modalitykd-train-cases");
				CaseGenerator generator = new CaseGenerator(new ParametricHead().tissues().atSpacing(4),
					TumourSettings.standard());
				new SyntheticDataset(generator, "parametric").write(dir, 5, 11, "tr", (i, n, c, f, s) -> {
				});
				dir.toFile().deleteOnExit();
				cases = dir;
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return cases;
	}
}

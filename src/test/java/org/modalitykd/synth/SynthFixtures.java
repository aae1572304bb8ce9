/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.References;

/**
 * Anatomies and generated cases shared by the synth tests: each is made once per test
 * JVM, since preparing Colin27 takes a second. Coarse grids (3 mm) keep tests quick.
 */
final class SynthFixtures {

	// The channels of a generated case's images: the BraTS order.
	static final int T1 = 0;
	static final int T1CE = 1;
	static final int T2 = 2;
	static final int FLAIR = 3;

	private static final Map<String, TissueMaps> ANATOMIES = new HashMap<>();
	private static final Map<String, List<SyntheticCase>> CASES = new HashMap<>();
	private static final Map<String, HeadMaps> HEADS = new HashMap<>();

	private SynthFixtures() {
	}

	/** Colin27 at {@code spacing} mm; skips (or in CI fails) without mricron-data. */
	static synchronized TissueMaps colin27(double spacing) {
		References.mricron(Colin27Anatomy.T1_FILE);
		References.mricron(Colin27Anatomy.BRAIN_FILE);
		return ANATOMIES.computeIfAbsent("colin27@" + spacing, k -> prepare(new Colin27Anatomy(References.MRICRON), spacing));
	}

	/** The phantom at {@code spacing} mm; needs nothing installed. */
	static synchronized TissueMaps parametric(double spacing) {
		return ANATOMIES.computeIfAbsent("parametric@" + spacing, k -> prepare(new ParametricHead(), spacing));
	}

	/** Cases 0..n-1 of the dataset with {@code seed}, with the standard settings. */
	static synchronized List<SyntheticCase> cases(String anatomy, double spacing, long seed, int n) {
		TissueMaps reference = anatomy.equals("colin27") ? colin27(spacing) : parametric(spacing);
		return CASES.computeIfAbsent(anatomy + "@" + spacing + "#" + seed + "x" + n, k -> {
			CaseGenerator generator = new CaseGenerator(reference, TumourSettings.standard());
			List<SyntheticCase> out = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				out.add(generator.generate(SyntheticDataset.caseId("t", i), SyntheticDataset.caseSeed(seed, i)));
			}
			return out;
		});
	}

	/** Cases 0..n-1 of the dataset with {@code seed}, with {@code settings} (cached by their name). */
	static synchronized List<SyntheticCase> cases(String anatomy, double spacing, long seed, int n,
		GeneratorSettings settings) {
		TissueMaps reference = anatomy.equals("colin27") ? colin27(spacing) : parametric(spacing);
		return CASES.computeIfAbsent(anatomy + "@" + spacing + "#" + seed + "x" + n + "/" + settings.name(), k -> {
			CaseGenerator generator = new CaseGenerator(reference, settings);
			List<SyntheticCase> out = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				out.add(generator.generate(SyntheticDataset.caseId("t", i), SyntheticDataset.caseSeed(seed, i)));
			}
			return out;
		});
	}

	/** The skull and scalp of an anatomy at its native 1 mm. */
	static synchronized HeadMaps head(String anatomy) {
		return HEADS.computeIfAbsent(anatomy, k -> {
			AnatomySource source = anatomy.equals("colin27") ? new Colin27Anatomy(References.MRICRON) : new ParametricHead();
			if (anatomy.equals("colin27")) {
				References.mricron(Colin27Anatomy.T1_FILE);
				References.mricron(Colin27Anatomy.BRAIN_FILE);
			}
			try {
				return source.head(source.tissues());
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** Cases 0..n-1 of the dataset with {@code seed}, with the standard settings and {@code modalities}. */
	static synchronized List<SyntheticCase> cases(String anatomy, double spacing, long seed, int n, List<String> modalities) {
		TissueMaps reference = anatomy.equals("colin27") ? colin27(spacing) : parametric(spacing);
		HeadMaps head = modalities.contains("ct") ? head(anatomy).atSpacing(spacing) : null;
		return CASES.computeIfAbsent(anatomy + "@" + spacing + "#" + seed + "x" + n + modalities, k -> {
			CaseGenerator generator = new CaseGenerator(reference, head, TumourSettings.standard(), modalities);
			List<SyntheticCase> out = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				out.add(generator.generate(SyntheticDataset.caseId("t", i), SyntheticDataset.caseSeed(seed, i)));
			}
			return out;
		});
	}

	private static TissueMaps prepare(AnatomySource source, double spacing) {
		try {
			return source.tissues().atSpacing(spacing);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

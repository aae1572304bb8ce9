/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

/**
 * How much the generator's cases vary: the contrasts they start from and how far those
 * move per case, the acquisition (bias field, noise), the anatomy's warp and the
 * tumours. {@link #standard()} is the set the project trains on; {@link #shifted()}
 * puts every knob outside the standard range in a documented direction, to score
 * models trained on standard cases on cases unlike them (docs/synth.md gives each
 * value and why). The head CT's own acquisition (Hounsfield table, its jitter and
 * noise) is the same under both; its anatomy and tumour follow these settings.
 *
 * @param name             recorded in the dataset summary, e.g. {@code standard}
 * @param contrasts        the contrast table each case starts from
 * @param contrastJitter   relative per-case variation of each table entry: each mean is
 *                         multiplied by a factor uniform in [1 - jitter, 1 + jitter]
 * @param contrastGamma    per case and modality the jittered means m become
 *                         B (m / B)^g with B the modality's brightest normal tissue and g
 *                         log-uniform in [1 / contrastGamma, contrastGamma]: the tissue
 *                         contrast changes, the orderings do not; 1 leaves the means alone
 * @param biasStrength     strength of the log bias field ({@link BiasField}): roughly the
 *                         standard deviation of its log over the grid
 * @param minNoise         smallest Rician noise level, relative to the brightest normal tissue
 * @param maxNoise         largest Rician noise level (drawn uniformly per case and modality)
 * @param deformationScale multiplies the amplitudes of the per-case warp (rotation,
 *                         scaling, translation and smooth displacement of {@link RandomDeformation})
 * @param tumours          what tumours to plant
 */
public record GeneratorSettings(String name, ContrastTable contrasts, double contrastJitter, double contrastGamma,
	double biasStrength, double minNoise, double maxNoise, double deformationScale, TumourSettings tumours) {

	/** The settings' names, as {@code synth --settings} takes them. */
	public static final String STANDARD = "standard";
	public static final String SHIFTED = "shifted";

	public GeneratorSettings {
		if (name == null || !name.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("a settings name is lower-case letters, digits and '-', not " + name);
		}
		if (contrasts == null || tumours == null) {
			throw new IllegalArgumentException("the settings need a contrast table and tumour settings");
		}
		if (!(contrastJitter >= 0 && contrastJitter < 0.5)) {
			throw new IllegalArgumentException("the contrast jitter must lie in [0, 0.5), not " + contrastJitter);
		}
		if (!(contrastGamma >= 1 && contrastGamma <= 3)) {
			throw new IllegalArgumentException("the contrast gamma must lie in [1, 3], not " + contrastGamma);
		}
		if (!(biasStrength >= 0 && biasStrength <= 1)) {
			throw new IllegalArgumentException("the bias strength must lie in [0, 1], not " + biasStrength);
		}
		if (!(minNoise >= 0 && maxNoise >= minNoise && maxNoise <= 1)) {
			throw new IllegalArgumentException("noise levels must satisfy 0 <= min <= max <= 1, got " + minNoise + " and "
				+ maxNoise);
		}
		if (!(deformationScale >= 0 && deformationScale <= 3)) {
			throw new IllegalArgumentException("the deformation scale must lie in [0, 3], not " + deformationScale);
		}
	}

	/**
	 * What the generator has always made: the standard contrast table jittered by 4%,
	 * no gamma, bias strength 0.06, noise 1.5-4%, the warp as documented and
	 * {@link TumourSettings#standard()}.
	 */
	public static GeneratorSettings standard() {
		return new GeneratorSettings(STANDARD, ContrastTable.standard(), 0.04, 1, 0.06, 0.015, 0.04, 1,
			TumourSettings.standard());
	}

	/**
	 * Every knob outside the standard range: {@link ContrastTable#shifted()} (lower tissue
	 * contrast, weaker enhancement, less suppressed CSF on FLAIR) jittered by 12% (3x),
	 * a per-case gamma in [1/1.3, 1.3], bias strength 0.12 (2x), noise 5-8% (above the
	 * standard's 4%), the warp 1.5x as large, and tumours of 2-200 mL per lesion with a
	 * second lesion in 40% of cases.
	 */
	public static GeneratorSettings shifted() {
		return new GeneratorSettings(SHIFTED, ContrastTable.shifted(), 0.12, 1.3, 0.12, 0.05, 0.08, 1.5,
			new TumourSettings(2, 200, 0.40, 0.12));
	}

	/**
	 * The settings called {@code name}: {@code standard} or {@code shifted}.
	 *
	 * @throws IllegalArgumentException naming the choices, for any other name
	 */
	public static GeneratorSettings named(String name) {
		return switch (name == null ? "" : name) {
			case STANDARD -> standard();
			case SHIFTED -> shifted();
			default -> throw new IllegalArgumentException("unknown generator settings '" + name + "'; choose "
				+ STANDARD + " or " + SHIFTED);
		};
	}

	/** These settings with other tumours (e.g. another volume range); the name stays. */
	public GeneratorSettings withTumours(TumourSettings other) {
		return new GeneratorSettings(name, contrasts, contrastJitter, contrastGamma, biasStrength, minNoise, maxNoise,
			deformationScale, other);
	}

	/** These settings starting from another contrast table; the name stays. */
	public GeneratorSettings withContrasts(ContrastTable other) {
		return new GeneratorSettings(name, other, contrastJitter, contrastGamma, biasStrength, minNoise, maxNoise,
			deformationScale, tumours);
	}

	/** These settings with another bias strength (0: none); the name stays. */
	public GeneratorSettings withBiasStrength(double strength) {
		return new GeneratorSettings(name, contrasts, contrastJitter, contrastGamma, strength, minNoise, maxNoise,
			deformationScale, tumours);
	}
}

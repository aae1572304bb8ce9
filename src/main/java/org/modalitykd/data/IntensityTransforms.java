/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.SplittableRandom;

/**
 * The intensity transforms of nnU-Net's training pipeline (nnunetv2 {@code
 * nnUNetTrainer.get_training_transforms}, batchgeneratorsv2), plus a smooth
 * multiplicative bias field, applied to a patch's image in place; the classes are never
 * touched. Each transform happens to a patch with its own probability, then to each
 * channel with a per-channel probability, with a value drawn per channel (the noise's
 * standard deviation is drawn once per patch, as nnU-Net synchronises it across
 * channels). Order: bias field, noise, blur, brightness, contrast, low resolution,
 * inverted gamma, gamma. Every draw comes from the random source passed in, in a fixed
 * order, so a source seeded by seed and step always gives the same patch. Thread-safe.
 *
 * @param biasField     range: the strength s (log of the largest factor), drawn in [low, high]
 * @param noise         range: the noise's standard deviation (z-score units)
 * @param blur          range: the Gaussian sigma in voxels, drawn per axis
 * @param brightness    range: the multiplier
 * @param contrast      range: the factor around the channel mean, range of values kept
 * @param lowResolution range: the zoom of the downsampled grid
 * @param invertedGamma range: the gamma, applied to the negated image
 * @param gamma         range: the gamma
 */
public record IntensityTransforms(Transform biasField, Transform noise, Transform blur, Transform brightness,
	Transform contrast, Transform lowResolution, Transform invertedGamma, Transform gamma) {

	/**
	 * One transform's chances and range.
	 *
	 * @param probability of the transform per patch
	 * @param perChannel  of the transform per channel of a patch it happens to
	 * @param low         lower end of the drawn value
	 * @param high        upper end of the drawn value
	 */
	public record Transform(double probability, double perChannel, double low, double high) {

		public static final Transform OFF = new Transform(0, 0, 0, 0);

		public Transform {
			if (!(probability >= 0 && probability <= 1 && perChannel >= 0 && perChannel <= 1)) {
				throw new IllegalArgumentException("probabilities must be in [0, 1], got " + probability + " and "
					+ perChannel);
			}
			if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
				throw new IllegalArgumentException("a range needs finite low <= high, got [" + low + ", " + high + "]");
			}
		}

		public Transform withProbability(double p) {
			return new Transform(p, perChannel, low, high);
		}

		boolean on() {
			return probability > 0 && perChannel > 0;
		}

		/** Uniform in [low, high]. */
		double draw(SplittableRandom r) {
			return low + r.nextDouble() * (high - low);
		}

		/**
		 * batchgenerators' {@code BGContrast}: half the time below 1 (when the range reaches
		 * below 1), otherwise at or above 1, so shrinking and stretching are equally likely.
		 */
		double drawAroundOne(SplittableRandom r) {
			if (r.nextDouble() < 0.5 && low < 1) {
				return low + r.nextDouble() * (Math.min(1, high) - low);
			}
			double lo = Math.max(low, 1);
			return lo + r.nextDouble() * (high - lo);
		}
	}

	/** Nothing: draws nothing from the random source. */
	public static IntensityTransforms none() {
		Transform o = Transform.OFF;
		return new IntensityTransforms(o, o, o, o, o, o, o, o);
	}

	/**
	 * nnU-Net's values (probability per patch / per channel, range): noise 0.1 / 1, std in
	 * [0, 0.1]; blur 0.2 / 0.5, sigma [0.5, 1]; brightness 0.15 / 1, [0.75, 1.25];
	 * contrast 0.15 / 1, [0.75, 1.25]; low resolution 0.25 / 0.5, zoom [0.5, 1]; inverted
	 * gamma 0.1 / 1 and gamma 0.3 / 1, [0.7, 1.5]; and ours, which nnU-Net lacks: a bias
	 * field 0.2 / 1 of strength up to 0.3 (factors 0.74 to 1.35).
	 */
	public static IntensityTransforms nnUnet() {
		return new IntensityTransforms(new Transform(0.2, 1, 0, 0.3), new Transform(0.1, 1, 0, 0.1),
			new Transform(0.2, 0.5, 0.5, 1), new Transform(0.15, 1, 0.75, 1.25), new Transform(0.15, 1, 0.75, 1.25),
			new Transform(0.25, 0.5, 0.5, 1), new Transform(0.1, 1, 0.7, 1.5), new Transform(0.3, 1, 0.7, 1.5));
	}

	/** Whether any transform can happen (and so draw from the random source). */
	public boolean any() {
		return biasField.on() || noise.on() || blur.on() || brightness.on() || contrast.on() || lowResolution.on()
			|| invertedGamma.on() || gamma.on();
	}

	/** Transforms the image of {@code p} in place. */
	public void apply(Patch p, SplittableRandom r) {
		if (!any()) {
			return;
		}
		float[] v = p.image();
		int n = p.voxels();
		int[] size = p.size();
		int channels = p.channels();
		if (happens(biasField, r)) {
			for (int c = 0; c < channels; c++) {
				if (r.nextDouble() < biasField.perChannel) {
					double[] coefficients = new double[PatchFilters.BIAS_TERMS];
					for (int k = 0; k < coefficients.length; k++) {
						coefficients[k] = 2 * r.nextDouble() - 1;
					}
					PatchFilters.biasField(v, c * n, size, coefficients, biasField.draw(r));
				}
			}
		}
		if (happens(noise, r)) {
			double std = noise.draw(r);
			for (int c = 0; c < channels; c++) {
				if (r.nextDouble() < noise.perChannel) {
					addNoise(v, c * n, n, std, new SplittableRandom(r.nextLong()));
				}
			}
		}
		if (happens(blur, r)) {
			for (int c = 0; c < channels; c++) {
				if (r.nextDouble() < blur.perChannel) {
					PatchFilters.blur(v, c * n, size, new double[] { blur.draw(r), blur.draw(r), blur.draw(r) });
				}
			}
		}
		if (happens(brightness, r)) {
			for (int c = 0; c < channels; c++) {
				if (r.nextDouble() < brightness.perChannel) {
					multiply(v, c * n, n, brightness.drawAroundOne(r));
				}
			}
		}
		if (happens(contrast, r)) {
			for (int c = 0; c < channels; c++) {
				if (r.nextDouble() < contrast.perChannel) {
					contrast(v, c * n, n, contrast.drawAroundOne(r));
				}
			}
		}
		if (happens(lowResolution, r)) {
			for (int c = 0; c < channels; c++) {
				if (r.nextDouble() < lowResolution.perChannel) {
					PatchFilters.lowResolution(v, c * n, size, lowResolution.draw(r));
				}
			}
		}
		gammas(invertedGamma, true, v, n, channels, r);
		gammas(gamma, false, v, n, channels, r);
	}

	private void gammas(Transform t, boolean invert, float[] v, int n, int channels, SplittableRandom r) {
		if (happens(t, r)) {
			for (int c = 0; c < channels; c++) {
				if (r.nextDouble() < t.perChannel) {
					gamma(v, c * n, n, t.drawAroundOne(r), invert);
				}
			}
		}
	}

	/** Draws the patch's chance; an off transform draws nothing. */
	private static boolean happens(Transform t, SplittableRandom r) {
		return t.on() && r.nextDouble() < t.probability;
	}

	static void addNoise(float[] v, int from, int n, double std, SplittableRandom r) {
		for (int i = from, end = from + n; i < end; i++) {
			v[i] = (float) (v[i] + std * r.nextGaussian());
		}
	}

	static void multiply(float[] v, int from, int n, double factor) {
		for (int i = from, end = from + n; i < end; i++) {
			v[i] = (float) (v[i] * factor);
		}
	}

	/** {@code (v - mean) * factor + mean}, clipped to the channel's range before (preserve_range). */
	static void contrast(float[] v, int from, int n, double factor) {
		double sum = 0;
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (int i = from, end = from + n; i < end; i++) {
			sum += v[i];
			min = Math.min(min, v[i]);
			max = Math.max(max, v[i]);
		}
		// Float arithmetic per voxel: the loop vectorises.
		float mean = (float) (sum / n);
		float f = (float) factor;
		for (int i = from, end = from + n; i < end; i++) {
			v[i] = Math.max(min, Math.min(max, (v[i] - mean) * f + mean));
		}
	}

	/**
	 * batchgenerators' gamma with retained statistics: on the channel's own range,
	 * {@code min + range * ((v - min) / (range + 1e-7))^g}, then shifted and scaled back to
	 * the mean and standard deviation it had; on the negated values when {@code invert}.
	 */
	static void gamma(float[] v, int from, int n, double g, boolean invert) {
		int end = from + n;
		double sign = invert ? -1 : 1;
		double mean = 0;
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = from; i < end; i++) {
			double x = sign * v[i];
			mean += x;
			min = Math.min(min, x);
			max = Math.max(max, x);
		}
		mean /= n;
		double std = std(v, from, n, sign, mean);
		double range = max - min;
		double inverseRange = 1 / (range + 1e-7);
		double sum = 0;
		double squares = 0;
		for (int i = from; i < end; i++) {
			double t = (sign * v[i] - min) * inverseRange;
			double y = min + range * Math.pow(t, g);
			v[i] = (float) y;
			sum += y;
			squares += y * y;
		}
		double newMean = sum / n;
		double newStd = Math.sqrt(Math.max(0, squares / n - newMean * newMean));
		double scale = std / (newStd + 1e-8);
		for (int i = from; i < end; i++) {
			v[i] = (float) (sign * ((v[i] - newMean) * scale + mean));
		}
	}

	private static double std(float[] v, int from, int n, double sign, double mean) {
		double s = 0;
		for (int i = from, end = from + n; i < end; i++) {
			double d = sign * v[i] - mean;
			s += d * d;
		}
		return Math.sqrt(s / n);
	}
}

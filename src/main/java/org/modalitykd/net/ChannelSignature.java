/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a model's input channels look like after normalisation, so that a case whose
 * channels come in another order (a mislabelled file, a hand-edited card) is noticed
 * before it is segmented: per channel the deciles (10 % .. 90 %) of its z-scored
 * intensities, and the correlation between every two channels, over the voxels where
 * every channel is non-zero and finite (the brain). The deciles tell a skewed FLAIR from
 * a T2; the correlations carry the physics (CSF is dark on T1 and bright on T2, so the
 * two are strongly anti-correlated) and change sign when channels are swapped.
 * <p>
 * It cannot tell T1 from T1ce: the two differ only in the enhancing rim, a few voxels
 * of the brain (see {@link #clearlyBetterOrder}).
 * <p>
 * A model that reads one modality at a time (unpaired) has one row per modality slot,
 * each from that slot's own training images, and the identity for a correlation: the
 * slots never see the same case ({@link #perSlot}, {@link #clearlyBetterSlot}).
 *
 * @param deciles     [channel][9]
 * @param correlation [channel][channel], Pearson, 1 on the diagonal
 */
public record ChannelSignature(double[][] deciles, double[][] correlation) {

	/** Number of voxels used at most; a regular subsample of a large case says the same. */
	static final int MAX_VOXELS = 1 << 19;
	/** The case must fit another order this many times better than its own ... */
	static final double RATIO = 2;
	/** ... and by at least this much (a sum of decile and correlation differences). */
	static final double MARGIN = 0.5;
	/**
	 * For one image against the slots: at least this much closer (mean absolute decile
	 * difference). On synthetic 3 mm cases an image is 0.005-0.09 from its own modality's
	 * slot and 0.2-0.5 from another's (T2 against FLAIR about 0.25, CT against MRI 0.3-0.45),
	 * T1 against T1ce 0.01-0.03: those two are never told apart.
	 */
	static final double SLOT_MARGIN = 0.1;

	public ChannelSignature {
		if (deciles.length != correlation.length) {
			throw new IllegalArgumentException("the channel signature has " + deciles.length + " decile rows and "
				+ correlation.length + " correlation rows");
		}
		for (int c = 0; c < deciles.length; c++) {
			if (deciles[c].length != 9 || correlation[c].length != deciles.length) {
				throw new IllegalArgumentException("the channel signature needs 9 deciles per channel and a square "
					+ "correlation matrix");
			}
		}
		deciles = copy(deciles);
		correlation = copy(correlation);
	}

	@Override
	public double[][] deciles() {
		return copy(deciles);
	}

	@Override
	public double[][] correlation() {
		return copy(correlation);
	}

	public int channels() {
		return deciles.length;
	}

	/**
	 * The signature of normalised channels (z-scored over the brain, zeros outside), or
	 * null when fewer than 100 voxels are non-zero in every channel.
	 */
	public static ChannelSignature of(float[][] normalised) {
		int n = normalised.length;
		int voxels = normalised[0].length;
		int inBrain = 0;
		for (int i = 0; i < voxels; i++) {
			if (inBrain(normalised, i)) {
				inBrain++;
			}
		}
		if (inBrain < 100) {
			return null;
		}
		int stride = Math.max(1, (int) Math.ceil(inBrain / (double) MAX_VOXELS));
		double[][] values = new double[n][(inBrain + stride - 1) / stride];
		int k = 0;
		int seen = 0;
		for (int i = 0; i < voxels; i++) {
			if (inBrain(normalised, i) && seen++ % stride == 0) {
				for (int c = 0; c < n; c++) {
					values[c][k] = normalised[c][i];
				}
				k++;
			}
		}
		double[][] deciles = new double[n][];
		double[][] correlation = new double[n][n];
		for (int c = 0; c < n; c++) {
			standardise(values[c]);
		}
		for (int a = 0; a < n; a++) {
			for (int b = a; b < n; b++) {
				double sum = 0;
				for (int i = 0; i < k; i++) {
					sum += values[a][i] * values[b][i];
				}
				correlation[a][b] = correlation[b][a] = a == b ? 1 : sum / k;
			}
			double[] sorted = values[a].clone();
			Arrays.sort(sorted);
			deciles[a] = new double[9];
			for (int d = 1; d <= 9; d++) {
				deciles[a][d - 1] = sorted[(int) Math.min(k - 1, Math.round(d / 10.0 * (k - 1)))];
			}
		}
		return new ChannelSignature(deciles, correlation);
	}

	private static boolean inBrain(float[][] channels, int i) {
		for (float[] c : channels) {
			if (c[i] == 0 || !Float.isFinite(c[i])) {
				return false;
			}
		}
		return true;
	}

	/** Mean 0 and standard deviation 1 over the shared voxels (or all 0 for a constant channel). */
	private static void standardise(double[] v) {
		double mean = Arrays.stream(v).average().orElse(0);
		double sq = 0;
		for (double x : v) {
			sq += (x - mean) * (x - mean);
		}
		double std = Math.sqrt(sq / v.length);
		for (int i = 0; i < v.length; i++) {
			v[i] = std > 1e-12 ? (v[i] - mean) / std : 0;
		}
	}

	/** The element-wise mean of several cases' signatures (the training data's). */
	public static ChannelSignature mean(List<ChannelSignature> cases) {
		int n = cases.get(0).channels();
		double[][] d = new double[n][9];
		double[][] r = new double[n][n];
		for (ChannelSignature s : cases) {
			for (int a = 0; a < n; a++) {
				for (int j = 0; j < 9; j++) {
					d[a][j] += s.deciles[a][j] / cases.size();
				}
				for (int b = 0; b < n; b++) {
					r[a][b] += s.correlation[a][b] / cases.size();
				}
			}
		}
		return new ChannelSignature(d, r);
	}

	/**
	 * How far this case is from a reference when its channel {@code c} is compared with
	 * the reference's channel {@code order[c]}: mean absolute decile difference per
	 * channel plus absolute correlation difference per pair of channels, summed.
	 */
	double distance(ChannelSignature reference, int[] order) {
		double sum = 0;
		for (int a = 0; a < channels(); a++) {
			for (int j = 0; j < 9; j++) {
				sum += Math.abs(deciles[a][j] - reference.deciles[order[a]][j]) / 9;
			}
			for (int b = a + 1; b < channels(); b++) {
				sum += Math.abs(correlation[a][b] - reference.correlation[order[a]][order[b]]);
			}
		}
		return sum;
	}

	/**
	 * Another assignment of this case's channels to the reference's that fits clearly
	 * better than the given order (at least {@link #RATIO} times closer and by
	 * {@link #MARGIN}), or null when the given order is as good as any. Of several such
	 * assignments, the one that moves the fewest channels (then the closest): T1 and T1ce
	 * look alike, and a T2/FLAIR swap should not be reported as a T1/T1ce swap as well.
	 * Up to 6 channels (720 orders); more are not checked.
	 *
	 * @return {@code order[c]} = the reference channel that case channel {@code c} looks like
	 */
	public int[] clearlyBetterOrder(ChannelSignature reference) {
		if (reference.channels() != channels() || channels() < 2 || channels() > 6) {
			return null;
		}
		int[] identity = new int[channels()];
		Arrays.setAll(identity, i -> i);
		double own = distance(reference, identity);
		int[] chosen = null;
		int chosenMoves = Integer.MAX_VALUE;
		double chosenDistance = Double.POSITIVE_INFINITY;
		for (int[] order : permutations(channels())) {
			double d = distance(reference, order);
			if (d * RATIO > own || own - d < MARGIN) {
				continue;
			}
			int moves = 0;
			for (int c = 0; c < order.length; c++) {
				moves += order[c] != c ? 1 : 0;
			}
			if (moves < chosenMoves || moves == chosenMoves && d < chosenDistance) {
				chosen = order;
				chosenMoves = moves;
				chosenDistance = d;
			}
		}
		return chosen;
	}

	/**
	 * The signature of a one-image-at-a-time model: row {@code m} is {@code slots.get(m)}'s
	 * one channel, the correlation the identity.
	 */
	public static ChannelSignature perSlot(List<ChannelSignature> slots) {
		int n = slots.size();
		double[][] d = new double[n][];
		double[][] r = new double[n][n];
		for (int m = 0; m < n; m++) {
			if (slots.get(m).channels() != 1) {
				throw new IllegalArgumentException("a slot's signature has one channel, got " + slots.get(m).channels());
			}
			d[m] = slots.get(m).deciles[0];
			r[m][m] = 1;
		}
		return new ChannelSignature(d, r);
	}

	/**
	 * Another slot of {@code perSlot} whose training images this one-channel signature fits
	 * clearly better than those of slot {@code claimed} (at least {@link #RATIO} times closer
	 * and by {@link #SLOT_MARGIN}), the closest of them, or -1 when the claimed slot is as good
	 * as any.
	 */
	public int clearlyBetterSlot(ChannelSignature perSlot, int claimed) {
		if (channels() != 1) {
			throw new IllegalArgumentException("one image is compared with the slots, got " + channels() + " channels");
		}
		double own = decileDistance(deciles[0], perSlot.deciles[claimed]);
		int best = -1;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (int m = 0; m < perSlot.channels(); m++) {
			double d = decileDistance(deciles[0], perSlot.deciles[m]);
			if (m != claimed && d * RATIO <= own && own - d >= SLOT_MARGIN && d < bestDistance) {
				best = m;
				bestDistance = d;
			}
		}
		return best;
	}

	private static double decileDistance(double[] a, double[] b) {
		double sum = 0;
		for (int j = 0; j < 9; j++) {
			sum += Math.abs(a[j] - b[j]) / 9;
		}
		return sum;
	}

	private static List<int[]> permutations(int n) {
		List<int[]> out = new ArrayList<>();
		permute(new int[n], new boolean[n], 0, out);
		return out;
	}

	private static void permute(int[] order, boolean[] used, int at, List<int[]> out) {
		if (at == order.length) {
			out.add(order.clone());
			return;
		}
		for (int i = 0; i < order.length; i++) {
			if (!used[i]) {
				used[i] = true;
				order[at] = i;
				permute(order, used, at + 1, out);
				used[i] = false;
			}
		}
	}

	private static double[][] copy(double[][] m) {
		double[][] out = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			out[i] = m[i].clone();
		}
		return out;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import org.modalitykd.volume.Geometry;

/**
 * Plants gliomas into a label map in the BraTS convention: a necrotic (or, without
 * enhancement, non-enhancing) core labelled 1, an enhancing rim labelled 4 around it,
 * and peritumoral edema labelled 2 around both.
 * <p>
 * Each region grows from the lesion's seed as a connected blob ({@link RegionGrowth}):
 * voxels join in the order of a "distorted distance", the distance in a randomly
 * rotated and stretched ellipsoid metric times exp(smooth random field), which gives
 * irregular, lobulated outlines. A region stops at the voxel count set by the drawn
 * volume, so volumes come out as drawn (to a voxel) whatever the distortion. The
 * core grows first (it may fill sulci it meets but prefers tissue to fluid); edema
 * grows outwards from the core's edge through parenchyma only, twice as far in white
 * matter (vasogenic edema follows the fibre tracts); necrosis grows inside the core
 * where the core surrounds it, leaving an enhancing rim at least a voxel thick.
 */
final class TumourModel {

	/** Smallest parenchyma fraction of a lesion's seed voxel. */
	private static final double SEED_PARENCHYMA = 0.9;
	private static final int MAX_SEED_TRIES = 100_000;
	/** Extra distance between two lesions' nominal spheres, mm. */
	private static final double LESION_GAP_MM = 10;

	private final TumourSettings settings;

	TumourModel(TumourSettings settings) {
		this.settings = settings;
	}

	/** What was decided for one case before any voxel was labelled. */
	record Plan(int lesions, boolean enhancing) {
	}

	/** Draws the number of lesions and whether the tumour enhances. */
	Plan plan(SplittableRandom rng) {
		int lesions = rng.nextDouble() < settings.secondLesionProbability() ? 2 : 1;
		boolean enhancing = rng.nextDouble() >= settings.enhancementFreeProbability();
		return new Plan(lesions, enhancing);
	}

	/**
	 * Labels the lesions of {@code plan} into {@code labels} (all 0 on entry), on the
	 * grid of {@code tissues}. Returns what was planted; a second lesion that finds no
	 * room apart from the first is left out.
	 */
	List<Lesion> plant(Plan plan, TissueMaps tissues, byte[] labels, SplittableRandom rng) {
		List<Lesion> lesions = new ArrayList<>();
		List<double[]> spheres = new ArrayList<>();
		for (int l = 0; l < plan.lesions(); l++) {
			// Uniform in radius: small and large tumours alike, not mostly small ones.
			double radiusMm = uniform(rng, radius(settings.minWholeTumourMl()), radius(settings.maxWholeTumourMl()));
			double volumeMl = 4 * Math.PI * radiusMm * radiusMm * radiusMm / 3000;
			int seed = chooseSeed(rng, tissues, radiusMm, spheres);
			if (seed < 0) {
				if (l == 0) {
					throw new IllegalStateException("the anatomy has no parenchyma to grow a tumour in");
				}
				break;
			}
			double[] centre = world(tissues.geometry(), seed);
			spheres.add(new double[] { centre[0], centre[1], centre[2], radiusMm });
			lesions.add(grow(tissues, labels, seed, volumeMl, plan.enhancing(), rng));
		}
		return lesions;
	}

	private Lesion grow(TissueMaps tissues, byte[] labels, int seed, double volumeMl, boolean enhancing,
		SplittableRandom rng) {
		Geometry g = tissues.geometry();
		double voxelMl = g.voxelVolumeMl();
		int wholeCount = (int) Math.max(1, Math.round(volumeMl / voxelMl));
		double coreFraction = enhancing ? uniform(rng, 0.2, 0.6) : uniform(rng, 0.25, 0.7);
		int coreCount = (int) Math.max(1, Math.round(wholeCount * coreFraction));
		double necrosisFraction = uniform(rng, 0.2, 0.65);

		double radiusMm = radius(volumeMl);
		VoxelBox box = new VoxelBox(g, seed, 2.2 * radiusMm + 3 * maxSpacing(g),
			p -> tissues.brain(p) >= 0.5f && labels[p] == 0);
		int[] boxDims = box.dims();
		double sigma = Math.max(1.0, 0.35 * radiusMm / maxSpacing(g));
		float[] shared = RandomField.smooth(rng, boxDims, sigma);
		float[] edemaNoise = RandomField.smooth(rng, boxDims, sigma);
		float[] necrosisNoise = RandomField.smooth(rng, boxDims, sigma);
		double[] centre = world(g, seed);
		double[][] metric = ellipsoidMetric(rng);

		int n = box.candidateCount();
		float[] coreDistance = new float[n];
		for (int c = 0; c < n; c++) {
			int p = box.gridIndex(c);
			// A solid tumour fills the sulci it grows around but prefers tissue to fluid.
			double fluid = tissues.csf()[p] / tissues.brain(p);
			coreDistance[c] = (float) (distance(metric, world(g, p), centre) * StrictMath.exp(0.3 * shared[box.localOf(c)])
				* (1 + 1.5 * fluid));
		}
		int[] core = RegionGrowth.grow(box, new int[] { box.candidateOf(seed) }, coreDistance, c -> true, coreCount);
		boolean[] inCore = new boolean[n];
		float coreEdge = 0;
		for (int c : core) {
			inCore[c] = true;
			coreEdge = Math.max(coreEdge, coreDistance[c]);
		}
		// Edema is swollen tissue, so only where there is tissue; it spreads from the core's
		// edge, twice as far in white matter (along the fibres).
		float[] beyondCore = new float[n];
		for (int c = 0; c < n; c++) {
			int p = box.gridIndex(c);
			beyondCore[c] = (float) (Math.max(0, coreDistance[c] - coreEdge) * StrictMath.exp(0.25 * edemaNoise[box.localOf(c)])
				/ (1 + tissues.white()[p]));
		}
		IntPredicate edemaAllowed = c -> !inCore[c] && tissues.parenchyma(box.gridIndex(c)) >= 0.5f;
		int[] edema = RegionGrowth.grow(box, RegionGrowth.border(box, core, edemaAllowed), beyondCore, edemaAllowed,
			wholeCount - core.length);

		for (int c : edema) {
			labels[box.gridIndex(c)] = 2;
		}
		for (int c : core) {
			labels[box.gridIndex(c)] = (byte) (enhancing ? 4 : 1);
		}
		int enhancingCount = 0;
		if (enhancing) {
			int[] necrosis = necrosis(box, core, inCore, coreDistance, necrosisNoise, (int) Math.round(core.length * necrosisFraction));
			for (int c : necrosis) {
				labels[box.gridIndex(c)] = 1;
			}
			enhancingCount = core.length - necrosis.length;
		}
		return new Lesion(centre, (core.length + edema.length) * voxelMl, core.length * voxelMl, enhancingCount * voxelMl);
	}

	/**
	 * The necrotic centre of an enhancing core: grown from the core's most central voxel
	 * through voxels that the core surrounds on all six sides, so that the enhancing rim
	 * encloses the necrosis everywhere, at least one voxel thick.
	 */
	private static int[] necrosis(VoxelBox box, int[] core, boolean[] inCore, float[] coreDistance, float[] noise,
		int count) {
		boolean[] interior = new boolean[inCore.length];
		int[] next = new int[6];
		int start = -1;
		float[] priority = new float[inCore.length];
		for (int c : core) {
			int k = box.neighbours(c, next);
			boolean surrounded = k == 6;
			for (int t = 0; t < k && surrounded; t++) {
				surrounded = inCore[next[t]];
			}
			if (surrounded) {
				interior[c] = true;
				priority[c] = (float) (coreDistance[c] * StrictMath.exp(0.15 * noise[box.localOf(c)]));
				if (start < 0 || priority[c] < priority[start]) {
					start = c;
				}
			}
		}
		if (start < 0 || count == 0) {
			return new int[0];
		}
		return RegionGrowth.grow(box, new int[] { start }, priority, c -> interior[c], count);
	}

	private static int chooseSeed(SplittableRandom rng, TissueMaps tissues, double radiusMm, List<double[]> others) {
		int n = tissues.csf().length;
		Geometry g = tissues.geometry();
		for (int attempt = 0; attempt < MAX_SEED_TRIES; attempt++) {
			int p = rng.nextInt(n);
			if (tissues.parenchyma(p) < SEED_PARENCHYMA) {
				continue;
			}
			// Gliomas arise mostly in white matter: accept grey-matter seeds less often.
			if (rng.nextDouble() > 0.35 + 0.65 * tissues.white()[p]) {
				continue;
			}
			double[] w = world(g, p);
			boolean apart = true;
			for (double[] o : others) {
				double dx = w[0] - o[0];
				double dy = w[1] - o[1];
				double dz = w[2] - o[2];
				apart &= Math.sqrt(dx * dx + dy * dy + dz * dz) > 1.5 * (radiusMm + o[3]) + LESION_GAP_MM;
			}
			if (apart) {
				return p;
			}
		}
		return -1;
	}

	/** A random rotation times axis stretches of up to about 30% (volume kept). */
	private static double[][] ellipsoidMetric(SplittableRandom rng) {
		double[] stretch = new double[3];
		double logSum = 0;
		for (int d = 0; d < 3; d++) {
			stretch[d] = uniform(rng, -0.28, 0.28);
			logSum += stretch[d];
		}
		double a = uniform(rng, -Math.PI, Math.PI);
		double b = uniform(rng, -Math.PI, Math.PI);
		double c = uniform(rng, -Math.PI, Math.PI);
		double[][] rot = multiply(multiply(axisRotation(2, a), axisRotation(1, b)), axisRotation(0, c));
		double[][] m = new double[3][3];
		for (int r = 0; r < 3; r++) {
			double inverseStretch = StrictMath.exp(-(stretch[r] - logSum / 3));
			for (int col = 0; col < 3; col++) {
				m[r][col] = inverseStretch * rot[r][col];
			}
		}
		return m;
	}

	private static double[][] axisRotation(int axis, double angle) {
		double cs = StrictMath.cos(angle);
		double sn = StrictMath.sin(angle);
		int u = (axis + 1) % 3;
		int v = (axis + 2) % 3;
		double[][] r = new double[3][3];
		r[axis][axis] = 1;
		r[u][u] = cs;
		r[u][v] = -sn;
		r[v][u] = sn;
		r[v][v] = cs;
		return r;
	}

	private static double[][] multiply(double[][] x, double[][] y) {
		double[][] z = new double[3][3];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				z[r][c] = x[r][0] * y[0][c] + x[r][1] * y[1][c] + x[r][2] * y[2][c];
			}
		}
		return z;
	}

	private static double distance(double[][] m, double[] w, double[] c) {
		double dx = w[0] - c[0];
		double dy = w[1] - c[1];
		double dz = w[2] - c[2];
		double s = 0;
		for (int r = 0; r < 3; r++) {
			double v = m[r][0] * dx + m[r][1] * dy + m[r][2] * dz;
			s += v * v;
		}
		return Math.sqrt(s);
	}

	private static double[] world(Geometry g, int p) {
		int nx = g.nx();
		int ny = g.ny();
		return g.affine().apply(p % nx, (p / nx) % ny, p / (nx * ny));
	}

	private static double maxSpacing(Geometry g) {
		double[] s = g.spacing();
		return Math.max(s[0], Math.max(s[1], s[2]));
	}

	private static double uniform(SplittableRandom rng, double lo, double hi) {
		return lo + (hi - lo) * rng.nextDouble();
	}

	/** Radius in mm of a sphere of {@code volumeMl}. */
	private static double radius(double volumeMl) {
		return StrictMath.cbrt(3 * volumeMl * 1000 / (4 * Math.PI));
	}
}

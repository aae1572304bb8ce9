package org.modalitykd.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;

/**
 * Plants gliomas into a label map in the BraTS convention: a necrotic (or, without
 * enhancement, non-enhancing) core labelled 1, an enhancing rim labelled 4 around it,
 * and peritumoral edema labelled 2 around both.
 * <p>
 * Each region is a level set of a "distorted distance" from the lesion's seed: the
 * distance in a randomly rotated and stretched ellipsoid metric, multiplied by
 * exp(smooth random field), which gives irregular, lobulated outlines. Instead of a
 * fixed threshold, a region takes the n voxels of smallest distorted distance, n set
 * by the drawn volume: the volumes come out exactly as drawn (to a voxel) whatever
 * the distortion. Nesting is by construction: the core is chosen among the whole
 * tumour's voxels, the necrosis among the core's. Edema spreads further into white
 * matter (its distance shrinks there), as vasogenic edema follows the fibre tracts.
 * The core may fill sulci it grows around (it prefers tissue to fluid); edema only
 * occupies parenchyma (grey or white matter at least half the voxel).
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
		Box box = Box.around(g, seed, 2.2 * radiusMm + 3 * maxSpacing(g));
		double sigma = Math.max(1.0, 0.35 * radiusMm / maxSpacing(g));
		float[] shared = RandomField.smooth(rng, box.dims, sigma);
		float[] edemaNoise = RandomField.smooth(rng, box.dims, sigma);
		float[] necrosisNoise = RandomField.smooth(rng, box.dims, sigma);
		double[] centre = world(g, seed);
		double[][] metric = ellipsoidMetric(rng);

		int[] candidates = box.voxels(g, p -> tissues.brain(p) >= 0.5f && labels[p] == 0);
		float[] coreDistance = new float[candidates.length];
		for (int c = 0; c < candidates.length; c++) {
			int p = candidates[c];
			// A solid tumour fills the sulci it grows around but prefers tissue to fluid.
			double fluid = tissues.csf()[p] / tissues.brain(p);
			coreDistance[c] = (float) (distance(metric, world(g, p), centre) * Math.exp(0.3 * shared[box.local(g, p)])
				* (1 + 1.5 * fluid));
		}
		int[] core = smallest(coreDistance, allOf(candidates.length), coreCount);
		float coreEdge = 0;
		boolean[] inCore = new boolean[candidates.length];
		for (int c : core) {
			inCore[c] = true;
			coreEdge = Math.max(coreEdge, coreDistance[c]);
		}
		// Edema (swollen tissue, so only where there is tissue) grows outwards from the
		// core's edge, twice as far in white matter.
		float[] beyondCore = new float[candidates.length];
		int[] outside = new int[candidates.length];
		int outsideCount = 0;
		for (int c = 0; c < candidates.length; c++) {
			if (!inCore[c] && tissues.parenchyma(candidates[c]) >= 0.5f) {
				int p = candidates[c];
				beyondCore[c] = (float) (Math.max(0, coreDistance[c] - coreEdge) * Math.exp(0.25 * edemaNoise[box.local(g, p)])
					/ (1 + tissues.white()[p]));
				outside[outsideCount++] = c;
			}
		}
		int[] edema = smallest(beyondCore, Arrays.copyOf(outside, outsideCount), wholeCount - core.length);
		for (int c : edema) {
			labels[candidates[c]] = 2;
		}
		byte coreLabel = (byte) (enhancing ? 4 : 1);
		for (int c : core) {
			labels[candidates[c]] = coreLabel;
		}
		int enhancingCount = 0;
		if (enhancing) {
			// Necrosis only where the core surrounds a voxel on all six sides: the enhancing
			// rim then encloses it everywhere, at least a voxel thick.
			int[] interior = Arrays.stream(core).filter(c -> surroundedBy(g, labels, candidates[c], coreLabel)).toArray();
			float[] necrosisDistance = new float[candidates.length];
			for (int c : interior) {
				necrosisDistance[c] = (float) (coreDistance[c] * Math.exp(0.15 * necrosisNoise[box.local(g, candidates[c])]));
			}
			int[] necrosis = smallest(necrosisDistance, interior, (int) Math.round(core.length * necrosisFraction));
			for (int c : necrosis) {
				labels[candidates[c]] = 1;
			}
			enhancingCount = core.length - necrosis.length;
		}
		return new Lesion(centre, (core.length + edema.length) * voxelMl, core.length * voxelMl, enhancingCount * voxelMl);
	}

	/** True when the six face neighbours of voxel {@code p} exist and all carry {@code label}. */
	private static boolean surroundedBy(Geometry g, byte[] labels, int p, byte label) {
		int nx = g.nx();
		int plane = nx * g.ny();
		int i = p % nx;
		int j = (p / nx) % g.ny();
		int k = p / plane;
		if (i == 0 || j == 0 || k == 0 || i == nx - 1 || j == g.ny() - 1 || k == g.nz() - 1) {
			return false;
		}
		return labels[p - 1] == label && labels[p + 1] == label && labels[p - nx] == label && labels[p + nx] == label
			&& labels[p - plane] == label && labels[p + plane] == label;
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

	/**
	 * The {@code count} entries of {@code among} (indices into {@code distance}) with the
	 * smallest distance; ties go to the smaller index, so the choice is reproducible.
	 */
	static int[] smallest(float[] distance, int[] among, int count) {
		long[] keys = new long[among.length];
		for (int a = 0; a < among.length; a++) {
			// Non-negative floats order like their bit patterns.
			keys[a] = ((long) Float.floatToIntBits(Math.max(0f, distance[among[a]])) << 32) | among[a];
		}
		Arrays.sort(keys);
		int[] out = new int[Math.min(count, keys.length)];
		for (int a = 0; a < out.length; a++) {
			out[a] = (int) keys[a];
		}
		return out;
	}

	private static int[] allOf(int n) {
		int[] all = new int[n];
		for (int i = 0; i < n; i++) {
			all[i] = i;
		}
		return all;
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
			double inverseStretch = Math.exp(-(stretch[r] - logSum / 3));
			for (int col = 0; col < 3; col++) {
				m[r][col] = inverseStretch * rot[r][col];
			}
		}
		return m;
	}

	private static double[][] axisRotation(int axis, double angle) {
		double cs = Math.cos(angle);
		double sn = Math.sin(angle);
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
		return Math.cbrt(3 * volumeMl * 1000 / (4 * Math.PI));
	}

	/** An axis-aligned block of voxels around a seed, clipped to the grid. */
	private static final class Box {
		final int[] lo = new int[3];
		final int[] dims = new int[3];

		static Box around(Geometry g, int seed, double halfSizeMm) {
			Box b = new Box();
			int[] n = g.dims();
			int[] s = { seed % n[0], (seed / n[0]) % n[1], seed / (n[0] * n[1]) };
			Affine a = g.affine();
			for (int d = 0; d < 3; d++) {
				int half = (int) Math.ceil(halfSizeMm / a.columnNorm(d));
				b.lo[d] = Math.max(0, s[d] - half);
				b.dims[d] = Math.min(n[d] - 1, s[d] + half) - b.lo[d] + 1;
			}
			return b;
		}

		/** Grid indices of the box's voxels that pass {@code keep}, in grid order. */
		int[] voxels(Geometry g, java.util.function.IntPredicate keep) {
			int[] out = new int[dims[0] * dims[1] * dims[2]];
			int count = 0;
			for (int k = 0; k < dims[2]; k++) {
				for (int j = 0; j < dims[1]; j++) {
					for (int i = 0; i < dims[0]; i++) {
						int p = (lo[0] + i) + g.nx() * ((lo[1] + j) + g.ny() * (lo[2] + k));
						if (keep.test(p)) {
							out[count++] = p;
						}
					}
				}
			}
			return Arrays.copyOf(out, count);
		}

		/** Index within the box of grid voxel {@code p} (which must lie in the box). */
		int local(Geometry g, int p) {
			int i = p % g.nx() - lo[0];
			int j = (p / g.nx()) % g.ny() - lo[1];
			int k = p / (g.nx() * g.ny()) - lo[2];
			return i + dims[0] * (j + dims[1] * k);
		}
	}
}

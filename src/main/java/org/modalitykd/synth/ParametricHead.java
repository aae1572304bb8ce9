/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.util.SplittableRandom;

import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.TrilinearInterpolator;

/**
 * A brain phantom built from simple shapes, for machines without Colin27: a cerebrum
 * (an ellipsoid with a CSF surface layer, cortical grey matter, folded sulci and an
 * interhemispheric fissure), white matter inside, lateral, third and fourth
 * ventricles, deep grey nuclei (thalamus, caudate, lentiform), a cerebellum with a
 * white core and a brainstem. World coordinates in mm, RAS, on Colin27's 1 mm grid
 * (181 x 217 x 181, origin -90, -126, -72) so both anatomies look alike. The folding
 * comes from random fields with a fixed seed: the phantom is the same every time.
 */
public final class ParametricHead implements AnatomySource {

	private static final long SEED = 0x5EEDL;
	/** Thickness of the cortex, mm. */
	private static final double CORTEX_MM = 3;
	/** Half the width of the CSF in a sulcus, mm. */
	private static final double SULCUS_HALF_WIDTH_MM = 0.8;
	private static final Geometry GRID = new Geometry(new int[] { 181, 217, 181 }, new double[] { 1, 1, 1 },
		Affine.ofRowMajor(1, 0, 0, -90, 0, 1, 0, -126, 0, 0, 1, -72, 0, 0, 0, 1));

	/** An ellipsoid: centre and semi-axes in mm. */
	private record Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) {
		/** Normalised radius: below 1 inside. */
		double rho(double x, double y, double z) {
			double u = (x - cx) / ax;
			double v = (y - cy) / ay;
			double w = (z - cz) / az;
			return Math.sqrt(u * u + v * v + w * w);
		}

		/** Depth below the surface in mm along the ray from the centre (approximate). */
		double depth(double x, double y, double z, double rho) {
			double dx = x - cx;
			double dy = y - cy;
			double dz = z - cz;
			double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
			return rho > 1e-6 ? r * (1 / rho - 1) : Math.min(ax, Math.min(ay, az));
		}

		/** Where the ray from the centre through (x, y, z) leaves the ellipsoid. */
		double[] surfacePoint(double x, double y, double z, double rho) {
			double scale = rho > 1e-6 ? 1 / rho : 1;
			return new double[] { cx + (x - cx) * scale, cy + (y - cy) * scale, cz + (z - cz) * scale };
		}

		Ellipsoid mirrored() {
			return new Ellipsoid(-cx, cy, cz, ax, ay, az);
		}
	}

	private static final Ellipsoid CEREBRUM = new Ellipsoid(0, -17, 14, 70, 88, 64);
	private static final Ellipsoid CEREBELLUM = new Ellipsoid(0, -64, -34, 50, 32, 22);
	private static final Ellipsoid BRAINSTEM = new Ellipsoid(0, -28, -36, 12, 13, 30);
	private static final Ellipsoid[] VENTRICLES = withMirrors(
		new Ellipsoid(8, -6, 17, 4, 26, 6), new Ellipsoid(16, -36, 12, 5, 10, 8), new Ellipsoid(28, -22, -12, 3, 12, 3),
		new Ellipsoid(12, 16, 12, 4, 9, 7));
	private static final Ellipsoid[] MIDLINE_CSF = {
		new Ellipsoid(0, -14, 2, 1.5, 11, 8), new Ellipsoid(0, -50, -28, 4, 3, 5) };
	private static final Ellipsoid[] DEEP_GREY = withMirrors(
		new Ellipsoid(10, -18, 6, 7, 12, 8), new Ellipsoid(15, 8, 12, 4, 9, 6), new Ellipsoid(24, 0, 2, 6, 13, 9));

	@Override
	public String name() {
		return "parametric";
	}

	@Override
	public String description() {
		return "parametric head phantom (ellipsoids with random folding, fixed seed)";
	}

	@Override
	public TissueMaps tissues() {
		int[] dims = GRID.dims();
		SplittableRandom rng = new SplittableRandom(SEED);
		Folding folding = new Folding(GRID.affine().inverse(), RandomField.smooth(rng, dims, 14),
			new TrilinearInterpolator(RandomField.smooth(rng, dims, 4), dims),
			new TrilinearInterpolator(RandomField.smooth(rng, dims, 10), dims), RandomField.smooth(rng, dims, 1.5));
		int n = Math.toIntExact(GRID.voxelCount());
		float[] csf = new float[n];
		float[] grey = new float[n];
		float[] white = new float[n];
		Affine a = GRID.affine();
		for (int k = 0, p = 0; k < dims[2]; k++) {
			for (int j = 0; j < dims[1]; j++) {
				for (int i = 0; i < dims[0]; i++, p++) {
					double[] w = a.apply(i, j, k);
					Tissue t = tissueAt(w[0], w[1], w[2], p, folding);
					if (t == Tissue.CSF) {
						csf[p] = 1;
					} else if (t == Tissue.GREY_MATTER) {
						grey[p] = 1;
					} else if (t == Tissue.WHITE_MATTER) {
						white[p] = 1;
					}
				}
			}
		}
		return new TissueMaps(GRID, csf, grey, white);
	}

	/** A layered shell around the brain: see {@link HeadBuilder#shell}. */
	@Override
	public HeadMaps head(TissueMaps tissues) {
		return HeadBuilder.shell(tissues);
	}

	/**
	 * The random fields of the folding. Sulci are zero crossings of a field read at the
	 * point of the brain's surface above a voxel (along the ray from the centre), so
	 * each sulcus is a sheet running inwards from the surface, as real sulci do.
	 */
	private record Folding(Affine toIndex, float[] surface, TrilinearInterpolator sulci,
		TrilinearInterpolator sulcusDepth, float[] folia) {
	}

	/** The tissue at world point (x, y, z) (grid index p), or null outside the brain. */
	private static Tissue tissueAt(double x, double y, double z, int p, Folding f) {
		double rho = CEREBRUM.rho(x, y, z) * (1 + 0.025 * f.surface()[p]);
		if (rho < 1) {
			return cerebrum(x, y, z, rho, f);
		}
		double rhoCb = CEREBELLUM.rho(x, y, z) * (1 + 0.02 * f.surface()[p]);
		if (rhoCb < 1 && z < -14) {
			double depth = CEREBELLUM.depth(x, y, z, rhoCb);
			if (depth < 1.2 || (rhoCb > 0.65 && Math.abs(f.folia()[p]) < 0.12)) {
				return Tissue.CSF;
			}
			return rhoCb > 0.5 ? Tissue.GREY_MATTER : Tissue.WHITE_MATTER;
		}
		double rhoBs = BRAINSTEM.rho(x, y, z);
		if (rhoBs < 1) {
			return rhoBs > 0.85 ? Tissue.CSF : Tissue.WHITE_MATTER;
		}
		return null;
	}

	private static Tissue cerebrum(double x, double y, double z, double rho, Folding f) {
		double depth = CEREBRUM.depth(x, y, z, rho);
		if (depth < 1.5) {
			return Tissue.CSF;
		}
		boolean aboveCallosum = z > 24 || y > 32 || y < -52;
		if (Math.abs(x) < 1.3 && aboveCallosum && depth < 48) {
			return Tissue.CSF;
		}
		if (inAny(VENTRICLES, x, y, z) || inAny(MIDLINE_CSF, x, y, z)) {
			return Tissue.CSF;
		}
		if (inAny(DEEP_GREY, x, y, z)) {
			return Tissue.GREY_MATTER;
		}
		if (depth < CORTEX_MM + 1.5) {
			return Tissue.GREY_MATTER;
		}
		if (depth > 30) {
			return Tissue.WHITE_MATTER;
		}
		// Read the folding fields where the ray from the centre meets the surface.
		double[] q = CEREBRUM.surfacePoint(x, y, z, rho);
		double[] idx = f.toIndex().apply(q[0], q[1], q[2]);
		double sulcusDepth = 12 + 6 * f.sulcusDepth().at(idx[0], idx[1], idx[2]);
		if (depth > sulcusDepth + 4) {
			return Tissue.WHITE_MATTER;
		}
		// Distance to the sulcus (the field's zero crossing) to first order: |s| / |grad s|.
		TrilinearInterpolator sulci = f.sulci();
		double s = sulci.at(idx[0], idx[1], idx[2]);
		double gx = sulci.at(idx[0] + 0.5, idx[1], idx[2]) - sulci.at(idx[0] - 0.5, idx[1], idx[2]);
		double gy = sulci.at(idx[0], idx[1] + 0.5, idx[2]) - sulci.at(idx[0], idx[1] - 0.5, idx[2]);
		double gz = sulci.at(idx[0], idx[1], idx[2] + 0.5) - sulci.at(idx[0], idx[1], idx[2] - 0.5);
		double distanceMm = Math.abs(s) / Math.max(1e-3, Math.sqrt(gx * gx + gy * gy + gz * gz));
		if (depth < sulcusDepth && distanceMm < SULCUS_HALF_WIDTH_MM) {
			return Tissue.CSF;
		}
		// Grey matter lines each sulcus and its fundus.
		return distanceMm < SULCUS_HALF_WIDTH_MM + CORTEX_MM ? Tissue.GREY_MATTER : Tissue.WHITE_MATTER;
	}

	private static boolean inAny(Ellipsoid[] shapes, double x, double y, double z) {
		for (Ellipsoid e : shapes) {
			if (e.rho(x, y, z) < 1) {
				return true;
			}
		}
		return false;
	}

	private static Ellipsoid[] withMirrors(Ellipsoid... right) {
		Ellipsoid[] both = new Ellipsoid[right.length * 2];
		for (int i = 0; i < right.length; i++) {
			both[2 * i] = right[i];
			both[2 * i + 1] = right[i].mirrored();
		}
		return both;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import org.modalitykd.volume.Geometry;

/**
 * Builds the {@link HeadMaps} (skull, scalp, fluid under the skull) of an anatomy, at
 * its native 1 mm resolution. docs/synth.md says how and why.
 */
final class HeadBuilder {

	/** Dark voxels further than this from the brain are air (sinuses, airways), nearer ones bone. */
	static final double MAX_SKULL_DISTANCE_MM = 12;
	/** Closing radius that joins the inner and outer tables of the skull across the diploe. */
	static final double DIPLOE_CLOSING_MM = 2;
	/** Share of bone in the diploe (cancellous bone; the rest is marrow). */
	static final float DIPLOE_BONE = 0.45f;
	/** Non-brain voxels this close to the brain and not bone are fluid under the skull. */
	static final double SUBARACHNOID_MM = 3;

	// Outer edges of the layers of the phantom's head by distance from the brain, mm:
	// fluid, inner table, diploe, outer table, subcutaneous fat, skin (the head then just
	// fits the grid).
	static final double[] SHELL_EDGES_MM = { 1.5, 3, 5.5, 7, 11, 12 };

	private HeadBuilder() {
	}

	/**
	 * The head of a T1-weighted image with its skull. The head is every voxel of
	 * {@code t1} that is non-zero, with enclosed holes filled; outside the brain mask
	 * its T1 intensities are split, as {@link TissueUnmixing} splits the brain, into
	 * three classes: dark (bone, air, fluid: no T1 signal), intermediate (skin, muscle)
	 * and bright (fat). Dark voxels within {@link #MAX_SKULL_DISTANCE_MM} of the brain
	 * are bone, a closing by {@link #DIPLOE_CLOSING_MM} adds the marrow between the two
	 * tables (the diploe) at {@link #DIPLOE_BONE}, dark voxels further away are air, and
	 * what is left within {@link #SUBARACHNOID_MM} of the brain is fluid.
	 *
	 * @param t1    the head's T1 intensities, 0 outside the head
	 * @param brain the brain mask (the voxels the {@link TissueMaps} fill)
	 */
	static HeadMaps fromT1(Geometry g, float[] t1, boolean[] brain) {
		int n = t1.length;
		boolean[] head = filledHead(t1, g.dims());
		int count = 0;
		for (int p = 0; p < n; p++) {
			count += head[p] && !brain[p] ? 1 : 0;
		}
		float[] values = new float[count];
		for (int p = 0, c = 0; p < n; p++) {
			if (head[p] && !brain[p]) {
				values[c++] = t1[p];
			}
		}
		// Centres: dark (bone, air), intermediate (skin, muscle), bright (fat).
		TissueUnmixing classes = TissueUnmixing.fit(values);
		float[] toBrain = DistanceMap.to(brain, g);
		double darkLimit = (classes.csfCentre() + classes.greyCentre()) / 2;
		boolean[] dark = new boolean[n];
		for (int p = 0; p < n; p++) {
			dark[p] = head[p] && !brain[p] && t1[p] < darkLimit && toBrain[p] <= MAX_SKULL_DISTANCE_MM;
		}
		boolean[] skull = DistanceMap.closing(dark, g, DIPLOE_CLOSING_MM);
		float[] fluid = new float[n];
		float[] bone = new float[n];
		float[] soft = new float[n];
		float[] fat = new float[n];
		float[] darkShare = new float[n];
		for (int p = 0; p < n; p++) {
			if (!head[p] || brain[p]) {
				continue;
			}
			classes.unmix(t1[p], p, darkShare, soft, fat);
			if (skull[p]) {
				float b = Math.max(darkShare[p], dark[p] ? 0 : DIPLOE_BONE);
				float rest = soft[p] + fat[p];
				float scale = rest > 0 ? (1 - b) / rest : 0;
				bone[p] = b;
				soft[p] *= scale;
				fat[p] *= scale;
			} else if (toBrain[p] <= SUBARACHNOID_MM) {
				fluid[p] = 1;
				soft[p] = 0;
				fat[p] = 0;
			}
			// Elsewhere the dark share is air: left out of every map.
		}
		return new HeadMaps(g, fluid, bone, soft, fat);
	}

	/**
	 * A layered shell around the brain for the phantom, by distance from the brain
	 * ({@link #SHELL_EDGES_MM}): fluid, inner table, diploe, outer table, fat, skin;
	 * air beyond.
	 */
	static HeadMaps shell(TissueMaps brainMaps) {
		Geometry g = brainMaps.geometry();
		int n = brainMaps.csf().length;
		boolean[] brain = new boolean[n];
		for (int p = 0; p < n; p++) {
			brain[p] = brainMaps.brain(p) >= 0.5f;
		}
		float[] d = DistanceMap.to(brain, g);
		float[] fluid = new float[n];
		float[] bone = new float[n];
		float[] soft = new float[n];
		float[] fat = new float[n];
		double[] e = SHELL_EDGES_MM;
		for (int p = 0; p < n; p++) {
			float free = 1 - Math.min(1, brainMaps.brain(p));
			double x = d[p];
			if (x == 0 || free <= 0) {
				continue;
			}
			if (x <= e[0]) {
				fluid[p] = free;
			} else if (x <= e[1] || (x > e[2] && x <= e[3])) {
				bone[p] = free;
			} else if (x <= e[2]) {
				bone[p] = DIPLOE_BONE * free;
				fat[p] = (1 - DIPLOE_BONE) * free;
			} else if (x <= e[4]) {
				fat[p] = free;
			} else if (x <= e[5]) {
				soft[p] = free;
			}
		}
		return new HeadMaps(g, fluid, bone, soft, fat);
	}

	/** Non-zero voxels plus the zero regions they enclose (not reached from the grid's border). */
	static boolean[] filledHead(float[] t1, int[] dims) {
		int nx = dims[0];
		int ny = dims[1];
		int nz = dims[2];
		int n = t1.length;
		boolean[] outside = new boolean[n];
		int[] queue = new int[n];
		int tail = 0;
		for (int k = 0, p = 0; k < nz; k++) {
			for (int j = 0; j < ny; j++) {
				for (int i = 0; i < nx; i++, p++) {
					boolean border = i == 0 || j == 0 || k == 0 || i == nx - 1 || j == ny - 1 || k == nz - 1;
					if (border && t1[p] == 0) {
						outside[p] = true;
						queue[tail++] = p;
					}
				}
			}
		}
		int[] steps = { 1, -1, nx, -nx, nx * ny, -nx * ny };
		for (int head = 0; head < tail; head++) {
			int p = queue[head];
			int i = p % nx;
			int j = (p / nx) % ny;
			int k = p / (nx * ny);
			for (int s = 0; s < 6; s++) {
				boolean inside = switch (s) {
					case 0 -> i < nx - 1;
					case 1 -> i > 0;
					case 2 -> j < ny - 1;
					case 3 -> j > 0;
					case 4 -> k < nz - 1;
					default -> k > 0;
				};
				int q = p + steps[s];
				if (inside && !outside[q] && t1[q] == 0) {
					outside[q] = true;
					queue[tail++] = q;
				}
			}
		}
		boolean[] inside = new boolean[n];
		for (int p = 0; p < n; p++) {
			inside[p] = !outside[p];
		}
		return inside;
	}
}

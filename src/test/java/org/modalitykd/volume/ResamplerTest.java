/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;

/** Resampling through world coordinates, against hand-computed values and scipy.ndimage. */
class ResamplerTest {

	private static final Path SCRIPT = Path.of("src/test/python/resample_reference.py");

	@TempDir
	Path tmp;

	@Test
	void affineInverseUndoesTheAffine() {
		Affine a = Affine.ofRowMajor(0.9, 0.1, 0, -80, -0.2, 1.1, 0.3, 12, 0, -0.1, 2.5, 40, 0, 0, 0, 1);
		Affine id = a.inverse().compose(a);
		assertEquals(0, id.maxDifference(Affine.identity()), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> Affine.scaling(1, 0, 1).inverse());
	}

	@Test
	void ontoItsOwnGridNothingChanges() {
		Geometry g = new Geometry(new int[] { 5, 4, 3 }, new double[] { 1, 2, 3 },
			Affine.ofRowMajor(-1, 0, 0, 10, 0, 2, 0, -5, 0, 0, 3, 7, 0, 0, 0, 1));
		float[] values = random(60, 1);
		assertArrayEquals(values, Resampler.linear(values, g, g, -1f));
		byte[] labels = new byte[60];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = (byte) (i % 5);
		}
		assertArrayEquals(labels, Resampler.nearest(new LabelVolume(g, labels), g).labels());
	}

	@Test
	void nearestTakesTheHigherIndexAtAnExactTie() {
		Geometry source = Geometry.axisAligned(2, 1, 1, 1, 1, 1);
		Geometry between = new Geometry(new int[] { 1, 1, 1 }, new double[] { 1, 1, 1 },
			Affine.ofRowMajor(1, 0, 0, 0.5, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1));
		assertEquals(4, Resampler.nearest(new LabelVolume(source, new byte[] { 1, 4 }), between).get(0, 0, 0));
	}

	@Test
	void handComputedShiftsAndFill() {
		// Source: 4x1x1 along x with values 0, 10, 20, 30 at x = 0, 1, 2, 3 mm.
		Geometry source = Geometry.axisAligned(4, 1, 1, 1, 1, 1);
		float[] v = { 0, 10, 20, 30 };
		// Target voxels at x = -0.75, -0.25, 0.25, 1.5, 2.9, 3.25, 3.75 mm.
		double[] xs = { -0.75, -0.25, 0.25, 1.5, 2.9, 3.25, 3.75 };
		float[] expected = { -1, 0, 2.5f, 15, 29, 30, -1 };
		for (int t = 0; t < xs.length; t++) {
			Geometry target = new Geometry(new int[] { 1, 1, 1 }, new double[] { 1, 1, 1 },
				Affine.ofRowMajor(1, 0, 0, xs[t], 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1));
			assertEquals(expected[t], Resampler.linear(v, source, target, -1f)[0], 1e-5, "x = " + xs[t]);
		}
		// Downsampling by 2 with matching corners: target centres sit between source pairs.
		Geometry coarse = source.withSpacing(2, 1, 1);
		assertEquals(2, coarse.nx());
		assertEquals(0.5, coarse.affine().get(0, 3), 1e-12);
		assertArrayEquals(new float[] { 5, 25 }, Resampler.linear(v, source, coarse, 0f), 1e-5f);
	}

	@Test
	void linearMatchesScipyOnAnObliqueGrid() throws IOException {
		References.requireScipy();
		Geometry source = new Geometry(new int[] { 9, 8, 7 }, new double[] { 1, 1.5, 2 },
			Affine.ofRowMajor(1, 0, 0, -4, 0, 1.5, 0, -6, 0, 0, 2, -7, 0, 0, 0, 1));
		float[] values = random((int) source.voxelCount(), 2);
		// A rotated, finer grid that reaches beyond the source on some sides.
		double c = Math.cos(0.3);
		double s = Math.sin(0.3);
		Geometry target = new Geometry(new int[] { 12, 11, 9 }, new double[] { 0.9, 0.9, 1.4 },
			Affine.ofRowMajor(0.9 * c, -0.9 * s, 0, -6.1, 0.9 * s, 0.9 * c, 0, -7.3, 0, 0, 1.4, -7.9, 0, 0, 0, 1));
		float[] ours = Resampler.linear(values, source, target, 0f);
		float[] scipy = reference("linear", source, values, target);
		assertArrayEquals(scipy, ours, 1e-4f);
		int outside = 0;
		for (float v : ours) {
			outside += v == 0 ? 1 : 0;
		}
		assertEquals(true, outside > 0 && outside < ours.length, "the target reaches outside the source in places");
	}

	@Test
	void nearestMatchesScipyAndNeverBlendsLabels() throws IOException {
		References.requireScipy();
		Geometry source = Geometry.axisAligned(10, 9, 8, 2, 2, 2);
		byte[] labels = new byte[(int) source.voxelCount()];
		float[] asFloat = new float[labels.length];
		SplittableRandom rng = new SplittableRandom(4);
		int[] brats = { 0, 1, 2, 4 };
		for (int i = 0; i < labels.length; i++) {
			labels[i] = (byte) brats[rng.nextInt(4)];
			asFloat[i] = labels[i];
		}
		double c = Math.cos(0.2);
		double s = Math.sin(0.2);
		Geometry target = new Geometry(new int[] { 23, 21, 9 }, new double[] { 0.83, 0.83, 1.7 },
			Affine.ofRowMajor(0.83 * c, 0, -1.7 * s, 0.3731, 0, 0.83, 0, 0.2137, 0.83 * s, 0, 1.7 * c, 0.1323, 0, 0, 0, 1));
		// Offsets chosen so that no position falls exactly halfway between two centres.
		byte[] ours = Resampler.nearest(new LabelVolume(source, labels), target).labels();
		float[] scipy = reference("nearest", source, asFloat, target);
		for (int i = 0; i < ours.length; i++) {
			assertEquals(scipy[i], ours[i], 0, "voxel " + i);
		}
	}

	@Test
	void gaussianFilterMatchesScipy() throws IOException {
		References.requireScipy();
		Geometry g = Geometry.axisAligned(17, 13, 11, 1, 1, 1);
		float[] values = random((int) g.voxelCount(), 5);
		double[] sigma = { 1.0, 1.5, 0 };
		float[] ours = GaussianFilter.smooth(values, g.dims(), sigma);
		Path in = tmp.resolve("g.nii");
		Path out = tmp.resolve("g_out.nii");
		new NiftiWriter().writeVolume(Volume.of(g, "x", values), header(g), in);
		runScript("gauss", in.toString(), out.toString(), "1.0", "1.5", "0");
		assertArrayEquals(new NiftiReader().readVolume(out).channel(0), ours, 1e-4f);
	}

	@Test
	void gaussianFilterKeepsConstantsAndMass() {
		int[] dims = { 9, 9, 4 };
		float[] constant = new float[324];
		java.util.Arrays.fill(constant, 3.5f);
		assertArrayEquals(constant, GaussianFilter.smooth(constant, dims, 2.0), 1e-5f);
		float[] impulse = new float[324];
		impulse[4 + 9 * (4 + 9 * 2)] = 1;
		float sum = 0;
		for (float v : GaussianFilter.smooth(impulse, dims, new double[] { 0.7, 0.7, 0 })) {
			sum += v;
		}
		assertEquals(1, sum, 1e-5, "an impulse away from the edges keeps its mass");
	}

	private float[] reference(String mode, Geometry source, float[] values, Geometry target) throws IOException {
		Path in = tmp.resolve(mode + "_src.nii");
		Path grid = tmp.resolve(mode + "_grid.nii");
		Path out = tmp.resolve(mode + "_out.nii");
		NiftiWriter writer = new NiftiWriter();
		writer.writeVolume(Volume.of(source, "x", values), header(source), in);
		writer.writeVolume(Volume.of(target, "x", new float[(int) target.voxelCount()]), header(target), grid);
		runScript(mode, in.toString(), grid.toString(), out.toString());
		Volume v = new NiftiReader().readVolume(out);
		assertEquals(true, v.geometry().sameGrid(target, 1e-4), "scipy's output grid");
		return v.channel(0);
	}

	private static NiftiHeader header(Geometry g) {
		return new NiftiHeader().setXyztUnits(NiftiHeader.UNITS_MM).setSform(g.affine(), NiftiHeader.XFORM_ALIGNED_ANAT);
	}

	private static void runScript(String... args) {
		List<String> cmd = new java.util.ArrayList<>(List.of(References.PYTHON.toString(), SCRIPT.toString()));
		cmd.addAll(List.of(args));
		References.Run r = References.run(cmd);
		assertEquals(0, r.exitCode(), "scipy reference failed: " + r.stderr());
	}

	private static float[] random(int n, long seed) {
		SplittableRandom rng = new SplittableRandom(seed);
		float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) (100 * rng.nextDouble());
		}
		return v;
	}
}

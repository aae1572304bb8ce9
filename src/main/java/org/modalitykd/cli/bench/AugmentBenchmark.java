/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.modalitykd.data.AugmentationLevel;
import org.modalitykd.data.BatchSource;
import org.modalitykd.data.PatchSampler;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.io.Modalities;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

/**
 * {@code bench --suite augment}: the time to make one training batch (sampling and
 * augmentation, on the calling thread, no TensorFlow) at each augmentation level, on a
 * synthetic four-channel 160 x 160 x 128 case, and the ratio to {@code light}. Batches
 * are prepared on a background thread while TensorFlow steps, so a level costs training
 * time only where a batch takes longer than a step.
 *
 * @param patch the patch size in voxels (a cube)
 * @param batch patches per batch
 * @param repeats sets the batches timed per level (10 per repeat, at least 10)
 */
public record AugmentBenchmark(int patch, int batch, int repeats) {

	public void run(PrintWriter out) {
		TrainingCase c = syntheticCase();
		int steps = Math.max(10, 10 * repeats);
		out.printf(Locale.ROOT, "augment: batch %d x %d channels x %d^3, mean of %d batches after %d warm-up%n", batch,
			c.images().channelCount(), patch, steps, steps);
		double light = 0;
		for (AugmentationLevel level : AugmentationLevel.values()) {
			double ms = msPerBatch(c, level, steps);
			if (level == AugmentationLevel.LIGHT) {
				light = ms;
			}
			out.printf(Locale.ROOT, "  %-8s %8.1f ms/batch  %5.2fx light%n", level.key(), ms, ms / light);
		}
		out.flush();
	}

	private double msPerBatch(TrainingCase c, AugmentationLevel level, int steps) {
		try (BatchSource s = new BatchSource(List.of(c), new PatchSampler(new int[] { patch, patch, patch }),
			level.augmentation(), batch, 1.0 / 3, 1, 0, 1)) {
			long checksum = 0;
			for (int step = 0; step < steps; step++) {
				checksum += s.batch(step).labels().length;
			}
			long start = System.nanoTime();
			for (int step = steps; step < 2 * steps; step++) {
				checksum += s.batch(step).labels().length;
			}
			double ms = (System.nanoTime() - start) / 1e6 / steps;
			return checksum > 0 ? ms : Double.NaN;
		}
	}

	/** Four smooth random channels and a tumour block, z-scored values around 0. */
	private static TrainingCase syntheticCase() {
		int nx = 160;
		int ny = 160;
		int nz = 128;
		Geometry g = Geometry.axisAligned(nx, ny, nz, 1, 1, 1);
		int n = nx * ny * nz;
		SplittableRandom r = new SplittableRandom(1);
		float[][] channels = new float[4][n];
		for (int ch = 0; ch < 4; ch++) {
			double fx = 0.05 + 0.1 * r.nextDouble();
			double fy = 0.05 + 0.1 * r.nextDouble();
			for (int i = 0; i < n; i++) {
				int x = i % nx;
				int y = (i / nx) % ny;
				channels[ch][i] = (float) (Math.sin(fx * x) * Math.cos(fy * y) + 0.2 * r.nextGaussian());
			}
		}
		byte[] classes = new byte[n];
		List<Integer> fg = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int x = i % nx;
			int y = (i / nx) % ny;
			int z = i / (nx * ny);
			if (Math.abs(x - 80) < 15 && Math.abs(y - 70) < 15 && Math.abs(z - 60) < 12) {
				classes[i] = (byte) (1 + (x + y) % 3);
				fg.add(i);
			}
		}
		Volume v = new Volume(g, Modalities.BRATS, channels);
		return new TrainingCase("bench", v, classes, fg.stream().mapToInt(Integer::intValue).toArray());
	}
}

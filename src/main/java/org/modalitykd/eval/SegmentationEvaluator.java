/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.modalitykd.data.BratsLabels;
import org.modalitykd.io.LabelMapCheck;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;

/**
 * Compares a predicted BraTS label map with a reference, per region (WT, TC, ET). The
 * two must lie on the same voxel grid. Stateless and thread-safe.
 */
public final class SegmentationEvaluator {

	/** Largest entry-wise affine difference (mm) still counted as the same grid. */
	private static final double GRID_TOLERANCE_MM = 1e-3;

	/**
	 * Reads a label map to evaluate.
	 *
	 * @throws NiftiException when it cannot be read or holds values other than the BraTS
	 *                        labels: regions are unions of 1, 2 and 4, so any other value
	 *                        would silently count as background
	 */
	public static LabelVolume readLabels(NiftiReader reader, Path file) throws NiftiException {
		LabelVolume labels = reader.readLabels(file);
		String unexpected = LabelMapCheck.unexpected(labels, BratsLabels.STORED);
		if (unexpected != null) {
			throw new NiftiException(file, "holds labels other than the BraTS 0, 1, 2, 4: " + unexpected
				+ "; remap them to BraTS labels first");
		}
		return labels;
	}

	/**
	 * @throws IllegalArgumentException when the grids differ (the message says how), or
	 *                                  a map holds values other than 0, 1, 2, 4
	 */
	public Map<BratsRegion, RegionMetrics> evaluate(LabelVolume prediction, LabelVolume reference) {
		requireBrats(prediction, "prediction");
		requireBrats(reference, "reference");
		Geometry p = prediction.geometry();
		Geometry r = reference.geometry();
		if (!Arrays.equals(p.dims(), r.dims())) {
			throw new IllegalArgumentException("the prediction is " + p.describe() + " but the reference is " + r.describe()
				+ "; they must be on the same voxel grid");
		}
		if (!p.affine().approximatelyEquals(r.affine(), GRID_TOLERANCE_MM)) {
			throw new IllegalArgumentException(String.format(
				"the prediction and the reference have different affines (up to %.3g mm apart); they must be on the same voxel grid",
				p.affine().maxDifference(r.affine())));
		}
		Map<BratsRegion, RegionMetrics> out = new EnumMap<>(BratsRegion.class);
		for (BratsRegion region : BratsRegion.values()) {
			out.put(region, evaluate(region.mask(prediction.labels()), region.mask(reference.labels()), r));
		}
		return out;
	}

	private static void requireBrats(LabelVolume labels, String which) {
		String unexpected = LabelMapCheck.unexpected(labels, BratsLabels.STORED);
		if (unexpected != null) {
			throw new IllegalArgumentException("the " + which + " holds labels other than the BraTS 0, 1, 2, 4: " + unexpected
				+ "; remap them to BraTS labels first");
		}
	}

	/** Metrics of two masks on one grid. */
	public static RegionMetrics evaluate(boolean[] pred, boolean[] ref, Geometry grid) {
		long tp = 0;
		long fp = 0;
		long fn = 0;
		for (int i = 0; i < pred.length; i++) {
			if (pred[i]) {
				if (ref[i]) {
					tp++;
				} else {
					fp++;
				}
			} else if (ref[i]) {
				fn++;
			}
		}
		long tn = pred.length - tp - fp - fn;
		long predCount = tp + fp;
		long refCount = tp + fn;
		double voxelMl = grid.voxelVolumeMl();
		double dice;
		double hd95;
		if (predCount == 0 && refCount == 0) {
			dice = 1;
			hd95 = 0;
		} else if (predCount == 0 || refCount == 0) {
			dice = 0;
			hd95 = diagonalMm(grid);
		} else {
			dice = 2.0 * tp / (predCount + refCount);
			hd95 = SurfaceDistances.hd95(pred, ref, grid.dims(), grid.spacing());
		}
		double sensitivity = refCount == 0 ? Double.NaN : (double) tp / refCount;
		double specificity = tn + fp == 0 ? Double.NaN : (double) tn / (tn + fp);
		return new RegionMetrics(dice, hd95, sensitivity, specificity, refCount * voxelMl, predCount * voxelMl);
	}

	/** The image's diagonal in mm: the length of the box the voxels fill. */
	static double diagonalMm(Geometry g) {
		double s = 0;
		for (int d = 0; d < 3; d++) {
			double len = g.dims()[d] * g.spacing()[d];
			s += len * len;
		}
		return Math.sqrt(s);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

class SegmentationEvaluatorTest {

	@TempDir
	Path tmp;

	/** A 4x1x1 line: hand-computable counts. */
	private static LabelVolume line(int... labels) {
		byte[] b = new byte[labels.length];
		for (int i = 0; i < b.length; i++) {
			b[i] = (byte) labels[i];
		}
		return new LabelVolume(Geometry.axisAligned(labels.length, 1, 1, 2, 2, 2), b);
	}

	@Test
	void regionsCountTheRightLabelsByHand() {
		// ref: 0 1 2 4 4 0 ; pred: 0 1 1 4 0 2
		Map<BratsRegion, RegionMetrics> m = new SegmentationEvaluator().evaluate(line(0, 1, 1, 4, 0, 2),
			line(0, 1, 2, 4, 4, 0));
		// WT: ref {1,2,3,4} pred {1,2,3,5}: tp 3, |P| 4, |R| 4.
		RegionMetrics wt = m.get(BratsRegion.WT);
		assertEquals(2.0 * 3 / 8, wt.dice(), 1e-15);
		assertEquals(3.0 / 4, wt.sensitivity(), 1e-15);
		assertEquals(1.0 / 2, wt.specificity(), 1e-15);
		assertEquals(4 * 0.008, wt.refVolumeMl(), 1e-15);
		// TC: ref {1,3,4} pred {1,2,3}: tp 2.
		assertEquals(2.0 * 2 / 6, m.get(BratsRegion.TC).dice(), 1e-15);
		// ET: ref {3,4} pred {3}: tp 1.
		RegionMetrics et = m.get(BratsRegion.ET);
		assertEquals(2.0 / 3, et.dice(), 1e-15);
		assertEquals(0.5, et.sensitivity(), 1e-15);
		assertEquals(1.0, et.specificity(), 1e-15);
		assertEquals(0.008, et.predVolumeMl(), 1e-15);
	}

	@Test
	void hd95ByHandOnALine() {
		// ref voxels {0,1} pred {3}: on a 1-voxel-thick line every mask voxel is surface.
		// Distances with 2 mm spacing: pred->ref {4 mm}, ref->pred {6, 4}; pooled {4,4,6};
		// 95th percentile: rank 1.9 -> 4 + 0.9 * 2 = 5.8.
		RegionMetrics et = new SegmentationEvaluator().evaluate(line(0, 0, 0, 4, 0), line(4, 4, 0, 0, 0)).get(BratsRegion.ET);
		assertEquals(5.8, et.hd95Mm(), 1e-12);
		assertEquals(0, et.dice());
	}

	@Test
	void emptyConventions() {
		Map<BratsRegion, RegionMetrics> bothEmpty = new SegmentationEvaluator().evaluate(line(0, 2, 0), line(2, 0, 0));
		assertEquals(1.0, bothEmpty.get(BratsRegion.ET).dice());
		assertEquals(0.0, bothEmpty.get(BratsRegion.ET).hd95Mm());
		assertTrue(Double.isNaN(bothEmpty.get(BratsRegion.ET).sensitivity()));
		Map<BratsRegion, RegionMetrics> missed = new SegmentationEvaluator().evaluate(line(0, 0, 0), line(4, 0, 0));
		assertEquals(0.0, missed.get(BratsRegion.ET).dice());
		// Diagonal of a 3x1x1 grid of 2 mm voxels: sqrt(6^2 + 2^2 + 2^2).
		assertEquals(Math.sqrt(36 + 4 + 4), missed.get(BratsRegion.ET).hd95Mm(), 1e-12);
	}

	@Test
	void differentGridsAreRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new SegmentationEvaluator().evaluate(line(0, 1), line(0, 1, 2)));
		assertTrue(e.getMessage().contains("same voxel grid"), e.getMessage());
	}

	@Test
	void matchesNumpyScipyOnRandomBlobsWithAnisotropicSpacing() throws IOException {
		References.requireScipy();
		SplittableRandom random = new SplittableRandom(5);
		Geometry g = Geometry.axisAligned(23, 19, 11, 0.8, 1.3, 2.7);
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1).setQform(g.affine(), 1);
		for (int trial = 0; trial < 6; trial++) {
			LabelVolume ref = blobs(g, random, trial == 5);
			LabelVolume pred = blobs(g, random, false);
			Path p = tmp.resolve("pred" + trial + ".nii.gz");
			Path r = tmp.resolve("ref" + trial + "_seg.nii.gz");
			new NiftiWriter().writeLabels(pred, h, p);
			new NiftiWriter().writeLabels(ref, h, r);
			References.Run run = References.run(List.of(References.PYTHON.toString(), "src/test/python/eval_reference.py",
				p.toString(), r.toString()));
			assertEquals(0, run.exitCode(), run.stderr());
			JsonObject expected = com.google.gson.JsonParser.parseString(run.stdout()).getAsJsonObject();
			// Read back, as the evaluate command does: the header stores spacing as float32.
			NiftiReader reader = new NiftiReader();
			Map<BratsRegion, RegionMetrics> ours = new SegmentationEvaluator().evaluate(reader.readLabels(p), reader.readLabels(r));
			for (BratsRegion region : BratsRegion.values()) {
				JsonObject e = expected.getAsJsonObject(region.name());
				double[] v = ours.get(region).values();
				for (int k = 0; k < RegionMetrics.NAMES.length; k++) {
					JsonElement x = e.get(RegionMetrics.NAMES[k]);
					String what = "trial " + trial + " " + region + " " + RegionMetrics.NAMES[k];
					if (x.isJsonNull()) {
						assertTrue(Double.isNaN(v[k]), what);
					} else {
						assertEquals(x.getAsDouble(), v[k], 1e-9 * Math.max(1, Math.abs(x.getAsDouble())), what);
					}
				}
			}
		}
	}

	/** A few random ellipsoids with core labels inside edema; ET left out when asked. */
	private static LabelVolume blobs(Geometry g, SplittableRandom random, boolean noEnhancing) {
		int[] d = g.dims();
		byte[] labels = new byte[(int) g.voxelCount()];
		for (int blob = 0; blob < 1 + random.nextInt(2); blob++) {
			double cx = random.nextDouble() * d[0];
			double cy = random.nextDouble() * d[1];
			double cz = random.nextDouble() * d[2];
			double r = 2 + random.nextDouble() * 5;
			for (int k = 0; k < d[2]; k++) {
				for (int j = 0; j < d[1]; j++) {
					for (int i = 0; i < d[0]; i++) {
						double q = Math.pow((i - cx) / r, 2) + Math.pow((j - cy) / (r * 0.8), 2) + Math.pow((k - cz) / (r * 0.5), 2);
						int idx = i + d[0] * (j + d[1] * k);
						if (q < 0.2) {
							labels[idx] = 1;
						} else if (q < 0.45 && !noEnhancing) {
							labels[idx] = 4;
						} else if (q < 1 && labels[idx] == 0) {
							labels[idx] = 2;
						}
					}
				}
			}
		}
		return new LabelVolume(g, labels);
	}
}

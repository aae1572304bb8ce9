/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modalitykd.eval.TumourVolumes;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

class QualityMapsTest {

	private static final Geometry G = Geometry.axisAligned(4, 1, 1, 2, 2, 2.5);

	@Test
	void disagreementMarksDifferingVoxels() {
		float[] map = QualityMaps.disagreement(new LabelVolume(G, new byte[] { 0, 1, 2, 4 }),
			new LabelVolume(G, new byte[] { 0, 2, 2, 0 }));
		assertArrayEquals(new float[] { 0, 1, 0, 1 }, map);
		assertThrows(IllegalArgumentException.class, () -> QualityMaps.disagreement(new LabelVolume(G, new byte[4]),
			new LabelVolume(Geometry.axisAligned(4, 1, 1, 1, 1, 1), new byte[4])));
	}

	@Test
	void entropyIsZeroWhenCertainAndOneWhenUniform() {
		Volume p = new Volume(G, List.of("a", "b"), new float[][] { { 1, 0.5f, 0.9f, 0 }, { 0, 0.5f, 0.1f, 1 } });
		float[] h = QualityMaps.entropy(p);
		assertEquals(0, h[0], 1e-6);
		assertEquals(1, h[1], 1e-6);
		assertEquals(-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)) / Math.log(2), h[2], 1e-6);
		assertEquals(0, h[3], 1e-6);
	}

	@Test
	void volumesAreInMillilitres() {
		// voxel 2 x 2 x 2.5 mm = 10 mm3 = 0.01 mL
		Map<String, Double> v = TumourVolumes.of(new LabelVolume(G, new byte[] { 1, 2, 4, 4 }));
		assertEquals(0.04, v.get("WT"), 1e-12);
		assertEquals(0.03, v.get("TC"), 1e-12);
		assertEquals(0.02, v.get("ET"), 1e-12);
		assertEquals(0.01, v.get("label_1"), 1e-12);
		assertEquals(List.of("WT", "TC", "ET", "label_1", "label_2", "label_4"), List.copyOf(v.keySet()));
	}
}

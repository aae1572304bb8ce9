/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.data.CaseSplit;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

/** The core checks behind the commands' input sanity, on the edge cases a command test does not reach. */
class InputSanityCoreTest {

	@TempDir
	Path tmp;

	@Test
	void manifestFieldsAreCsvQuotedAsSpreadsheetsWriteThem() throws IOException {
		Geometry g = Geometry.axisAligned(3, 2, 2, 1, 1, 1);
		Path dir = Files.createDirectories(tmp.resolve("a, \"b\" c"));
		float[] v = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		new NiftiWriter().writeVolume(Volume.of(g, "t1", v), new NiftiHeader().setSform(g.affine(), 1), dir.resolve("x.nii"));
		Path csv = tmp.resolve("m.csv");
		// Excel writes a comma or a quote inside a field as "a, ""b"" c". (A case id becomes a
		// file name, so it may not hold a space or a comma: OutputPathsTest.)
		Files.writeString(csv, "\uFEFFcase_id,modality,path\n\"p_1\" , T1 ,\"a, \"\"b\"\" c/x.nii\"\n", StandardCharsets.UTF_8);
		List<CaseFiles> cases = Manifest.read(csv);
		assertEquals("p_1", cases.get(0).id());
		assertEquals(dir.resolve("x.nii"), cases.get(0).modalities().get("t1"));

		Files.writeString(csv, "p1,t1,\"a/x.nii\n");
		NiftiException e = assertThrows(NiftiException.class, () -> Manifest.read(csv));
		assertTrue(e.getMessage().contains("line 1 has a double quote at column 7 that is never closed"), e.getMessage());
	}

	@Test
	void aPositiveValidationFractionOfOneCaseIsRefusedAndZeroIsFine() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseSplit.of(List.of("c1"), 0.2, 1));
		assertTrue(e.getMessage().startsWith("only 1 case (c1) to split"), e.getMessage());
		assertEquals(List.of("c1"), CaseSplit.of(List.of("c1"), 0, 1).training());
		assertEquals(1, CaseSplit.of(List.of("c1", "c2"), 0.01, 1).validation().size());
	}

	@Test
	void sanityCountsInfinitiesAndAcceptsAnyVaryingImage() {
		assertEquals("has 2 NaN or infinite voxels (of 4)",
			ImageSanity.problem(new float[] { 1, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2 }));
		assertEquals("is empty (every voxel is 0)", ImageSanity.problem(new float[] { 0, -0f, 0 }));
		assertEquals("is constant (every voxel is -3.0)", ImageSanity.problem(new float[] { -3, -3 }));
		assertNull(ImageSanity.problem(new float[] { 0, 0, 0, 1e-6f }), "a nearly empty image is still an image");
	}
}

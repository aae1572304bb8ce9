/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

class CaseLoaderTest {

	@TempDir
	Path tmp;

	private static final Geometry GRID = Geometry.axisAligned(6, 5, 4, 1, 1, 2);

	/** Writes one modality whose voxels (all but the last) hold {@code value}, so channels are told apart. */
	private static void writeImage(Path file, Geometry g, float value) throws IOException {
		float[] v = new float[(int) g.voxelCount()];
		java.util.Arrays.fill(v, value);
		// The last voxel differs: a constant image is refused as unusable (ImageSanity).
		v[v.length - 1] = value + 0.5f;
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), NiftiHeader.XFORM_SCANNER_ANAT)
			.setQform(g.affine(), NiftiHeader.XFORM_SCANNER_ANAT);
		new NiftiWriter().writeVolume(Volume.of(g, "x", v), h, file);
	}

	private Path bratsCase(String id, String... modalities) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve(id));
		float value = 1;
		for (String m : modalities) {
			writeImage(dir.resolve(id + "_" + m + ".nii.gz"), GRID, value++);
		}
		return dir;
	}

	@Test
	void loadsBratsFolderInBratsChannelOrderWithLabels() throws IOException {
		Path dir = bratsCase("BraTS_007", "flair", "t2", "t1ce", "t1");
		byte[] seg = new byte[(int) GRID.voxelCount()];
		seg[3] = 4;
		NiftiHeader h = new NiftiHeader().setSform(GRID.affine(), 1);
		new NiftiWriter().writeLabels(new LabelVolume(GRID, seg), h, dir.resolve("BraTS_007_seg.nii.gz"));

		MriCase c = new CaseLoader().load(dir, null);
		assertEquals("BraTS_007", c.id());
		assertEquals(Modalities.BRATS, c.images().channelNames());
		// flair was written first (value 1), t1 last (value 4).
		assertEquals(4f, c.images().channel("t1")[0]);
		assertEquals(1f, c.images().channel("flair")[0]);
		assertEquals(4, c.labels().orElseThrow().get(3, 0, 0));
	}

	@Test
	void selectsRequestedModalitiesInRequestedOrder() throws IOException {
		Path dir = bratsCase("c1", "t1", "t1ce", "t2", "flair");
		MriCase c = new CaseLoader().load(dir, List.of("flair", "t1"));
		assertEquals(List.of("flair", "t1"), c.images().channelNames());
		assertEquals(4f, c.images().channel(0)[0]);
	}

	@Test
	void acceptsBrats2023Spellings() throws IOException {
		Path dir = bratsCase("BraTS-GLI-00001-000", "t1n", "t1c", "t2w", "t2f");
		Files.move(dir.resolve("BraTS-GLI-00001-000_t1n.nii.gz"), dir.resolve("BraTS-GLI-00001-000-t1n.nii.gz"));
		CaseFiles files = BratsLayout.caseIn(dir);
		assertEquals("BraTS-GLI-00001-000", files.id());
		assertEquals(Modalities.BRATS, files.modalityNames());
	}

	@Test
	void missingModalityIsNamed() throws IOException {
		Path dir = bratsCase("c2", "t1", "t2");
		NiftiException e = assertThrows(NiftiException.class, () -> new CaseLoader().load(dir, List.of("t1", "t1ce")));
		assertTrue(e.getMessage().contains("no t1ce image"), e.getMessage());
		assertTrue(e.getMessage().contains("t1, t2"), e.getMessage());
	}

	@Test
	void differentShapesNameBothFiles() throws IOException {
		Path dir = bratsCase("c3", "t1");
		writeImage(dir.resolve("c3_t2.nii.gz"), Geometry.axisAligned(6, 5, 5, 1, 1, 2), 2);
		NiftiException e = assertThrows(NiftiException.class, () -> new CaseLoader().load(dir, null));
		assertTrue(e.getMessage().contains("c3_t2.nii.gz") && e.getMessage().contains("c3_t1.nii.gz"), e.getMessage());
		assertTrue(e.getMessage().contains("6x5x5"), e.getMessage());
	}

	@Test
	void affinesBeyondToleranceNameBothFilesAndSmallDifferencesPass() throws IOException {
		Path dir = bratsCase("c4", "t1");
		double[] m = GRID.affine().toRowMajor();
		m[3] += 2.5;
		writeImage(dir.resolve("c4_t2.nii.gz"), new Geometry(GRID.dims(), GRID.spacing(), Affine.ofRowMajor(m)), 2);
		NiftiException e = assertThrows(NiftiException.class, () -> new CaseLoader().load(dir, null));
		assertTrue(e.getMessage().contains("c4_t2.nii.gz") && e.getMessage().contains("c4_t1.nii.gz"), e.getMessage());
		assertTrue(e.getMessage().contains("affines differ"), e.getMessage());

		m[3] -= 2.5 - 1e-5;
		writeImage(dir.resolve("c4_t2.nii.gz"), new Geometry(GRID.dims(), GRID.spacing(), Affine.ofRowMajor(m)), 2);
		assertEquals(2, new CaseLoader().load(dir, null).images().channelCount());
	}

	@Test
	void manifestListsAnyLayout() throws IOException {
		Path sub = Files.createDirectories(tmp.resolve("anywhere"));
		writeImage(sub.resolve("T1w.nii"), GRID, 1);
		writeImage(sub.resolve("FLAIR.hdr"), GRID, 2);
		Path csv = tmp.resolve("cases.csv");
		Files.writeString(csv, "case_id,modality,path\n# comment\np1,T1,anywhere/T1w.nii\np1,flair,anywhere/FLAIR.hdr\n");
		List<CaseFiles> cases = Manifest.read(csv);
		assertEquals(1, cases.size());
		MriCase c = new CaseLoader().load(cases.get(0), null);
		assertEquals(List.of("t1", "flair"), c.images().channelNames());
		assertArrayEquals(new int[] { 6, 5, 4 }, c.images().geometry().dims());
		assertEquals(2f, c.images().channel("flair")[7]);
	}

	@Test
	void badManifestLinesAreNamed() throws IOException {
		Path csv = tmp.resolve("bad.csv");
		Files.writeString(csv, "p1,t1\n");
		NiftiException e = assertThrows(NiftiException.class, () -> Manifest.read(csv));
		assertTrue(e.getMessage().contains("line 1"), e.getMessage());
	}

	@Test
	void inventoryReportsInconsistentGeometryWithoutReadingData() throws IOException {
		Path dir = bratsCase("c5", "t1", "t1ce");
		writeImage(dir.resolve("c5_flair.nii.gz"), Geometry.axisAligned(6, 5, 4, 1, 1, 1), 3);
		CaseLoader.Inventory inv = new CaseLoader().inventory(BratsLayout.caseIn(dir));
		assertFalse(inv.consistent());
		assertTrue(inv.problems().get(0).startsWith("flair vs t1"), inv.problems().toString());
	}
}

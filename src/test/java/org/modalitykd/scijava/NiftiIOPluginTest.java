/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.scijava;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;
import org.scijava.Context;
import org.scijava.io.IOService;

/** IOService opens and saves NIfTI through the project's reader and writer. */
class NiftiIOPluginTest {

	@TempDir
	Path tmp;

	@Test
	void ioServiceOpensAndSavesNifti() throws IOException {
		Geometry g = Geometry.axisAligned(4, 3, 2, 1.5, 1.5, 3);
		float[] values = new float[24];
		for (int i = 0; i < values.length; i++) {
			values[i] = i * 0.5f;
		}
		Path file = tmp.resolve("case_t1.nii.gz");
		new NiftiWriter().writeVolume(Volume.of(g, "t1", values), new NiftiHeader().setSform(g.affine(), 1), file);
		try (Context context = new Context(IOService.class)) {
			IOService io = context.getService(IOService.class);
			Object opened = io.open(file.toString());
			Volume v = assertInstanceOf(Volume.class, opened);
			assertArrayEquals(values, v.channel(0));
			assertTrue(v.geometry().sameGrid(g, 1e-6));
			Path copy = tmp.resolve("copy.nii");
			io.save(v, copy.toString());
			assertArrayEquals(values, ((Volume) io.open(copy.toString())).channel(0));
		}
	}
}

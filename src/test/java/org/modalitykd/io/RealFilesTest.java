/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modalitykd.References;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonObject;

/** Real MRI templates and atlases from Debian's mricron-data, read by us and by nibabel. */
class RealFilesTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ch2.nii.gz", "ch2bet.nii.gz", "aal.nii.gz", "JHU-WhiteMatter-labels-2mm.nii.gz",
		"inia19-t1-brain.nii.gz" })
	void matchesNibabel(String name) throws IOException {
		Path file = References.mricron(name);
		JsonObject nib = References.nibabelReport(file).get(0).getAsJsonObject();
		NiftiImage ours = new NiftiReader().read(file);
		NibabelComparison.assertSameImage(nib, ours, name);
		NibabelComparison.assertSameStorage(nib, ours, name);

		Volume v = new NiftiReader().readVolume(file);
		double sum = 0;
		for (float x : v.channel(0)) {
			sum += x;
		}
		assertEquals(nib.get("sum").getAsDouble(), sum, Math.abs(nib.get("sum").getAsDouble()) * 1e-6, name + ": float volume sum");
	}
}

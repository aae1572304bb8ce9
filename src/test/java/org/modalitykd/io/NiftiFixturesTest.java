/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Our reader against nibabel on the committed fixture set (every datatype, both byte
 * orders, every flavour, NIfTI-2, scaling, every form combination, oblique and LPS/LAS
 * affines, units, 4D, NaN, extensions). The expectations were written by nibabel
 * (src/test/python/make_nifti_fixtures.py); no Python is needed to run this test.
 */
class NiftiFixturesTest {

	static final Path DIR = Path.of("src/test/resources/nifti-fixtures");

	static Map<String, JsonElement> expected() throws IOException {
		return JsonParser.parseString(Files.readString(DIR.resolve("expected.json"))).getAsJsonObject().asMap();
	}

	static Stream<String> fixtures() throws IOException {
		return expected().keySet().stream().sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void headerAndValuesMatchNibabel(String name) throws IOException {
		JsonObject nib = expected().get(name).getAsJsonObject();
		NiftiImage ours = new NiftiReader().read(DIR.resolve(name));
		NibabelComparison.assertSameImage(nib, ours, name);
		NibabelComparison.assertSameStorage(nib, ours, name);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void floatVolumeHoldsTheScaledValuesInIndexOrder(String name) throws IOException {
		NiftiImage raw = new NiftiReader().read(DIR.resolve(name));
		Volume v = new NiftiReader().readVolume(DIR.resolve(name));
		long perChannel = v.geometry().voxelCount();
		assertEquals(raw.header().volumeCount(), v.channelCount(), name + ": channels");
		for (int c = 0; c < v.channelCount(); c++) {
			float[] values = v.channel(c);
			for (int i = 0; i < values.length; i++) {
				float expected = (float) raw.scaledValue((int) (c * perChannel + i));
				assertEquals(expected, values[i], 0, name + ": channel " + c + " voxel " + i);
			}
		}
	}

	@Test
	void pixdimZeroOrNegativeIsRepairedAsNibabelDoes() throws IOException {
		NiftiHeader h = new NiftiReader().readHeader(DIR.resolve("edge_negative_pixdim.nii"));
		assertTrue(h.pixdim()[1] < 0, "the fixture stores a negative pixdim[1]");
		assertTrue(h.zooms()[0] > 0);
	}

	@Test
	void geometryIsConvertedToMillimetres() throws IOException {
		NiftiReader reader = new NiftiReader();
		Volume mm = reader.readVolume(DIR.resolve("units_mm.nii"));
		Volume m = reader.readVolume(DIR.resolve("units_meter.nii"));
		Volume micron = reader.readVolume(DIR.resolve("units_micron.nii"));
		assertArrayEquals(mm.geometry().spacing(), m.geometry().spacing(), 1e-4);
		assertArrayEquals(mm.geometry().spacing(), micron.geometry().spacing(), 1e-4);
		assertTrue(mm.geometry().affine().approximatelyEquals(m.geometry().affine(), 1e-3));
		assertTrue(mm.geometry().affine().approximatelyEquals(micron.geometry().affine(), 1e-3));
	}

	@Test
	void allFlavoursHoldTheSameImage() throws IOException {
		NiftiReader reader = new NiftiReader();
		NiftiImage single = reader.read(DIR.resolve("flavour_single.nii"));
		for (String other : new String[] { "flavour_single_gz.nii.gz", "flavour_pair.hdr", "flavour_pair.img",
			"flavour_pair_gz.hdr.gz", "flavour_pair_gz.img.gz" }) {
			NiftiImage o = reader.read(DIR.resolve(other));
			assertEquals(single.header().bestAffine(), o.header().bestAffine(), other);
			for (int i = 0; i < single.voxels().length(); i++) {
				assertEquals(single.voxels().get(i), o.voxels().get(i), 0, other + " voxel " + i);
			}
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.modalitykd.volume.Affine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Compares what our reader makes of a file with nibabel's report on the same file. */
final class NibabelComparison {

	/** Affines from float32 quaternions carry ~1e-7 relative rounding (see the fixtures' README). */
	static final double AFFINE_TOLERANCE = 1e-5;

	private NibabelComparison() {
	}

	static void assertSameImage(JsonObject nib, NiftiImage ours, String what) {
		NiftiHeader h = ours.header();
		assertArrayEquals(longs(nib.getAsJsonArray("shape")), h.shape(), what + ": shape");
		assertArrayEquals(doubles(nib.getAsJsonArray("spacing")), h.zooms(), 1e-12, what + ": spacing");
		assertEquals(nib.get("datatype").getAsString(), h.datatype().typeName(), what + ": datatype");
		assertAffine(nib.getAsJsonArray("affine"), h.bestAffine(), what + ": affine");
		assertEquals(nib.get("qform_code").getAsInt(), h.qformCode(), what + ": qform_code");
		assertEquals(nib.get("sform_code").getAsInt(), h.sformCode(), what + ": sform_code");
		assertAffine(nib.getAsJsonArray("sform"), h.sform(), what + ": sform");
		assertAffine(nib.getAsJsonArray("qform"), h.qform(), what + ": qform");
		assertEquals(nib.get("xyzt_units").getAsInt(), h.xyztUnits(), what + ": xyzt_units");
		assertEquals(nib.get("space_units").getAsString(), h.spatialUnitName(), what + ": space units");
		assertValues(nib, ours, what);
	}

	/** Header facts of the file as stored (not preserved by a conversion that changes them). */
	static void assertSameStorage(JsonObject nib, NiftiImage ours, String what) {
		NiftiHeader h = ours.header();
		assertEquals(nib.get("nifti_version").getAsInt(), h.version() == NiftiVersion.NIFTI1 ? 1 : 2, what + ": version");
		assertEquals(nib.get("endianness").getAsString(), h.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little",
			what + ": endianness");
		assertEquals(nib.get("vox_offset").getAsLong(), h.voxOffset(), what + ": vox_offset");
		// nibabel says None where the header means "no scaling" (slope 0, NaN or infinite).
		JsonElement slope = nib.get("scl_slope");
		JsonElement inter = nib.get("scl_inter");
		assertEquals(slope.isJsonNull() ? 1 : slope.getAsDouble(), h.effectiveSlope(), 0, what + ": effective slope");
		assertEquals(inter.isJsonNull() ? 0 : inter.getAsDouble(), h.effectiveIntercept(), 0, what + ": effective intercept");
		assertEquals(!slope.isJsonNull() && !(slope.getAsDouble() == 1 && inter.getAsDouble() == 0), h.hasScaling(),
			what + ": has scaling");
	}

	static void assertValues(JsonObject nib, NiftiImage ours, String what) {
		ValueStatistics s = ValueStatistics.of(ours);
		assertEquals(nib.get("count").getAsLong(), s.count(), what + ": count");
		assertEquals(nib.get("nonfinite").getAsLong(), s.nonFinite(), what + ": non-finite count");
		assertClose(nib.get("min"), s.min(), what + ": min");
		assertClose(nib.get("max"), s.max(), what + ": max");
		assertClose(nib.get("mean"), s.mean(), what + ": mean");
		assertClose(nib.get("sum"), s.sum(), what + ": sum");
		assertClose(nib.get("checksum"), orderChecksum(ours), what + ": order checksum");
		JsonArray first = nib.getAsJsonArray("first_values");
		for (int i = 0; i < first.size(); i++) {
			JsonElement e = first.get(i);
			double ourValue = ours.scaledValue(i);
			if (e.isJsonNull()) {
				assertTrue(Double.isNaN(ourValue), what + ": value " + i + " should be NaN");
			} else {
				assertEquals(e.getAsDouble(), ourValue, Math.ulp(e.getAsDouble()) * 4, what + ": value " + i);
			}
		}
	}

	/** As nifti_reference.py: sum of value * (i % 7 + 1) in storage order, NaN as 0. */
	static double orderChecksum(NiftiImage image) {
		double sum = 0;
		double c = 0;
		for (int i = 0, n = image.voxels().length(); i < n; i++) {
			double v = image.scaledValue(i);
			if (Double.isNaN(v)) {
				continue;
			}
			double x = v * (i % 7 + 1);
			double t = sum + x;
			c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
			sum = t;
		}
		return sum + c;
	}

	static void assertClose(JsonElement expected, double actual, String what) {
		if (expected.isJsonNull()) {
			assertTrue(Double.isNaN(actual), what + ": expected none (null), got " + actual);
			return;
		}
		double e = expected.getAsDouble();
		assertEquals(e, actual, Math.max(1e-12, Math.abs(e) * 1e-12), what);
	}

	static void assertAffine(JsonArray expected, Affine actual, String what) {
		for (int r = 0; r < 4; r++) {
			JsonArray row = expected.get(r).getAsJsonArray();
			for (int c = 0; c < 4; c++) {
				double e = row.get(c).getAsDouble();
				assertEquals(e, actual.get(r, c), AFFINE_TOLERANCE * Math.max(1, Math.abs(e)),
					what + " [" + r + "][" + c + "]\nexpected " + expected + "\nactual\n" + actual);
			}
		}
	}

	static long[] longs(JsonArray a) {
		long[] v = new long[a.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = a.get(i).getAsLong();
		}
		return v;
	}

	static double[] doubles(JsonArray a) {
		double[] v = new double[a.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = a.get(i).getAsDouble();
		}
		return v;
	}
}

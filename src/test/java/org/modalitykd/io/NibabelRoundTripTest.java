/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Our writer checked by nibabel: every fixture converted to every flavour (and to
 * NIfTI-2) must look to nibabel exactly like the original looks to our reader, which
 * {@link NiftiFixturesTest} ties to nibabel's view of the original.
 */
class NibabelRoundTripTest {

	private static final String[] FLAVOURS = { ".nii", ".nii.gz", ".hdr", ".img.gz" };

	@TempDir
	Path tmp;

	@Test
	void everyFixtureSurvivesEveryFlavourAsNibabelSeesIt() throws IOException {
		References.requireNibabel();
		NiftiReader reader = new NiftiReader();
		NiftiConverter converter = new NiftiConverter(reader);
		List<String> names = NiftiFixturesTest.fixtures().toList();
		List<Path> outputs = new ArrayList<>();
		List<NiftiImage> originals = new ArrayList<>();
		for (String name : names) {
			NiftiImage original = reader.read(NiftiFixturesTest.DIR.resolve(name));
			String stem = NiftiFiles.stem(Path.of(name));
			for (String flavour : FLAVOURS) {
				Path out = tmp.resolve(stem + "_as" + flavour.replace('.', '_') + flavour);
				converter.convert(NiftiFixturesTest.DIR.resolve(name), out, null, null);
				outputs.add(out.toString().endsWith(".img.gz") ? NiftiFiles.forWriting(out).header() : out);
				originals.add(original);
			}
			Path v2 = tmp.resolve(stem + "_v2.nii");
			converter.convert(NiftiFixturesTest.DIR.resolve(name), v2, null, NiftiVersion.NIFTI2);
			outputs.add(v2);
			originals.add(original);
		}
		List<JsonElement> nib = References.nibabelReport(outputs.toArray(Path[]::new));
		assertEquals(outputs.size(), nib.size());
		for (int i = 0; i < outputs.size(); i++) {
			NibabelComparison.assertSameImage(nib.get(i).getAsJsonObject(), originals.get(i),
				outputs.get(i).getFileName().toString());
		}
	}

	@Test
	void labelsKeepTheSourceGeometryAsNibabelSeesIt() throws IOException {
		Path source = NiftiFixturesTest.DIR.resolve("orient_oblique_qform_qfac-1.nii");
		NiftiHeader header = new NiftiReader().readHeader(source);
		Geometry g = NiftiReader.geometryOf(header, source);
		byte[] labels = new byte[(int) g.voxelCount()];
		int[] brats = { 0, 1, 2, 4 };
		for (int i = 0; i < labels.length; i++) {
			labels[i] = (byte) brats[i % 4];
		}
		Path out = tmp.resolve("labels.nii.gz");
		new NiftiWriter().writeLabels(new LabelVolume(g, labels), header, out);

		JsonObject nib = References.nibabelReport(out).get(0).getAsJsonObject();
		JsonObject src = References.nibabelReport(source).get(0).getAsJsonObject();
		assertEquals("uint8", nib.get("datatype").getAsString());
		for (String key : new String[] { "affine", "qform", "sform", "spacing", "qform_code", "sform_code", "xyzt_units" }) {
			assertEquals(src.get(key), nib.get(key), key);
		}
		assertEquals(0.0, nib.get("min").getAsDouble());
		assertEquals(4.0, nib.get("max").getAsDouble());
		double expectedSum = 0;
		for (byte b : labels) {
			expectedSum += b;
		}
		assertEquals(expectedSum, nib.get("sum").getAsDouble());
		assertEquals(labels.length, new NiftiReader().readLabels(out).histogram()[0] * 4);
	}

	@Test
	void extensionsAreWrittenAsNibabelReadsThem() throws IOException {
		String provenance = "{\"model_sha256\": \"abc\", \"role\": \"teacher\"}";
		NiftiHeader h = new NiftiHeader().setShape(3, 2, 2).setIntentName("ModalityKD")
			.addExtension(NiftiExtension.comment(provenance)).addExtension(NiftiExtension.comment("second"));
		float[] values = new float[12];
		for (int i = 0; i < values.length; i++) {
			values[i] = i * 1.5f;
		}
		List<Path> files = new ArrayList<>();
		for (String name : new String[] { "ext.nii", "ext.nii.gz", "ext.hdr", "ext2.nii" }) {
			NiftiHeader header = name.equals("ext2.nii") ? h.copy().setVersion(NiftiVersion.NIFTI2) : h;
			new NiftiWriter().write(header, VoxelArray.ofFloats(values), tmp.resolve(name));
			files.add(tmp.resolve(name));
			NiftiImage back = new NiftiReader().read(tmp.resolve(name));
			assertEquals(1.5, back.scaledValue(1), 0, name + ": our reader skips the extensions");
			assertEquals("ModalityKD", back.header().intentName());
		}
		List<JsonElement> nib = References.nibabelReport(files.toArray(Path[]::new));
		for (int n = 0; n < files.size(); n++) {
			JsonObject report = nib.get(n).getAsJsonObject();
			var ext = report.getAsJsonArray("extensions");
			assertEquals(2, ext.size(), files.get(n).toString());
			assertEquals(6, ext.get(0).getAsJsonObject().get("code").getAsInt());
			assertEquals(provenance, ext.get(0).getAsJsonObject().get("content").getAsString());
			assertEquals(NiftiExtension.comment(provenance).paddedSize(), ext.get(0).getAsJsonObject().get("size_on_disk").getAsInt());
			assertEquals("second", ext.get(1).getAsJsonObject().get("content").getAsString());
			assertEquals(16.5, report.get("max").getAsDouble(), 0, "voxels start after the extensions");
		}
	}

	@Test
	void qformWrittenFromAnAffineReadsBackInNibabel() throws IOException {
		SplittableRandom random = new SplittableRandom(7);
		List<Path> files = new ArrayList<>();
		List<Affine> affines = new ArrayList<>();
		for (int n = 0; n < 12; n++) {
			Affine a = randomAffine(random, n % 2 == 0);
			NiftiHeader h = new NiftiHeader().setShape(3, 4, 5).setQform(a, NiftiHeader.XFORM_SCANNER_ANAT);
			Path out = tmp.resolve("q" + n + ".nii");
			new NiftiWriter().write(h, VoxelArray.ofFloats(new float[60]), out);
			files.add(out);
			affines.add(a);
			// Our own reader must agree too (float32 storage of the quaternion costs ~1e-7).
			assertTrue(new NiftiReader().readHeader(out).qform().approximatelyEquals(a, 1e-5), "ours " + n);
		}
		List<JsonElement> nib = References.nibabelReport(files.toArray(Path[]::new));
		for (int n = 0; n < files.size(); n++) {
			NibabelComparison.assertAffine(nib.get(n).getAsJsonObject().getAsJsonArray("affine"), affines.get(n), "affine " + n);
		}
	}

	@Test
	void integerConversionRescalesWhenValuesNeedItAndNibabelRestoresThem() throws IOException {
		Path source = NiftiFixturesTest.DIR.resolve("dtype_float32.nii");
		Path out = tmp.resolve("as_int16.nii");
		NiftiConverter.Result r = new NiftiConverter(new NiftiReader()).convert(source, out, NiftiDatatype.INT16, null);
		assertTrue(r.rescaled(), "float values with fractions need scaling in int16");
		NiftiImage original = new NiftiReader().read(source);
		JsonObject nib = References.nibabelReport(out).get(0).getAsJsonObject();
		assertEquals("int16", nib.get("datatype").getAsString());
		ValueStatistics s = ValueStatistics.of(original);
		double step = r.slope();
		assertEquals(s.min(), nib.get("min").getAsDouble(), step);
		assertEquals(s.max(), nib.get("max").getAsDouble(), step);
		assertEquals(s.mean(), nib.get("mean").getAsDouble(), step);
		JsonElement first = nib.getAsJsonArray("first_values").get(3);
		assertEquals(original.scaledValue(3), first.getAsDouble(), step / 2 + 1e-9);
	}

	private static Affine randomAffine(SplittableRandom random, boolean flip) {
		// A random rotation from a random unit quaternion, times voxel sizes, maybe mirrored.
		double a = random.nextGaussian();
		double b = random.nextGaussian();
		double c = random.nextGaussian();
		double d = random.nextGaussian();
		double n = Math.sqrt(a * a + b * b + c * c + d * d);
		a /= n;
		b /= n;
		c /= n;
		d /= n;
		double[][] r = {
			{ a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
			{ 2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b) },
			{ 2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d } };
		double[] s = { 0.5 + random.nextDouble() * 2, 0.5 + random.nextDouble() * 2, 0.5 + random.nextDouble() * 4 };
		double[] m = new double[16];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				m[i * 4 + j] = r[i][j] * s[j] * (flip && j == 2 ? -1 : 1);
			}
			m[i * 4 + 3] = random.nextDouble() * 200 - 100;
		}
		m[15] = 1;
		return Affine.ofRowMajor(m);
	}
}

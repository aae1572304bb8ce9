/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.References;
import org.modalitykd.TinyModels;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.Weights;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class SegmentCliTest {

	@TempDir
	Path tmp;

	private Path bundle() throws IOException {
		UNetConfig config = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);
		Weights w = TinyModels.untrainedWeights(config, 3);
		Path dir = tmp.resolve("teacher");
		ModelBundle.save(dir, new ModelCard(ModelCard.FORMAT_VERSION, ModelRole.TEACHER, Modalities.BRATS,
			ModelCard.BRATS_LABELS, ModelCard.BRATS_CLASS_NAMES,
			new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO), new int[] { 16, 16, 8 },
			new double[] { 1, 1, 1 }, config, new ModelCard.Provenance("supervised", Map.of("dice", 1.0), "synthetic", 3, 10,
				Map.of(), "2026-01-01T00:00:00Z"), Map.of("dice_wt", 0.42)), w);
		return dir;
	}

	private Path brainCase(Geometry g) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("BraTS_7"));
		double[] mm = g.spacing();
		NiftiHeader h = new NiftiHeader().setSform(g.affine(), 1).setPixdim(1, mm[0]).setPixdim(2, mm[1]).setPixdim(3, mm[2]);
		Random r = new Random(1);
		for (String m : Modalities.BRATS) {
			float[] v = new float[(int) g.voxelCount()];
			for (int i = 0; i < v.length; i++) {
				v[i] = 100 + 20 * (float) r.nextGaussian();
			}
			new NiftiWriter().writeVolume(Volume.of(g, m, v), h, dir.resolve("BraTS_7_" + m + ".nii.gz"));
		}
		return dir;
	}

	@Test
	void segmentWritesLabelsOnTheCaseGridWithProvenance() throws IOException {
		Path model = bundle();
		Geometry g = new Geometry(new int[] { 20, 18, 10 }, new double[] { 1, 1, 1 },
			Affine.ofRows(new double[] { -1, 0, 0, 90 }, new double[] { 0, 1, 0, -126 }, new double[] { 0, 0, 1, -72 }));
		Path caseDir = brainCase(g);
		Path out = tmp.resolve("out/seg.nii.gz");
		Files.createDirectories(out.getParent());
		CliTest.Outcome o = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output", out.toString(),
			"--device", "cpu", "--probabilities");
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("BraTS_7") && o.out().contains("CPU"), o.out());
		LabelVolume labels = new NiftiReader().readLabels(out);
		String descrip = new NiftiReader().readHeader(out).descrip();
		assertEquals("ModalityKD teacher sha256:" + ModelBundle.checksum(model).substring(0, 12) + " t1,t1ce,t2,flair", descrip);
		JsonObject fromHeader = JsonParser.parseString(References.nibabelReport(out).get(0).getAsJsonObject()
			.getAsJsonArray("extensions").get(0).getAsJsonObject().get("content").getAsString()).getAsJsonObject();
		assertEquals(ModelBundle.checksum(model), fromHeader.get("model_sha256").getAsString(),
			"the provenance travels in a header extension that other tools (nibabel) read");
		assertArrayEquals(g.dims(), labels.geometry().dims());
		assertTrue(labels.geometry().sameGrid(g, 1e-6), "the labels keep the case's affine");
		long[] h = labels.histogram();
		assertEquals(g.voxelCount(), h[0] + h[1] + h[2] + h[4]);
		Volume probs = new NiftiReader().readVolume(tmp.resolve("out/seg_probabilities.nii.gz"));
		assertEquals(4, probs.channelCount());
		JsonObject report = JsonParser.parseString(Files.readString(tmp.resolve("out/seg.provenance.json"))).getAsJsonObject();
		assertEquals(ModelBundle.checksum(model), report.get("model_sha256").getAsString());
		assertEquals("t1,t1ce,t2,flair", report.get("modalities").getAsString());

		Path fromFiles = tmp.resolve("out/files.nii.gz");
		CliTest.Outcome files = CliTest.run("segment", "--model", model.toString(), "--device", "cpu", "--output", fromFiles.toString(),
			"--input", "t1=" + caseDir.resolve("BraTS_7_t1.nii.gz"), "--input",
			caseDir.resolve("BraTS_7_t1ce.nii.gz") + "," + caseDir.resolve("BraTS_7_t2.nii.gz") + ","
				+ caseDir.resolve("BraTS_7_flair.nii.gz"));
		assertEquals(0, files.status(), files.err());
		assertArrayEquals(labels.labels(), new NiftiReader().readLabels(fromFiles).labels(), "same case, same labels");
	}

	@Test
	void misfitsAreOneLineErrors() throws IOException {
		Path model = bundle();
		Path caseDir = brainCase(Geometry.axisAligned(20, 18, 10, 1, 1, 1));
		String out = tmp.resolve("seg.nii.gz").toString();
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output", out,
			"--overlap", "1.5"), 2, "overlap");
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output", out,
			"--device", "tpu"), 2, "unknown device 'tpu'");
		CliTest.assertOneLineError(CliTest.run("segment", "--model", tmp.resolve("none").toString(), "--input", caseDir.toString(),
			"--output", out, "--device", "cpu"), 1, "no such model bundle");
		if (!Devices.gpuAvailable()) {
			CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output", out,
				"--device", "gpu"), 1, "--device gpu: no usable GPU");
		}
		Files.delete(caseDir.resolve("BraTS_7_t1ce.nii.gz"));
		CliTest.assertOneLineError(CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output", out,
			"--device", "cpu"), 1, "has no t1ce image");
		assertTrue(List.of(tmp.toFile().list()).stream().noneMatch(n -> n.startsWith("seg")), "nothing written");
	}

	@Test
	void otherSpacingIsResampledAndTheLabelsComeBackOnTheCaseGrid() throws IOException {
		Path model = bundle();
		Geometry g = Geometry.axisAligned(20, 18, 10, 0.5, 0.5, 2);
		Path caseDir = brainCase(g);
		Path out = tmp.resolve("seg.nii.gz");
		CliTest.Outcome ok = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output", out.toString(),
			"--device", "cpu");
		assertEquals(0, ok.status(), ok.err());
		LabelVolume labels = new NiftiReader().readLabels(out);
		assertTrue(labels.geometry().sameGrid(g, 1e-6), "labels on the case's own 0.5x0.5x2 mm grid");
		JsonObject report = JsonParser.parseString(Files.readString(tmp.resolve("seg.provenance.json"))).getAsJsonObject();
		assertTrue(report.get("resampled").getAsString().contains("@ 1.000x1.000x1.000 mm"), report.toString());

		CliTest.Outcome native_ = CliTest.run("segment", "--model", model.toString(), "--input", caseDir.toString(), "--output",
			tmp.resolve("native.nii.gz").toString(), "--device", "cpu", "--ignore-spacing", "--tta");
		assertEquals(0, native_.status(), native_.err());
		assertFalse(Files.readString(tmp.resolve("native.provenance.json")).contains("resampled"));
	}

	@Test
	void modelInfoPrintsTheCard() throws IOException {
		Path model = bundle();
		CliTest.Outcome o = CliTest.run("model-info", model.toString());
		assertEquals(0, o.status(), o.err());
		assertTrue(o.out().contains("role          teacher"), o.out());
		assertTrue(o.out().contains("modalities    t1, t1ce, t2, flair"), o.out());
		assertTrue(o.out().contains("3->4 enhancing tumour"), o.out());
		assertTrue(o.out().contains("dice_wt=0.42"), o.out());
		JsonObject json = JsonParser.parseString(CliTest.run("model-info", "--json", model.toString()).out()).getAsJsonObject();
		assertEquals("teacher", json.get("role").getAsString());
		CliTest.assertOneLineError(CliTest.run("model-info", tmp.toString()), 1, "not a ModalityKD model bundle");
	}
}

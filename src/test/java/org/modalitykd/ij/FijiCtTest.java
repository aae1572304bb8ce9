/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.CtCases;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

/**
 * CT in Fiji, through the real ImageJ 1 (headless, as a recorded macro runs the
 * commands), on synthetic head CT cases: Open MRI Case shows a CT in the brain window,
 * Segment gives it the CT model and draws the labels where they are, a CT that is not in
 * Hounsfield units or an MRI mapped to ct is one line and nothing made. (Train Unpaired
 * with a CT folder: FijiTrainingTest.)
 */
class FijiCtTest {

	@TempDir
	static Path shared;
	@TempDir
	Path tmp;

	private static Path models;
	private static CaseFiles both;
	private static Path unit;

	@BeforeEach
	void fresh() throws IOException {
		ImageJ1.reset();
		if (models == null) {
			models = CtCases.ctAndMriModels(shared.resolve("models"));
			both = CtCases.write(shared.resolve("cases"), "head", 1, 3, List.of("t2", "ct")).get(0);
			unit = CtCases.unitRangeCt(both, shared.resolve("bad"), "unit");
		}
	}

	private static String q(Path p) {
		return "[" + p + "]";
	}

	private static Path caseDir() {
		return both.modalities().get("ct").getParent();
	}

	@Test
	void aCtIsShownInTheBrainWindowAndMriByItsPercentiles() throws IOException {
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir()) + " modalities=t2,ct");
		ImagePlus image = ImageJ1.image("head_0001");
		assertTrue(image instanceof CompositeImage);
		CompositeImage composite = (CompositeImage) image;
		Volume v = new NiftiReader().readVolume(both.modalities().get("t2"));
		assertEquals(ImagePlusBridge.displayRange(v.channel(0))[0], composite.getChannelLut(1).min, 1e-6, "t2: percentiles");
		assertEquals(ImagePlusBridge.displayRange(v.channel(0))[1], composite.getChannelLut(1).max, 1e-6);
		assertEquals(0, composite.getChannelLut(2).min, 0, "ct: W80 L40");
		assertEquals(80, composite.getChannelLut(2).max, 0);

		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir()) + " modalities=ct");
		ImagePlus ct = WindowManager.getCurrentImage();
		assertEquals(1, ct.getNChannels());
		assertArrayEquals(new double[] { 0, 80 }, new double[] { ct.getDisplayRangeMin(), ct.getDisplayRangeMax() });

		// A CT in other units is shown by its percentiles (the window would be one white), and Segment refuses it.
		ImageJ1.run("Open MRI Case...", "case=" + q(unit) + " modalities=");
		ImagePlus scaled = ImageJ1.image("unit");
		assertTrue(scaled.getDisplayRangeMax() <= 1, "percentiles of 0..1 values: " + scaled.getDisplayRangeMax());
	}

	@Test
	void segmentGivesACtTheCtModelAndDrawsItsLabelsOnTheirSlices() throws IOException {
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir()) + " modalities=ct");
		ImagePlus input = ImageJ1.image("head_0001");
		ImageJ1.run("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=0.5 opacity=60 qa=none");
		ImagePlus labels = ImageJ1.image("head_0001-labels");
		assertEquals("ct", labels.getProperty("ModalityKD.model"), "a CT alone: the CT model");
		assertEquals("ct", ResultsTable.getResultsTable().getStringValue("model", 0));
		LabelVolume lv = ImagePlusBridge.toLabelVolume(labels);

		int nx = input.getWidth();
		int ny = input.getHeight();
		int labelled = -1;
		int empty = -1;
		for (int z = 0; z < input.getNSlices(); z++) {
			int n = count(lv.labels(), z * nx * ny, nx * ny);
			if (n > 0 && (labelled < 0 || n > count(lv.labels(), labelled * nx * ny, nx * ny))) {
				labelled = z;
			}
			if (n == 0) {
				empty = z;
			}
		}
		assertTrue(labelled >= 0 && empty >= 0, "the untrained model labels some slices and not others");
		// What the user sees: the slice flattened with its overlay, against the slice alone.
		int[] shown = flattened(input, labelled, true);
		int[] bare = flattened(input, labelled, false);
		int changed = 0;
		int labelledVoxels = 0;
		for (int i = 0; i < nx * ny; i++) {
			if (lv.labels()[labelled * nx * ny + i] != 0) {
				labelledVoxels++;
				changed += shown[i] != bare[i] ? 1 : 0;
			} else {
				assertEquals(bare[i], shown[i], "no colour off the labels, pixel " + i);
			}
		}
		assertTrue(changed >= 0.9 * labelledVoxels, changed + " of " + labelledVoxels + " labelled pixels coloured");
		assertArrayEquals(flattened(input, empty, false), flattened(input, empty, true),
			"a slice without labels shows none (no other slice's labels drawn on it)");
	}

	@Test
	void aCtNotInHounsfieldUnitsOrAnMriGivenAsCtIsOneLineAndNothingMade() throws IOException {
		ImageJ1.run("Open MRI Case...", "case=" + q(unit) + " modalities=");
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(models)
			+ " model=auto device=cpu overlap=0.5 opacity=40 qa=none"), "holds values 0 to 1 only");
		assertNull(WindowManager.getImage("unit-labels"));

		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir()) + " modalities=t2");
		String printed = ImageJ1.runFailing("Segment...", "models=" + q(models)
			+ " model=auto device=cpu overlap=0.5 opacity=40 qa=none channel_1=ct");
		assertOneLine(printed, "ModalityKD Segment: ");
		assertTrue(printed.contains("no air") && printed.contains("Hounsfield"), printed);
		assertNull(WindowManager.getImage("head_0001-labels"));
		assertEquals(0, ResultsTable.getResultsTable().size(), "no volumes");
		assertTrue(WindowManager.getImage("head_0001").getOverlay() == null, "no overlay");

		// A CT case with only an MRI model: nothing fits, one line.
		Path mriOnly = Files.createDirectories(tmp.resolve("mri-only"));
		Files.move(models.resolve("t2"), mriOnly.resolve("t2"));
		try {
			ImageJ1.run("Open MRI Case...", "case=" + q(caseDir()) + " modalities=ct");
			assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(mriOnly)
				+ " model=auto device=cpu overlap=0.5 opacity=40 qa=none"), "no model fits an image with [ct]");
		} finally {
			Files.move(mriOnly.resolve("t2"), models.resolve("t2"));
		}
	}

	@Test
	void generateSampleDataMakesCtCasesWhenAsked() throws IOException {
		Path out = tmp.resolve("synth");
		ImageJ1.run("Generate Sample Data...", "out=" + q(out) + " cases=1 seed=1 spacing=6 anatomy=parametric "
			+ "modalities=t2,ct open");
		Path dir = out.resolve("synth_0001");
		assertTrue(Files.isRegularFile(dir.resolve("synth_0001_ct.nii.gz")) && Files.isRegularFile(dir.resolve(
			"synth_0001_t2.nii.gz")) && !Files.exists(dir.resolve("synth_0001_t1.nii.gz")), "t2 and ct only");
		ImagePlus opened = ImageJ1.image("synth_0001");
		assertEquals("t2,ct", opened.getProperty(ImagePlusBridge.CHANNELS_PROPERTY));
		assertEquals(80, ((CompositeImage) opened).getChannelLut(2).max, 0);
		assertOneLine(ImageJ1.runFailing("Generate Sample Data...", "out=" + q(tmp.resolve("pd")) + " cases=1 seed=1 "
			+ "spacing=6 anatomy=parametric modalities=t2,pd"), "cannot generate 'pd'");
		assertFalse(Files.exists(tmp.resolve("pd")));
	}

	private static int count(byte[] labels, int from, int n) {
		int k = 0;
		for (int i = from; i < from + n; i++) {
			k += labels[i] != 0 ? 1 : 0;
		}
		return k;
	}

	/** Slice {@code z} (0-based) as shown, RGB, with or without the image's overlay. */
	private static int[] flattened(ImagePlus image, int z, boolean overlay) {
		image.setPosition(1, z + 1, 1);
		image.updateAndDraw(); // headless, nothing else renews the shown slice
		ImagePlus one = image;
		if (!overlay) {
			one = new ImagePlus("bare", image.getProcessor().duplicate());
			one.setDisplayRange(image.getDisplayRangeMin(), image.getDisplayRangeMax());
		}
		return (int[]) ((ColorProcessor) one.flatten().getProcessor()).getPixels();
	}

	private static void assertOneLine(String printed, String fragment) {
		assertEquals(1, printed.lines().count(), "one line: " + printed);
		assertTrue(printed.contains(fragment), "'" + fragment + "' missing from: " + printed);
		assertFalse(printed.contains("Exception"), printed);
	}
}

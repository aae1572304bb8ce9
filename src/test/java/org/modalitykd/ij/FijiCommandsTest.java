/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TinyModels;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.TumourVolumes;
import org.modalitykd.volume.LabelVolume;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;

/**
 * Every menu command through the real ImageJ 1 (headless, ij1-patcher), called as a
 * recorded macro calls it: {@code IJ.run(command, options)} with the documented keys.
 */
class FijiCommandsTest {

	@TempDir
	static Path shared;
	@TempDir
	Path tmp;

	private static Path models;
	private static Path caseDir;

	@BeforeEach
	void fresh() throws IOException {
		ImageJ1.reset();
		if (models == null) {
			models = TinyModels.teacherAndStudent(shared.resolve("models"));
			caseDir = TinyModels.noisyCase(shared, "BraTS_7", 24, 20, 12, 7);
		}
	}

	private static String q(Path p) {
		return "[" + p + "]";
	}

	@Test
	void segmentMakesLabelsOverlayOutlinesAndVolumes() {
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir) + " modalities=");
		ImagePlus input = ImageJ1.image("BraTS_7");
		ImageJ1.run("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=0.5 opacity=40 outlines qa=none");

		ImagePlus labels = ImageJ1.image("BraTS_7-labels");
		assertEquals(8, labels.getBitDepth());
		assertEquals(12, labels.getNSlices());
		assertEquals("mm", labels.getCalibration().getUnit());
		assertEquals("teacher", labels.getProperty("ModalityKD.model"), "all four modalities: the teacher");
		assertEquals(255, labels.getLuts()[0].getRed(1) & 0xff, "BraTS colours: 1 is red");
		LabelVolume lv = ImagePlusBridge.toLabelVolume(labels);
		for (byte b : lv.labels()) {
			assertTrue(b == 0 || b == 1 || b == 2 || b == 4, "BraTS labels only");
		}

		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(1, rt.size());
		assertEquals("BraTS_7", rt.getLabel(0));
		assertEquals("teacher", rt.getStringValue("model", 0));
		Map<String, Double> volumes = TumourVolumes.of(lv);
		for (String key : new String[] { "WT", "TC", "ET", "label_1", "label_2", "label_4" }) {
			assertEquals(volumes.get(key), rt.getValue(key + "_ml", 0), 1e-9, key);
		}
		assertEquals(rt.getValue("label_1_ml", 0) + rt.getValue("label_2_ml", 0) + rt.getValue("label_4_ml", 0),
			rt.getValue("WT_ml", 0), 1e-9);

		Overlay overlay = input.getOverlay();
		assertNotNull(overlay, "labels drawn over the input");
		long imageRois = Arrays.stream(overlay.toArray()).filter(r -> r instanceof ImageRoi).count();
		long labelledSlices = 0;
		long outlines = 0;
		int slice = 24 * 20;
		for (int z = 0; z < 12; z++) {
			boolean any = false;
			for (int i = 0; i < slice; i++) {
				any |= lv.labels()[z * slice + i] != 0;
			}
			labelledSlices += any ? 1 : 0;
		}
		for (BratsRegion region : BratsRegion.values()) {
			boolean[] m = region.mask(lv.labels());
			for (int z = 0; z < 12; z++) {
				boolean any = false;
				for (int i = 0; i < slice; i++) {
					any |= m[z * slice + i];
				}
				outlines += any ? 1 : 0;
			}
		}
		assertTrue(labelledSlices > 0, "the untrained model labels something in this case");
		assertEquals(labelledSlices, imageRois, "one label overlay per labelled slice");
		assertEquals(0.4, ((ImageRoi) overlay.get(0)).getOpacity(), 1e-6);
		long named = Arrays.stream(overlay.toArray()).filter(r -> r.getName() != null && r.getName().matches("(WT|TC|ET) z\\d{3}"))
			.count();
		assertEquals(outlines, named, "one outline per region and slice where it is present (headless: on the overlay)");

		WindowManager.setTempCurrentImage(input);
		ImageJ1.run("Label Overlay...", "opacity=70");
		assertTrue(input.getHideOverlay(), "show left out: hidden");
		assertEquals(0.7, ((ImageRoi) overlay.get(0)).getOpacity(), 1e-6);
		ImageJ1.run("Label Overlay...", "show opacity=70");
		assertFalse(input.getHideOverlay());
	}

	@Test
	void aMissingModalityPicksTheStudentThatFits() {
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir) + " modalities=t1");
		ImageJ1.run("Segment...", "models=" + q(models) + " model=teacher device=cpu overlap=0.25 opacity=40 qa=entropy");
		ImagePlus labels = ImageJ1.image("BraTS_7-labels");
		assertEquals("student_t1", labels.getProperty("ModalityKD.model"), "the teacher needs t1ce, t2, flair");
		assertEquals("student_t1", ResultsTable.getResultsTable().getStringValue("model", 0));
		ImagePlus entropy = ImageJ1.image("BraTS_7-entropy");
		assertEquals(32, entropy.getBitDepth());
		float max = 0;
		for (int z = 1; z <= entropy.getStackSize(); z++) {
			max = Math.max(max, (float) entropy.getStack().getProcessor(z).getStatistics().max);
		}
		assertTrue(max > 0 && max <= 1, "normalised entropy in (0, 1]: " + max);
	}

	@Test
	void disagreementComparesTeacherAndStudent() {
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir) + " modalities=");
		ImageJ1.run("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=0.5 opacity=40 qa=disagreement");
		ImagePlus map = ImageJ1.image("BraTS_7-disagreement");
		assertEquals(12, map.getNSlices());
		assertTrue(Arrays.stream(ImageJ1.image("BraTS_7").getOverlay().toArray())
			.anyMatch(r -> LabelOverlay.QUALITY.equals(r.getName())), "the QA map is an overlay too");
	}

	@Test
	void anImageFromFileOpenIsMappedByChannelNamesOrByKeys() {
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir) + " modalities=");
		ImagePlus opened = ImageJ1.image("BraTS_7");
		// What Bio-Formats gives: file names as channel labels, no ModalityKD properties.
		ImageStack stack = opened.getStack().duplicate();
		String[] files = { "BraTS_7_t1.nii.gz", "BraTS_7_t1ce.nii.gz", "BraTS_7_t2.nii.gz", "BraTS_7_flair.nii.gz" };
		for (int i = 1; i <= stack.size(); i++) {
			stack.setSliceLabel(files[(i - 1) % 4], i);
		}
		ImagePlus fromFiji = new ImagePlus("from-file-open", stack);
		fromFiji.setDimensions(4, 12, 1);
		fromFiji.setCalibration(opened.getCalibration());
		fromFiji.show();
		ImageJ1.run("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=0.5 opacity=40 qa=none");
		assertEquals("teacher", ImageJ1.image("from-file-open-labels").getProperty("ModalityKD.model"));

		for (int i = 1; i <= stack.size(); i++) {
			stack.setSliceLabel("C" + ((i - 1) % 4 + 1), i);
		}
		ImagePlus unnamed = new ImagePlus("unnamed", stack);
		unnamed.setDimensions(4, 12, 1);
		unnamed.show();
		// Nobody to ask in a macro: names that are not modalities need the keys, not a silent guess.
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(models)
			+ " model=auto device=cpu overlap=0.5 opacity=40 qa=none"), "give channel_1=t1 channel_2=flair");
		assertNull(WindowManager.getImage("unnamed-labels"));
		ImageJ1.run("Segment...", "models=" + q(models)
			+ " model=auto device=cpu overlap=0.5 opacity=40 qa=none channel_1=t1 channel_2=ignore channel_3=ignore channel_4=ignore");
		assertEquals("student_t1", ImageJ1.image("unnamed-labels").getProperty("ModalityKD.model"));
	}

	@Test
	void evaluateFillsTheResultsTable() throws IOException {
		Path withLabels = Files.createDirectories(tmp.resolve("BraTS_8"));
		for (String f : Objects.requireNonNull(caseDir.toFile().list())) {
			Files.copy(caseDir.resolve(f), withLabels.resolve(f.replace("BraTS_7", "BraTS_8")));
		}
		ImageJ1.run("Open MRI Case...", "case=" + q(withLabels) + " modalities=");
		ImageJ1.run("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=0.5 opacity=40 qa=none");
		ImagePlus labels = ImageJ1.image("BraTS_8-labels");
		ImagePlus copy = labels.duplicate();
		copy.setTitle("BraTS_8_seg");
		copy.show();
		ResultsTable.getResultsTable().reset();
		ImageJ1.run("Evaluate...", "prediction=BraTS_8-labels reference=BraTS_8_seg");
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(3, rt.size());
		assertEquals("WT", rt.getStringValue("region", 0));
		for (int r = 0; r < 3; r++) {
			assertEquals(1.0, rt.getValue("dice", r), 1e-12, "a prediction against itself");
			assertEquals(0.0, rt.getValue("hd95_mm", r), 1e-12);
		}
	}

	@Test
	void modelInfoAndCheckDeviceFillTables() {
		ImageJ1.run("Model Info...", "model=" + q(models.resolve("student_t1")));
		ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals("role", rt.getStringValue("key", 1));
		assertEquals("student", rt.getStringValue("value", 1));
		assertEquals("t1", rt.getStringValue("value", 2));
		boolean augmentation = false;
		for (int r = 0; r < rt.size(); r++) {
			augmentation |= rt.getStringValue("key", r).equals("augmentation") && rt.getStringValue("value", r).equals("light");
		}
		assertTrue(augmentation, "the card's augmentation level is listed");
		ImageJ1.run("Check Device (CPU/GPU)", "");
		rt = ResultsTable.getResultsTable();
		assertEquals("TensorFlow", rt.getStringValue("key", 0));
		assertTrue(rt.getStringValue("value", 0).startsWith("2."), rt.getStringValue("value", 0));
		boolean cpuListed = false;
		String oneDnn = null;
		for (int r = 0; r < rt.size(); r++) {
			cpuListed |= rt.getStringValue("value", r).contains("CPU");
			oneDnn = rt.getStringValue("key", r).equals("oneDNN") ? rt.getStringValue("value", r) : oneDnn;
		}
		assertTrue(cpuListed, "TensorFlow lists its CPU device");
		// The test JVM runs with the variable set (pom.xml); OneDnnTest covers a JVM without it.
		assertEquals("TF_ENABLE_ONEDNN_OPTS=1 (set before start)", oneDnn);
	}

	@Test
	void generateSampleDataWritesAndOpensACase() {
		Path out = tmp.resolve("synth");
		ImageJ1.run("Generate Sample Data...", "out=" + q(out) + " cases=1 seed=4 spacing=8 anatomy=parametric open");
		assertTrue(Files.isRegularFile(out.resolve("synth_0001/synth_0001_flair.nii.gz")));
		assertEquals(4, ImageJ1.image("synth_0001").getNChannels());
		assertNotNull(WindowManager.getImage("synth_0001_seg"));
		assertEquals("synth_0001", WindowManager.getCurrentImage().getTitle(), "the case, not its labels, is current");
	}

	@Test
	void badInputIsOneMessageAndNoOutput() {
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(models) + " model=auto device=cpu"), "No image is open");
		assertEquals(0, WindowManager.getImageCount(), "no image: an error, nothing made");
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir) + " modalities=t2");
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=0.5 opacity=40 qa=none"),
			"no model fits an image with [t2]");
		assertNull(WindowManager.getImage("BraTS_7-labels"), "no model reads t2 alone");
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(tmp.resolve("nothing")) + " model=auto device=cpu"),
			"no such models folder");
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir) + " modalities=t1");
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=1.5"),
			"overlap must be in [0, 1)");
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(models) + " model=auto device=cpu qa=disagreement"),
			"needs a teacher and a student");
		assertNull(WindowManager.getImage("BraTS_7-labels"));
		assertEquals(0, ResultsTable.getResultsTable().size());
	}

	@Test
	void aFailedCommandIsOneLineAndStopsTheMacroWithoutADialog() {
		Path missing = tmp.resolve("missing");
		String printed = ImageJ1.printed(() -> IJ.runMacro("print(\"BEFORE\");\n"
			+ "run(\"Open MRI Case...\", \"case=" + q(missing) + " modalities=\");\n"
			+ "for (i = 0; i < 2; i++) print(\"AFTER \" + i);\n"));
		assertTrue(printed.contains("BEFORE"), printed);
		List<String> errors = printed.lines().filter(l -> l.startsWith("ModalityKD ")).toList();
		assertEquals(List.of("ModalityKD Open MRI Case: " + missing + ": no such folder or file; choose a BraTS case folder "
			+ "or a manifest CSV"), errors, printed);
		assertFalse(printed.contains("AFTER"), "the macro stops at the failed command: " + printed);
		assertNull(ij.macro.Interpreter.getInstance(), "and is over");
		assertEquals(0, WindowManager.getImageCount());

		printed = ImageJ1.printed(() -> IJ.runMacro("run(\"Model Info...\");\nprint(\"AFTER\");"));
		assertTrue(printed.contains("ModalityKD Model Info: no options given and nobody to answer the dialog"), printed);
		assertFalse(printed.contains("AFTER"), printed);
	}

	@Test
	void aBadNumberIsOneLineNotImageJsMacroErrorDialog() {
		ImageJ1.run("Open MRI Case...", "case=" + q(caseDir) + " modalities=t1");
		assertOneLine(ImageJ1.runFailing("Segment...", "models=" + q(models) + " model=auto device=cpu overlap=half"),
			"ModalityKD Segment: overlap=half is not a number");
		assertNull(WindowManager.getImage("BraTS_7-labels"));
	}

	private static void assertOneLine(String printed, String fragment) {
		assertEquals(1, printed.lines().count(), "one line: " + printed);
		assertTrue(printed.contains(fragment), "'" + fragment + "' missing from: " + printed);
		assertFalse(printed.contains("Exception"), printed);
	}

	@Test
	void escapeInterruptsTheSegmentingThread() {
		IjProgress progress = new IjProgress("test");
		progress.windows(1, 4);
		assertFalse(Thread.currentThread().isInterrupted());
		IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		progress.windows(2, 4);
		assertTrue(Thread.interrupted(), "Esc interrupts; the core then stops between window batches");
		IJ.resetEscape();
	}
}

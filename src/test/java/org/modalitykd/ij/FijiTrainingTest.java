/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.Upsampling;
import org.modalitykd.train.StepResult;
import org.modalitykd.train.TrainingRun;
import org.modalitykd.train.TrainingSplit;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;

/**
 * Train Teacher, Distill Student and Train Unpaired through the real ImageJ 1
 * (headless), called as recorded macros call them: tiny networks (3 levels of 4
 * filters, 16^3 patches) for a few steps on synthetic cases. Each must block until its
 * bundle, model card and training log exist, and leave a plot of every loss term and
 * the validation Dice.
 */
class FijiTrainingTest extends FijiTrainingFixture {

	@BeforeEach
	void closePlots() {
		for (int id : WindowManager.getIDList() == null ? new int[0] : WindowManager.getIDList()) {
			WindowManager.getImage(id).close();
		}
	}

	@Test
	void teacherThenStudentThenUnpairedFromMacros() throws IOException {
		Path teacher = tmp.resolve("teacher");
		ImageJ1.run("Train Teacher...", "data=" + q(data) + " modalities=t1,t1ce,t2,flair " + TINY + " out=" + q(teacher));
		ModelCard card = assertRunWrote(teacher, 4);
		assertEquals(ModelRole.TEACHER, card.role());
		assertEquals(List.of("t1", "t1ce", "t2", "flair"), card.modalities());
		assertEquals(3, card.architecture().levels());
		assertEquals(4, card.architecture().baseFilters());
		assertEquals("light", card.provenance().augmentation(), "the default augmentation");
		assertEquals(Upsampling.TRANSPOSED_CONV, card.architecture().upsampling(), "the default upsampling");
		Plot plot = plotOf(teacher);
		assertEquals(List.of("loss", "dice", "cross_entropy", "val dice_wt", "val dice_tc", "val dice_et", "val dice_mean"),
			labels(plot));
		assertSeriesMatchTheLog(plot, teacher, List.of(2f, 4f));

		Path student = tmp.resolve("student");
		ImageJ1.run("Distill Student...", "data=" + q(data) + " modality=flair method=kdnet teacher=" + q(teacher) + " " + TINY
			+ " out=" + q(student));
		card = assertRunWrote(student, 4);
		assertEquals(ModelRole.STUDENT, card.role());
		assertEquals(List.of("flair"), card.modalities());
		assertTrue(card.provenance().data().contains("teacher "), card.provenance().data());
		assertTrue(labels(plotOf(student)).containsAll(List.of("kd", "feature_l2", "val dice_mean")),
			labels(plotOf(student)).toString());

		Path unpaired = tmp.resolve("unpaired");
		ImageJ1.run("Train Unpaired...", "data_a=" + q(data) + " modality_a=t1 data_b=" + q(data)
			+ " modality_b=flair kd_weight=0.25 tau=3 " + TINY + " augmentation=nnunet upsampling=resize out=" + q(unpaired));
		card = assertRunWrote(unpaired, 4);
		assertEquals("nnunet", card.provenance().augmentation());
		assertEquals(Upsampling.RESIZE_CONV, card.architecture().upsampling());
		assertEquals(ModelRole.UNPAIRED, card.role());
		assertEquals(List.of("t1", "flair"), card.modalities());
		assertEquals(0.25, card.provenance().lossWeights().get("class_kd"));
		assertEquals(3.0, card.provenance().lossWeights().get("tau"));
		assertTrue(labels(plotOf(unpaired)).containsAll(List.of("class_kd", "dice_b")), labels(plotOf(unpaired)).toString());
	}

	@Test
	void cancelWritesACheckpointAndResumeFinishes() throws IOException, InterruptedException {
		Path out = tmp.resolve("cancelled");
		String options = "data=" + q(data) + " modalities=t1,t2 " + TINY.replace("steps=4", "steps=5")
			.replace("checkpoint_interval=2", "checkpoint_interval=100") + " out=" + q(out);
		// The monitor the command makes is cancelled the way the Cancel button cancels it,
		// from another thread, as soon as the first step is plotted.
		Thread canceller = new Thread(() -> {
			try {
				while (!Files.exists(TrainingRun.workDirOf(out))) {
					Thread.sleep(20);
				}
				IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		canceller.start();
		ImageJ1.run("Train Teacher...", options);
		canceller.join();
		IJ.resetEscape();
		assertTrue(TrainingRun.hasCheckpoint(out), "a cancelled run leaves a checkpoint");
		List<String> log = Files.readAllLines(TrainingRun.workDirOf(out).resolve(TrainingRun.LOG_FILE));
		int done = log.size() - 1;
		assertTrue(done >= 1 && done < 5, "Esc stopped the run early: " + done + " steps");
		assertTrue(Files.isRegularFile(out.resolve(ModelBundle.CARD_FILE)), "and a bundle");

		String refused = ImageJ1.runFailing("Train Teacher...", options);
		assertOneLine(refused, "holds the checkpoint of an earlier run: tick resume");

		ImageJ1.run("Train Teacher...", options + " resume");
		ModelCard card = assertRunWrote(out, 5);
		assertEquals(5, card.provenance().steps());
		assertEquals(1, java.util.Arrays.stream(WindowManager.getImageTitles())
			.filter(t -> t.equals("ModalityKD training: cancelled")).count(), "the resumed run's plot replaces the first");
		assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), seriesX(plotOf(out), "loss"),
			"the resumed plot shows the steps before the cancel too (from the log)");
		assertSeriesMatchTheLog(plotOf(out), out, List.of(2f, 4f, 5f));
	}

	@Test
	void resumeWithoutACheckpointIsRefusedAsEverywhere() {
		Path out = tmp.resolve("fresh");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1,t2 " + TINY + " out="
			+ q(out) + " resume"), "no checkpoint to resume from");
		assertFalse(Files.exists(out), "nothing was trained");
	}

	@Test
	void trainUnpairedTakesACtFolderAndRefusesOneWithoutHounsfieldUnits() throws IOException {
		Path ct = tmp.resolve("ct");
		Path mr = tmp.resolve("mr");
		org.modalitykd.CtCases.write(ct, "ct", 3, 31, List.of("ct"));
		org.modalitykd.CtCases.write(mr, "mr", 3, 32, List.of("flair"));
		Path bundle = tmp.resolve("unpaired");
		String tiny = "steps=2 patch_size=16 batch_size=1 learning_rate=1E-3 levels=3 base_filters=4 seed=1 "
			+ "validation_fraction=0.34 validation_interval=2 checkpoint_interval=2 device=cpu";
		ImageJ1.run("Train Unpaired...", "data_a=" + q(ct) + " modality_a=ct data_b=" + q(mr) + " modality_b=flair "
			+ "kd_weight=0.5 tau=2 " + tiny + " out=" + q(bundle));
		ModelCard card = ModelBundle.readCard(bundle);
		assertEquals(ModelRole.UNPAIRED, card.role());
		assertEquals(List.of("ct", "flair"), card.modalities());
		assertTrue(card.normalization().readsHounsfield(), card.normalization().toString());

		// A "CT" folder of MRI is refused before training.
		Path notCt = tmp.resolve("not-ct");
		for (org.modalitykd.io.CaseFiles c : org.modalitykd.io.BratsLayout.casesUnder(mr)) {
			Path dir = org.modalitykd.CtCases.mriAsCt(c, "flair", notCt, c.id());
			Files.copy(c.labels().orElseThrow(), dir.resolve(c.id() + "_seg.nii.gz"));
		}
		Path refused = tmp.resolve("refused");
		assertOneLine(ImageJ1.runFailing("Train Unpaired...", "data_a=" + q(notCt) + " modality_a=ct data_b=" + q(mr)
			+ " modality_b=flair kd_weight=0.5 tau=2 " + tiny + " out=" + q(refused)), "Hounsfield");
		assertFalse(Files.exists(refused));
		assertFalse(Files.exists(TrainingRun.workDirOf(refused)));
	}

	@Test
	void badSettingsAreOneMessageAndNoOutput() {
		Path out = tmp.resolve("bad");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1,pd " + TINY + " out=" + q(out)),
			"modalities: unknown modality 'pd'");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1 "
			+ TINY.replace("patch_size=16", "patch_size=18") + " out=" + q(out)), "multiple of 4");
		assertOneLine(ImageJ1.runFailing("Distill Student...", "data=" + q(data) + " modality=t1 method=protokd teacher= "
			+ TINY + " out=" + q(out)), "teacher: choose a folder");
		assertOneLine(ImageJ1.runFailing("Train Unpaired...", "data_a=" + q(data) + " modality_a=t2 data_b=" + q(data)
			+ " modality_b=t2 " + TINY + " out=" + q(out)), "both modalities are t2");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(tmp.resolve("none")) + " modalities=t1 " + TINY
			+ " out=" + q(out)), "no such folder");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1 " + TINY + " out=" + q(data)),
			"holds files and is not a model bundle");
		assertOneLine(ImageJ1.runFailing("Train Unpaired...", "data_a=" + q(data) + " modality_a=t1 data_b=" + q(data)
			+ " modality_b=flair tau=warm " + TINY + " out=" + q(out)), "ModalityKD Train Unpaired: tau=warm is not a number");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1 "
			+ TINY.replace("steps=4", "steps=many") + " out=" + q(out)), "ModalityKD Train Teacher: steps=many is not a number");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1 " + TINY
			+ " augmentation=heavy out=" + q(out)), "augmentation");
		assertOneLine(ImageJ1.runFailing("Train Teacher...", "data=" + q(data) + " modalities=t1 " + TINY
			+ " upsampling=bilinear out=" + q(out)), "upsampling: unknown upsampling 'bilinear'");
		assertTrue(Files.isDirectory(data.resolve("tr_0001")), "the cases are still there");
		assertFalse(Files.exists(TrainingRun.workDirOf(data)));
		assertFalse(Files.exists(out), "nothing written");
		assertFalse(Files.exists(TrainingRun.workDirOf(out)));
	}

	@Test
	void theMonitorThrottlesRedrawsAndCancelsOnEscOrButton() {
		TrainingMonitor monitor = new TrainingMonitor("ModalityKD training: unit", null);
		monitor.started(0, 3, new TrainingSplit(List.of("a"), List.of(), List.of(), List.of()));
		long t0 = System.currentTimeMillis();
		monitor.stepDone(step(1, 1.5, 0.7), 3);
		monitor.stepDone(step(2, 1.2, 0.6), 3);
		Plot early = (Plot) monitor.plotImage().getProperty(Plot.PROPERTY_KEY);
		if (System.currentTimeMillis() - t0 < TrainingMonitor.REDRAW_MILLIS) {
			assertEquals(0, early.getDataObjectDesignations().length, "steps 1-2 came within 0.5 s of the first drawing");
		}
		assertFalse(monitor.cancelRequested());
		monitor.stepDone(step(3, 1.0, 0.5), 3);
		Plot last = (Plot) monitor.plotImage().getProperty(Plot.PROPERTY_KEY);
		assertEquals(List.of("loss", "dice"), labels(last), "the last step is always drawn; learning_rate is not a loss");
		assertEquals(List.of(1.0, 2.0, 3.0), seriesX(last, "loss"));

		IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		assertTrue(monitor.cancelRequested(), "Esc cancels");
		IJ.resetEscape();
		TrainingMonitor button = new TrainingMonitor("ModalityKD training: unit2", null);
		assertFalse(button.cancelRequested(), "a new monitor forgets an earlier Esc");
		button.cancel();
		assertTrue(button.cancelRequested(), "what the Cancel button calls");
	}

	/** A step's terms in the order a trainer reports them. */
	private static StepResult step(long n, double loss, double dice) {
		Map<String, Double> terms = new java.util.LinkedHashMap<>();
		terms.put("loss", loss);
		terms.put("dice", dice);
		terms.put("learning_rate", 1e-3);
		return new StepResult(n, terms);
	}

	/** The bundle, its card and a log of {@code steps} steps exist. */
	private static ModelCard assertRunWrote(Path bundle, int steps) throws IOException {
		assertTrue(Files.isRegularFile(bundle.resolve("saved_model.pb")), "bundle " + bundle);
		assertTrue(Files.isRegularFile(bundle.resolve(ModelBundle.CARD_FILE)), "model card");
		List<String> log = Files.readAllLines(TrainingRun.workDirOf(bundle).resolve(TrainingRun.LOG_FILE));
		assertEquals(steps + 1, log.size(), "a header and a row per step: " + log);
		assertTrue(log.get(steps).startsWith(steps + ","), log.get(steps));
		return ModelBundle.readCard(bundle);
	}

	private static Plot plotOf(Path bundle) {
		ImagePlus imp = WindowManager.getImage("ModalityKD training: " + bundle.getFileName());
		assertNotNull(imp, "the training plot; open: " + String.join(", ", WindowManager.getImageTitles()));
		Plot plot = (Plot) imp.getProperty(Plot.PROPERTY_KEY);
		assertNotNull(plot);
		return plot;
	}

	/** The label of each data series, in order. */
	static List<String> labels(Plot plot) {
		List<String> l = new ArrayList<>();
		for (String d : plot.getDataObjectDesignations()) {
			l.add(d.substring(d.indexOf(':') + 1).trim());
		}
		return l;
	}

	private static List<Double> seriesX(Plot plot, String label) {
		int i = labels(plot).indexOf(label);
		assertTrue(i >= 0, label + " in " + labels(plot));
		List<Double> x = new ArrayList<>();
		for (float v : plot.getDataObjectArrays(i)[0]) {
			x.add((double) v);
		}
		return x;
	}

	/** The loss curve is the log's loss column, and the Dice points are the log's validation rows. */
	private static void assertSeriesMatchTheLog(Plot plot, Path bundle, List<Float> validations) throws IOException {
		List<String> rows = Files.readAllLines(TrainingRun.workDirOf(bundle).resolve(TrainingRun.LOG_FILE));
		List<String> header = List.of(rows.get(0).split(","));
		int lossColumn = header.indexOf("loss");
		int diceColumn = header.indexOf("val_dice_mean");
		float[][] loss = plot.getDataObjectArrays(labels(plot).indexOf("loss"));
		float[][] dice = plot.getDataObjectArrays(labels(plot).indexOf("val dice_mean"));
		List<Float> validatedSteps = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			String[] cells = rows.get(r).split(",", -1);
			assertEquals(r, loss[0][r - 1], 0);
			assertEquals(Double.parseDouble(cells[lossColumn]), loss[1][r - 1], 1e-4);
			if (!cells[diceColumn].isEmpty()) {
				validatedSteps.add((float) r);
				assertEquals(Double.parseDouble(cells[diceColumn]), dice[1][validatedSteps.size() - 1], 1e-4);
			}
		}
		assertEquals(validations, validatedSteps);
		assertEquals(validations.size(), dice[0].length);
	}
}

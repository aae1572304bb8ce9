/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;

/**
 * Documentation screenshots of the real ImageJ 1 GUI (run under Xvfb by
 * scripts/fiji-screenshots): the commands' dialogs as a user sees them, and the result
 * of Segment (overlay, label image, Results table, ROI Manager). Dialogs are driven the
 * way a user would: shown by the menu command on its own thread, captured, then OK or
 * Cancel. Not a test: {@code Screenshots CASE_DIR MODELS_DIR OUT_DIR}.
 */
public final class Screenshots {

	private final Robot robot;
	private final Path out;

	private Screenshots(Path out) throws Exception {
		this.robot = new Robot();
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		Path caseDir = Path.of(args[0]);
		Path models = Path.of(args[1]);
		Screenshots s = new Screenshots(Path.of(args[2]));
		new ImageJ();
		Prefs.set(SegmentPlugin.PREF_MODELS, models.toString());
		IJ.run("Open MRI Case...", "case=[" + caseDir + "] modalities=");
		ImagePlus input = WindowManager.getImage(caseDir.getFileName().toString());
		input.getWindow().setLocation(10, 10);
		IJ.run(input, "Set... ", "zoom=300");
		input.setZ(input.getNSlices() / 2);

		s.dialog("Open MRI Case...", "Open MRI Case", "open-case-dialog.png", false, gd -> {
		});
		Thread segment = s.dialog("Segment...", "ModalityKD Segment: models", "segment-models-dialog.png", true, gd -> {
			((java.awt.TextField) gd.getStringFields().get(0)).setText("/models");
		}, gd -> {
			((java.awt.TextField) gd.getStringFields().get(0)).setText(models.toString());
		});
		s.waitFor("ModalityKD Segment", "segment-dialog.png", true, gd -> {
			((Checkbox) gd.getCheckboxes().get(1)).setState(true); // outlines, to show the ROI Manager
		});
		segment.join();
		Thread.sleep(1500);
		ImagePlus labels = WindowManager.getImage(input.getTitle() + "-labels");
		input.setZ(mostLabelledSlice(labels));
		WindowManager.setCurrentWindow(input.getWindow());
		input.getWindow().toFront();
		Thread.sleep(800);
		s.capture(input.getWindow(), "segment-overlay.png");
		s.captureFrame("Results", "segment-results.png", 980, 110);
		labels.getWindow().setLocation(700, 10);
		labels.setZ(input.getZ());
		IJ.run(labels, "Set... ", "zoom=200");
		Thread.sleep(800);
		s.capture(labels.getWindow(), "segment-labels.png");
		s.captureFrame("ROI Manager", "segment-roi-manager.png", 330, 420);

		IJ.run("Close All");
		s.dialog("Generate Sample Data...", "ModalityKD: Generate Sample Data", "sample-data-dialog.png", false, gd -> {
		});
		s.dialog("Model Info...", "ModalityKD Model Info", null, true, gd -> {
			((java.awt.TextField) gd.getStringFields().get(0)).setText(models.resolve("teacher").toString());
		}).join();
		Thread.sleep(800);
		// A neutral path in the bundle row, as in the docs' macros.
		ij.measure.ResultsTable info = ij.measure.ResultsTable.getResultsTable(ModelInfoPlugin.TABLE);
		if (info != null && "bundle".equals(info.getStringValue("key", 0))) {
			info.setValue("value", 0, "/models/teacher");
			info.show(ModelInfoPlugin.TABLE);
		}
		s.captureFrame("Model Info", "model-info.png", 1380, 330);
		Thread device = new Thread(() -> IJ.run("Check Device (CPU/GPU)"));
		device.start();
		device.join();
		Thread.sleep(800);
		// Its own width: the window widens itself to its longest row.
		s.captureFrame("ModalityKD Device", "check-device.png", 0, 260);
		s.training(caseDir.getParent());
		System.out.println("screenshots: written to " + s.out);
		System.exit(0);
	}

	/** The slice (1-based z) with the most labelled voxels: where the overlay shows the tumour best. */
	private static int mostLabelledSlice(ImagePlus labels) {
		int best = 1;
		long most = -1;
		for (int z = 1; z <= labels.getStackSize(); z++) {
			byte[] px = (byte[]) labels.getStack().getPixels(z);
			long n = 0;
			for (byte b : px) {
				n += b != 0 ? 1 : 0;
			}
			if (n > most) {
				most = n;
				best = z;
			}
		}
		return best;
	}

	/**
	 * Train Teacher's dialog as it opens (data and out filled in, default settings), then
	 * a short real run on the sample cases (tiny network, 1 training and 1 validation
	 * case) whose live plot is captured near its end, the Cancel button still there.
	 */
	private void training(Path data) throws Exception {
		IJ.run("Close All");
		Path out = java.nio.file.Files.createTempDirectory("modalitykd-screenshots").resolve("teacher");
		int steps = 600;
		// The dialog as a user fills it in (neutral paths), then Cancel: the run itself is
		// started with macro options on its own thread, so that nothing depends on which
		// dialog field is which.
		menuDialog("Train Teacher...", "ModalityKD Train Teacher", "train-teacher-dialog.png", false, gd -> {
			((java.awt.TextField) gd.getStringFields().get(0)).setText("/data/brats-train");
			((java.awt.TextField) gd.getStringFields().get(2)).setText("/models/teacher");
		}, gd -> {
		});
		Thread.sleep(1000);
		new Thread(() -> IJ.run("Train Teacher...", "data=[" + data + "] modalities=t1,t1ce,t2,flair steps=" + steps
			+ " patch_size=32 batch_size=2 learning_rate=3E-3 levels=3 base_filters=8 seed=1 validation_fraction=0.3"
			+ " validation_interval=25 checkpoint_interval=50 device=cpu out=[" + out + "]"), "training").start();
		// Capture a run under way: once the plot holds 250 steps, with its validations and
		// Cancel still live.
		ij.gui.PlotWindow plot = null;
		for (int i = 0; i < 600; i++) {
			Thread.sleep(100);
			for (Window w : Window.getWindows()) {
				if (w instanceof ij.gui.PlotWindow p && w.isShowing()) {
					plot = p;
				}
			}
			ij.gui.Plot shown = plot == null ? null : plot.getPlot();

			if (shown != null && shown.getDataObjectDesignations().length > 0
				&& shown.getDataObjectArrays(0)[0].length >= 250) {
				break;
			}
		}
		if (plot == null) {
			StringBuilder open = new StringBuilder();
			for (Window w : Window.getWindows()) {
				if (w instanceof Dialog d && w.isShowing()) {
					open.append(" '").append(d.getTitle()).append("' (error-dialog.png)");
					capture(d, "error-dialog.png"); // what went wrong, for whoever reruns this
				}
			}
			throw new IllegalStateException("no training plot appeared; open dialogs:" + open);
		}
		plot.setLocation(10, 10);
		plot.toFront();
		Thread.sleep(1500);
		capture(plot, "train-teacher-plot.png");
		for (Button b : buttonsOf(plot)) {
			if (TrainingMonitor.CANCEL.equals(b.getLabel())) {
				b.dispatchEvent(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, b.getLabel()));
			}
		}
		for (int i = 0; i < 600 && !org.modalitykd.train.TrainingRun.hasCheckpoint(out); i++) {
			Thread.sleep(100);
		}
	}

	private static java.util.List<Button> buttonsOf(java.awt.Container c) {
		java.util.List<Button> found = new java.util.ArrayList<>();
		for (java.awt.Component child : c.getComponents()) {
			if (child instanceof Button b) {
				found.add(b);
			} else if (child instanceof java.awt.Container inner) {
				found.addAll(buttonsOf(inner));
			}
		}
		return found;
	}

	/** Runs a command as the menu does and handles its first dialog. */
	private void menuDialog(String command, String title, String file, boolean ok, Consumer<GenericDialog> edit,
		Consumer<GenericDialog> afterCapture) throws Exception {
		IJ.doCommand(command);
		waitFor(title, file, ok, edit, afterCapture);
	}

	/** Runs a command on its own thread and handles its first dialog; returns the thread. */
	private Thread dialog(String command, String title, String file, boolean ok, Consumer<GenericDialog> edit)
		throws Exception {
		return dialog(command, title, file, ok, edit, gd -> {
		});
	}

	/** As above, with {@code afterCapture} changing fields between the capture and OK. */
	private Thread dialog(String command, String title, String file, boolean ok, Consumer<GenericDialog> edit,
		Consumer<GenericDialog> afterCapture) throws Exception {
		Thread t = new Thread(() -> IJ.run(command), command);
		t.start();
		waitFor(title, file, ok, edit, afterCapture);
		return t;
	}

	private void waitFor(String title, String file, boolean ok, Consumer<GenericDialog> edit) throws Exception {
		waitFor(title, file, ok, edit, gd -> {
		});
	}

	private void waitFor(String title, String file, boolean ok, Consumer<GenericDialog> edit,
		Consumer<GenericDialog> afterCapture) throws Exception {
		GenericDialog gd = null;
		for (int i = 0; i < 200 && gd == null; i++) {
			Thread.sleep(100);
			for (Window w : Window.getWindows()) {
				if (w instanceof GenericDialog g && w.isShowing() && title.equals(g.getTitle())) {
					gd = g;
				}
			}
		}
		if (gd == null) {
			throw new IllegalStateException("no dialog '" + title + "' appeared");
		}
		edit.accept(gd);
		Thread.sleep(1500); // GenericDialog centres itself after it shows: wait until it is still
		// Then place it: without a window manager, the position Java reports for a dialog it
		// centred over its owner is not where the X server drew it.
		GenericDialog shown = gd;
		EventQueue.invokeAndWait(() -> {
			shown.pack();
			shown.setLocation(360, 10);
		});
		Thread.sleep(800);
		if (file != null) {
			capture(gd, file);
		}
		afterCapture.accept(gd);
		Button[] buttons = gd.getButtons();
		gd.actionPerformed(new ActionEvent(ok ? buttons[0] : buttons[1], ActionEvent.ACTION_PERFORMED, ok ? "OK" : "Cancel"));
	}

	/** Captures a window by title, first resized to width x height; a 0 keeps the window's own size in that direction. */
	private void captureFrame(String title, String file, int width, int height) throws Exception {
		for (Window w : Window.getWindows()) {
			String t = w instanceof Frame f ? f.getTitle() : w instanceof Dialog d ? d.getTitle() : "";
			if (w.isShowing() && title.equals(t)) {
				// Below the image windows: Xvfb has no window manager to raise a window.
				w.setLocation(10, 430);
				if (width > 0 || height > 0) {
					w.setSize(width > 0 ? width : w.getWidth(), height > 0 ? height : w.getHeight());
					w.validate();
				}
				w.toFront();
				Thread.sleep(500);
				capture(w, file);
				return;
			}
		}
		System.err.println("screenshots: no window '" + title + "'");
	}

	/**
	 * Captures a whole window. The rectangle is taken on screen after layout:
	 * {@code getBounds()} of a dialog that centred itself after it was shown can still
	 * hold its first position and size, which cut the dialogs off at the right and bottom.
	 */
	private void capture(Window w, String file) throws Exception {
		EventQueue.invokeAndWait(w::validate);
		robot.waitForIdle();
		Rectangle r = new Rectangle(w.getLocationOnScreen(), w.getSize());
		BufferedImage image = robot.createScreenCapture(r);
		File f = out.resolve(file).toFile();
		ImageIO.write(image, "png", f);
		System.out.println("screenshots: " + f + " " + r.width + "x" + r.height);
	}
}

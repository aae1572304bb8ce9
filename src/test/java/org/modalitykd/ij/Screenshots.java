package org.modalitykd.ij;

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
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
		input.setZ(input.getNSlices() / 2 + 6);

		s.dialog("Open MRI Case...", "Open MRI Case", "open-case-dialog.png", false, gd -> {
		});
		Thread segment = s.dialog("Segment...", "ModalityKD Segment: models", "segment-models-dialog.png", true, gd -> {
		});
		s.waitFor("ModalityKD Segment", "segment-dialog.png", true, gd -> {
			((Checkbox) gd.getCheckboxes().get(1)).setState(true); // outlines, to show the ROI Manager
		});
		segment.join();
		Thread.sleep(1500);
		WindowManager.setCurrentWindow(input.getWindow());
		input.getWindow().toFront();
		Thread.sleep(800);
		s.capture(input.getWindow(), "segment-overlay.png");
		s.captureFrame("Results", "segment-results.png", 980, 110);
		ImagePlus labels = WindowManager.getImage(input.getTitle() + "-labels");
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
		s.captureFrame("Model Info", "model-info.png", 900, 330);
		Thread device = new Thread(() -> IJ.run("Check Device (CPU/GPU)"));
		device.start();
		device.join();
		Thread.sleep(800);
		s.captureFrame("ModalityKD Device", "check-device.png", 760, 260);
		System.out.println("screenshots: written to " + s.out);
		System.exit(0);
	}

	/** Runs a command on its own thread and handles its first dialog; returns the thread. */
	private Thread dialog(String command, String title, String file, boolean ok, Consumer<GenericDialog> edit)
		throws Exception {
		Thread t = new Thread(() -> IJ.run(command), command);
		t.start();
		waitFor(title, file, ok, edit);
		return t;
	}

	private void waitFor(String title, String file, boolean ok, Consumer<GenericDialog> edit) throws Exception {
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
		if (file != null) {
			capture(gd, file);
		}
		Button[] buttons = gd.getButtons();
		gd.actionPerformed(new ActionEvent(ok ? buttons[0] : buttons[1], ActionEvent.ACTION_PERFORMED, ok ? "OK" : "Cancel"));
	}

	/** Captures a window by title, first resized to width x height unless 0. */
	private void captureFrame(String title, String file, int width, int height) throws Exception {
		for (Window w : Window.getWindows()) {
			String t = w instanceof Frame f ? f.getTitle() : w instanceof Dialog d ? d.getTitle() : "";
			if (w.isShowing() && title.equals(t)) {
				// Below the image windows: Xvfb has no window manager to raise a window.
				w.setLocation(10, 430);
				if (width > 0) {
					w.setSize(width, height);
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

	private void capture(Window w, String file) throws IOException {
		Rectangle r = w.getBounds();
		BufferedImage image = robot.createScreenCapture(r);
		File f = out.resolve(file).toFile();
		ImageIO.write(image, "png", f);
		System.out.println("screenshots: " + f + " " + r.width + "x" + r.height);
	}
}

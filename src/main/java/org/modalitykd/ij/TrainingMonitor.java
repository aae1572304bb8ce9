/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Panel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.modalitykd.train.StepResult;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingSplit;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.macro.Interpreter;

/**
 * A training run in ImageJ: a live {@link Plot} of the loss terms and the validation
 * Dice (redrawn at most every {@link #REDRAW_MILLIS} ms, and at every validation and
 * the end), the progress bar and status line, and two ways to stop: the plot window's
 * <b>Cancel training</b> button and Esc. Cancel asks the run to stop after the current
 * step; it writes a checkpoint and the bundle first. Each validation is a line in the
 * Log, and the plot is saved at each validation and at the end as {@link #PLOT_FILE}
 * beside the training log (in {@code <out>.training/}).
 * <p>
 * Called on the training thread (never the event thread). Headless, in batch mode or
 * without an ImageJ window (a batch job), the plot is an image (no window) that is
 * updated in place, and the progress also goes to the Log at most every
 * {@link #PROGRESS_LOG_MILLIS} ms: there is no status bar to read.
 */
final class TrainingMonitor implements TrainingListener {

	static final long REDRAW_MILLIS = 500;
	static final String CANCEL = "Cancel training";
	static final String PLOT_FILE = "training-plot.png";
	static final long PROGRESS_LOG_MILLIS = 60_000;

	private final String title;
	private final Path log;
	private final TrainingCurves curves = new TrainingCurves();
	/** Whether the plot gets a window: a person is at ImageJ, outside batch mode. */
	private final boolean showsWindow;
	private long lastProgressLog = System.currentTimeMillis();
	private volatile boolean cancel;
	private long steps = 1;
	private long lastDraw;
	private ImagePlus plotImage;
	private PlotWindow plotWindow;
	private Button cancelButton;

	/**
	 * @param title the plot window's title, e.g. {@code ModalityKD training: teacher}; an
	 *              earlier plot of that title (the same bundle) is closed
	 * @param log   the run's training-log.csv, read into the plot when the run resumes;
	 *              null for none
	 */
	TrainingMonitor(String title, Path log) {
		this.title = title;
		this.log = log;
		this.showsWindow = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null && !Interpreter.isBatchMode();
		IJ.resetEscape();
	}

	/** Asks the run to stop after the current step (the Cancel button; also callable from any thread). */
	void cancel() {
		cancel = true;
		if (cancelButton != null) {
			cancelButton.setLabel("Cancelling...");
			cancelButton.setEnabled(false);
		}
	}

	@Override
	public boolean cancelRequested() {
		if (IJ.escapePressed()) {
			cancel();
		}
		return cancel;
	}

	@Override
	public void started(long firstStep, long totalSteps, TrainingSplit split) {
		steps = totalSteps;
		if (firstStep > 0 && log != null && Files.isRegularFile(log)) {
			try {
				curves.readLog(log, firstStep);
			} catch (IOException | RuntimeException e) {
				IJ.log(title + ": the earlier steps are not plotted: " + Dialogs.oneLine(e));
			}
		}
		IJ.log(title + ": " + (firstStep > 0 ? "resumed at step " + firstStep + "; " : "") + split.describe());
		redraw();
	}

	@Override
	public void stepDone(StepResult r, long totalSteps) {
		curves.step(r.step(), r.terms());
		IJ.showProgress((int) r.step(), (int) totalSteps);
		IJ.showStatus(String.format(Locale.ROOT, "%s: step %d/%d, loss %.4f (Esc or Cancel to stop)", title, r.step(),
			totalSteps, r.loss()));
		long now = System.currentTimeMillis();
		if (now - lastDraw >= REDRAW_MILLIS || r.step() == totalSteps) {
			redraw();
		}
		if (!showsWindow && now - lastProgressLog >= PROGRESS_LOG_MILLIS) {
			lastProgressLog = now;
			IJ.log(String.format(Locale.ROOT, "%s: step %d/%d, loss %.4f", title, r.step(), totalSteps, r.loss()));
		}
	}

	@Override
	public void validated(long step, Map<String, Double> metrics, boolean best) {
		curves.validation(step, metrics);
		IJ.log(String.format(Locale.ROOT, "%s: validation at step %d: WT %.3f, TC %.3f, ET %.3f, mean %.3f%s", title, step,
			metrics.get("dice_wt"), metrics.get("dice_tc"), metrics.get("dice_et"), metrics.get("dice_mean"),
			best ? " (best so far: bundle updated)" : ""));
		redraw();
		savePlot();
	}

	@Override
	public void message(String line) {
		IJ.showStatus(title + ": " + line);
	}

	/** The plot as last drawn, as an image: its {@link Plot} is the property {@link Plot#PROPERTY_KEY}. */
	ImagePlus plotImage() {
		return plotImage;
	}

	/** The curves recorded so far. */
	TrainingCurves curves() {
		return curves;
	}

	/** Draws the curves once more and turns the Cancel button into a disabled note of how the run ended. */
	synchronized void finished(String how) {
		redraw();
		savePlot();
		if (cancelButton != null) {
			cancelButton.setLabel(how);
			cancelButton.setEnabled(false);
		}
		IJ.showProgress(1, 1);
	}

	private synchronized void redraw() {
		lastDraw = System.currentTimeMillis();
		Plot plot = curves.plot(title, steps);
		if (plotImage == null) {
			ImagePlus earlier = WindowManager.getImage(title);
			if (earlier != null && earlier.getProperty(Plot.PROPERTY_KEY) != null) {
				earlier.changes = false;
				earlier.close();
			}
			if (showsWindow) {
				plotWindow = plot.show();
				plotImage = plotWindow == null ? plot.getImagePlus() : plotWindow.getImagePlus();
				addCancelButton();
			} else {
				plotImage = plot.getImagePlus();
				if (GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode()) {
					plotImage.show(); // no window there: the image is only listed, for macros to select
				}
			}
		} else if (plotWindow != null && plotWindow.isShowing()) {
			plotWindow.drawPlot(plot);
		} else {
			plotImage.setProcessor(plot.getProcessor());
			plotImage.setProperty(Plot.PROPERTY_KEY, plot);
		}
	}

	/** The plot file beside the training log, or null without a log. */
	Path plotFile() {
		return log == null ? null : log.resolveSibling(PLOT_FILE);
	}

	/**
	 * Writes the plot as drawn last to {@link #plotFile}, through a temporary file, so a
	 * batch job leaves a picture of its run; only once the run has its folder.
	 */
	private void savePlot() {
		Path file = plotFile();
		if (file == null || plotImage == null || !Files.isDirectory(file.getParent())) {
			return;
		}
		Path part = file.resolveSibling("." + PLOT_FILE + ".part");
		try {
			if (!ImageIO.write(plotImage.getProcessor().getBufferedImage(), "png", part.toFile())) {
				throw new IOException("no PNG writer");
			}
			Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException | RuntimeException e) {
			IJ.log(title + ": the plot was not saved to " + file + ": " + Dialogs.oneLine(e));
		}
	}

	/** Puts Cancel beside the plot window's List / Data / More buttons. */
	private void addCancelButton() {
		Panel buttons = plotWindow == null ? null : buttonPanel(plotWindow);
		if (buttons == null) {
			return; // Esc still cancels
		}
		cancelButton = new Button(CANCEL);
		cancelButton.addActionListener(e -> cancel());
		// First in the row: the panel is as wide as the plot, and what does not fit wraps out of sight.
		buttons.add(cancelButton, 0);
		buttons.validate();
		plotWindow.validate();
	}

	private static Panel buttonPanel(Container c) {
		for (Component child : c.getComponents()) {
			if (child instanceof Panel p) {
				for (Component b : p.getComponents()) {
					if (b instanceof Button) {
						return p;
					}
				}
				Panel inner = buttonPanel(p);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}
}

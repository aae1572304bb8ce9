/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.modalitykd.eval.TumourVolumes;
import org.modalitykd.app.CaseResult;
import org.modalitykd.app.CaseSegmentation;
import org.modalitykd.app.SegmentationOptions;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.net.Device;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.volume.Volume;

import ij.IJ;
import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Segment...: segments the current image with a model from a
 * models folder and shows the label image, a label overlay on the input, optional
 * outlines, and a row of volumes in the Results table. When the image lacks a
 * modality the chosen model needs, the best model that fits is used and the log says so.
 * <p>
 * Macro (blocks until the outputs exist):
 * {@code run("Segment...", "models=/models model=auto device=auto overlap=0.5 opacity=40 outlines qa=none");}
 * plus {@code tta} for test-time mirroring and {@code channel_1=t1 channel_2=flair ...}
 * when channel names are not modalities.
 */
public class SegmentPlugin implements PlugIn {

	static final String PREF_MODELS = "modalitykd.models";
	static final String[] DEVICES = { "auto", "cpu", "gpu" };
	static final String[] QA = { "none", "disagreement", "entropy" };

	static final String COMMAND = "Segment";

	@Override
	public void run(String arg) {
		CommandErrors.run(COMMAND, () -> {
			ImagePlus image = WindowManager.getCurrentImage();
			if (image == null) {
				throw new IllegalArgumentException(
					"No image is open: open a case with Plugins > ModalityKD > Open MRI Case... or File > Open");
			}
			if (!CommandErrors.canShowDialog(COMMAND,
				"models=[/models] model=auto device=auto overlap=0.5 opacity=40 qa=none", "overlap", "opacity")) {
				return;
			}
			try {
				segment(image);
			} catch (CancellationException e) {
				Thread.interrupted(); // clear the flag Esc set; ImageJ reuses threads
				IjProgress.finish("ModalityKD: segmentation cancelled; nothing was made");
			}
		});
	}

	private void segment(ImagePlus image) throws IOException {
		GenericDialog first = new GenericDialog("ModalityKD Segment: models");
		Dialogs.addPath(first, "models", Prefs.get(PREF_MODELS, ""), true);
		first.addMessage("A folder of model bundles (or one bundle): each has a model-card.json.");
		first.showDialog();
		if (first.wasCanceled()) {
			return;
		}
		Path folder = TrainingFields.folder(first.getNextString(), "models");
		ModelCatalog catalog = ModelCatalog.scan(folder);
		Prefs.set(PREF_MODELS, folder.toString());

		List<String> names = new ArrayList<>(List.of("auto"));
		StringBuilder cards = new StringBuilder();
		for (ModelCatalog.Entry e : catalog.entries()) {
			names.add(e.name());
			cards.append(e.describe()).append('\n');
		}
		GenericDialog gd = new GenericDialog("ModalityKD Segment");
		gd.addChoice("model", names.toArray(new String[0]), "auto");
		gd.addMessage(cards.toString().trim() + "\nauto: the model that reads the most modalities this image has");
		gd.addChoice("device", DEVICES, "auto");
		gd.addNumericField("overlap", 0.5, 2);
		gd.addCheckbox("tta (mirroring, 8x slower)", false);
		gd.addSlider("opacity", 0, 100, 40, 5);
		gd.addCheckbox("outlines (ROI Manager)", false);
		gd.addChoice("qa", QA, "none");
		gd.addMessage("qa: a teacher/student disagreement map or the entropy of the prediction, as an image and an overlay");
		gd.addCheckbox("ignore_channel_order (segment even if the channels look swapped to the model)", false);
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		String wanted = gd.getNextChoice();
		Device device = Device.parse(gd.getNextChoice());
		double overlap = gd.getNextNumber();
		boolean tta = gd.getNextBoolean();
		double opacity = Math.max(0, Math.min(100, gd.getNextNumber())) / 100.0;
		boolean outlines = gd.getNextBoolean();
		SegmentationTool.Qa qa = SegmentationTool.Qa.parse(gd.getNextChoice());
		boolean ignoreChannelOrder = gd.getNextBoolean();
		// Settings are checked before the image is read: a typo fails at once.
		CaseSegmentation job = CaseSegmentation.withCatalog(catalog, wanted, SegmentationOptions.defaults()
			.withDevice(device).withOverlap(overlap).withTta(tta).withChannelOrderCheck(!ignoreChannelOrder));

		Volume input = ChannelMapping.apply(ImagePlusBridge.toVolume(image));
		if (input == null) {
			return;
		}
		ModelCatalog.Choice choice = job.choose(input, qa);
		IJ.log("ModalityKD Segment " + image.getTitle() + ": " + choice.reason());
		// Only a person is asked; in a macro the recorded model and this documented rule decide.
		if (choice.fallback() && CommandErrors.interactive()
			&& !IJ.showMessageWithCancel("ModalityKD Segment", choice.reason() + ".\nSegment with it?")) {
			return;
		}
		long t0 = System.nanoTime();
		CaseResult r = job.segment(input, choice, qa,
			new IjProgress("Segmenting " + image.getTitle() + " with " + choice.entry().name()));
		SegmentOutputs.show(image, r.toToolResult(), opacity, outlines);
		addVolumes(image.getTitle(), r.toToolResult());
		String done = String.format(Locale.ROOT, "ModalityKD Segment: %s segmented with %s in %.1f s", image.getTitle(),
			choice.entry().name(), (System.nanoTime() - t0) / 1e9);
		IjProgress.finish(done);
		if (!CommandErrors.interactive()) {
			IJ.log(done); // no status bar to read in a batch job
		}
	}

	/** One row of the Results table: the image, the model, and the volumes in mL. */
	static void addVolumes(String title, SegmentationTool.Result r) {
		ResultsTable rt = ResultsTable.getResultsTable();
		rt.incrementCounter();
		rt.addLabel(title);
		rt.addValue("model", r.choice().entry().name());
		rt.addValue("role", r.choice().entry().card().role().key());
		for (Map.Entry<String, Double> e : TumourVolumes.of(r.segmentation().labels()).entrySet()) {
			rt.addValue(e.getKey() + "_ml", e.getValue());
		}
		rt.show("Results");
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Modalities;
import org.modalitykd.synth.AnatomyChoice;
import org.modalitykd.synth.AnatomySource;
import org.modalitykd.synth.CaseGenerator;
import org.modalitykd.synth.Colin27Anatomy;
import org.modalitykd.synth.HeadMaps;
import org.modalitykd.synth.SyntheticDataset;
import org.modalitykd.synth.TissueMaps;
import org.modalitykd.synth.TumourSettings;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Generate Sample Data...: synthetic BraTS cases (T1, T1ce, T2,
 * FLAIR, labels; with {@code ct} in the modalities also a head CT in Hounsfield units) to
 * try the plugin without patient data; opens the first one.
 * <p>
 * Macro: {@code run("Generate Sample Data...", "out=/tmp/synth cases=3 seed=1 spacing=2 anatomy=auto open");}
 * ({@code modalities=t1,t1ce,t2,flair} by default; e.g. {@code modalities=ct} for CT-only cases).
 */
public class SampleDataPlugin implements PlugIn {

	static final String[] ANATOMIES = { "auto", "colin27", "parametric" };

	static final String COMMAND = "Generate Sample Data";

	@Override
	public void run(String arg) {
		if (!CommandErrors.canShowDialog(COMMAND, "out=[/tmp/synth] cases=3 seed=1 spacing=2 anatomy=auto open",
			"cases", "seed", "spacing")) {
			return;
		}
		GenericDialog gd = new GenericDialog("ModalityKD: Generate Sample Data");
		Dialogs.addPath(gd, "out", IJ.getDirectory("temp") + "modalitykd-sample", true);
		gd.addNumericField("cases", 3, 0);
		gd.addNumericField("seed", 1, 0);
		gd.addNumericField("spacing", 2, 1, 6, "mm");
		gd.addChoice("anatomy", ANATOMIES, "auto");
		gd.addStringField("modalities", String.join(",", Modalities.BRATS), 24);
		gd.addCheckbox("open first case", true);
		gd.addMessage("auto: the real Colin27 head when Debian's mricron-data is installed, else a parametric head");
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		try {
			Path out = TrainingFields.folder(gd.getNextString(), "out");
			int cases = (int) gd.getNextNumber();
			long seed = (long) gd.getNextNumber();
			double spacing = gd.getNextNumber();
			String anatomy = gd.getNextChoice();
			List<String> modalities = Modalities.parseList(gd.getNextString());
			boolean open = gd.getNextBoolean();
			if (Files.exists(out) && !Files.isDirectory(out)) {
				throw new IllegalArgumentException("out: " + out + " is a file; give a folder for the cases");
			}
			if (cases < 1 || !(spacing >= 0.5 && spacing <= 10)) {
				throw new IllegalArgumentException("cases must be at least 1 and spacing between 0.5 and 10 mm");
			}
			CaseGenerator.checkModalities(modalities);
			AnatomySource source = AnatomyChoice.parse(anatomy).resolve(Colin27Anatomy.DEBIAN_TEMPLATES);
			IJ.showStatus("Preparing the " + source.name() + " anatomy...");
			TissueMaps tissues = source.tissues();
			HeadMaps head = modalities.contains(Modalities.CT) ? source.head(tissues).atSpacing(spacing) : null;
			SyntheticDataset dataset = new SyntheticDataset(new CaseGenerator(tissues.atSpacing(spacing), head,
				TumourSettings.standard(), modalities), source.name());
			dataset.write(out, cases, seed, "synth", (index, total, c, folder, seconds) -> {
				IJ.showProgress(index + 1, total);
				IJ.showStatus("Generated " + c.id() + " (" + (index + 1) + "/" + total + ")");
			});
			IjProgress.finish("ModalityKD: " + cases + " synthetic cases in " + out);
			if (open) {
				OpenCasePlugin.show(new CaseLoader().load(out.resolve(SyntheticDataset.caseId("synth", 0)), null));
			}
		} catch (IOException | RuntimeException | OutOfMemoryError e) {
			CommandErrors.report(COMMAND, e);
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.PreparedTraining;
import org.modalitykd.train.TrainingJobs;

import ij.IJ;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Train Teacher...: trains a 3D U-Net on several modalities of
 * labelled BraTS cases (Dice + cross-entropy), with a live loss plot; Cancel or Esc
 * stops after a checkpoint, resume continues.
 * <p>
 * Macro (blocks until the bundle exists):
 * {@code run("Train Teacher...", "data=/cases modalities=t1,t1ce,t2,flair steps=1000 patch_size=96 batch_size=2
 * learning_rate=1E-3 levels=4 base_filters=16 seed=1 validation_fraction=0.2 validation_interval=100
 * checkpoint_interval=100 device=auto upsampling=transposed out=/models/teacher");} plus {@code resume} to continue.
 */
public class TrainTeacherPlugin implements PlugIn {

	static final String COMMAND = "Train Teacher";
	static final String PREF_DATA = "modalitykd.train.data";
	static final String PREF_OUT = "modalitykd.train.teacher";

	@Override
	public void run(String arg) {
		if (!CommandErrors.canShowDialog(COMMAND,
			"data=[/cases] modalities=t1,t1ce,t2,flair out=[/models/teacher]",
			TrainingFields.NUMBER_KEYS)) {
			return;
		}
		GenericDialog gd = new GenericDialog("ModalityKD Train Teacher");
		TrainingFields.heading(gd, "Data");
		Dialogs.addPath(gd, "data", Prefs.get(PREF_DATA, ""), true);
		gd.addStringField("modalities", "t1,t1ce,t2,flair", 24);
		gd.addMessage("data: labelled cases in the BraTS layout (a folder per case with <id>_t1.nii.gz, ..., <id>_seg.nii.gz)");
		TrainingFields fields = new TrainingFields(gd);
		fields.addParameters();
		fields.addOutput(Prefs.get(PREF_OUT, ""));
		gd.showDialog();
		if (gd.wasCanceled()) {
			return;
		}
		try {
			Path data = TrainingFields.folder(gd.getNextString(), "data");
			List<String> modalities = TrainingJobs.modalities(gd.getNextString(), "modalities");
			TrainingFields.Settings settings = fields.readParameters(true);
			TrainingFields.Output output = fields.readOutput();
			boolean resume = TrainingLauncher.resumes(output.bundle(), output.resume(), output.overwrite());
			Prefs.set(PREF_DATA, data.toString());
			Prefs.set(PREF_OUT, output.bundle().toString());
			IJ.showStatus("ModalityKD: reading the cases in " + data + "...");
			PreparedTraining training = TrainingLauncher.prepare(ModalityKD.trainTeacher(data)
				.modalities(String.join(",", modalities)).parameters(settings.parameters()).device(settings.device()), output,
				resume);
			TrainingLauncher.launch(COMMAND, training, resume);
		} catch (IOException | RuntimeException | OutOfMemoryError | LinkageError e) {
			CommandErrors.report(COMMAND, e);
		}
	}
}

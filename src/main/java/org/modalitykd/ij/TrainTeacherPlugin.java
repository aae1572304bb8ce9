/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.nio.file.Path;

import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.TeacherTraining;
import org.modalitykd.app.TrainingRequest;

import ij.Prefs;
import ij.gui.GenericDialog;

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
public class TrainTeacherPlugin extends TrainingPlugin {

	static final String COMMAND = "Train Teacher";
	static final String PREF_DATA = "modalitykd.train.data";
	static final String PREF_OUT = "modalitykd.train.teacher";

	private Path data;

	public TrainTeacherPlugin() {
		super(COMMAND, "data=[/cases] modalities=t1,t1ce,t2,flair out=[/models/teacher]", TrainingFields.NUMBER_KEYS,
			PREF_OUT);
	}

	@Override
	void addFields(GenericDialog gd, TrainingFields fields) {
		Dialogs.addPath(gd, "data", Prefs.get(PREF_DATA, ""), true);
		gd.addStringField("modalities", "t1,t1ce,t2,flair", 24);
		gd.addMessage("data: labelled cases in the BraTS layout (a folder per case with <id>_t1.nii.gz, ..., <id>_seg.nii.gz)");
		fields.addParameters();
	}

	@Override
	TrainingRequest<?> readFields(GenericDialog gd, TrainingFields fields) {
		data = TrainingFields.folder(gd.getNextString(), "data");
		TeacherTraining request = ModalityKD.trainTeacher(data).modalities(gd.getNextString());
		return fields.readParameters(true).applyTo(request);
	}

	@Override
	void remember() {
		Prefs.set(PREF_DATA, data.toString());
	}

	@Override
	String readingStatus() {
		return "ModalityKD: reading the cases in " + data + "...";
	}
}

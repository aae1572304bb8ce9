/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.nio.file.Path;

import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.TrainingRequest;
import org.modalitykd.app.UnpairedTraining;
import org.modalitykd.io.Modalities;
import org.modalitykd.train.ClassWiseDistillation;
import org.modalitykd.train.TrainingJobs;

import ij.Prefs;
import ij.gui.GenericDialog;

/**
 * Plugins > ModalityKD > Train Unpaired...: one network for two modalities whose cases
 * need not be the same subjects (Dou et al.: shared kernels, one normalisation per
 * modality, class-wise KD between them), with a live loss plot; Cancel or Esc stops
 * after a checkpoint, resume continues.
 * <p>
 * Modalities: t1, t1ce, t2, flair or ct (a head CT in Hounsfield units).
 * <p>
 * Macro (blocks until the bundle exists):
 * {@code run("Train Unpaired...", "data_a=/ct-cases modality_a=ct data_b=/mr-cases modality_b=flair kd_weight=0.5
 * tau=2 steps=1000 patch_size=96 batch_size=2 learning_rate=1E-3 levels=4 base_filters=16 seed=1
 * validation_fraction=0.2 validation_interval=100 checkpoint_interval=100 device=auto out=/models/unpaired");}
 */
public class TrainUnpairedPlugin extends TrainingPlugin {

	static final String COMMAND = "Train Unpaired";
	static final String PREF_DATA_B = "modalitykd.train.data_b";
	static final String PREF_OUT = "modalitykd.train.unpaired";

	private Path dataA;
	private Path dataB;

	public TrainUnpairedPlugin() {
		super(COMMAND, "data_a=[/t1-cases] modality_a=t1 data_b=[/flair-cases] modality_b=flair out=[/models/unpaired]",
			unpairedNumberKeys(), PREF_OUT);
	}

	private static String[] unpairedNumberKeys() {
		String[] keys = java.util.Arrays.copyOf(TrainingFields.NUMBER_KEYS, TrainingFields.NUMBER_KEYS.length + 2);
		keys[keys.length - 2] = "kd_weight";
		keys[keys.length - 1] = "tau";
		return keys;
	}

	@Override
	void addFields(GenericDialog gd, TrainingFields fields) {
		// CT too: Dou et al. join CT and MRI of different subjects (a CT slot is windowed in HU).
		String[] modalities = Modalities.KNOWN.toArray(new String[0]);
		Dialogs.addPath(gd, "data_a", Prefs.get(TrainTeacherPlugin.PREF_DATA, ""), true);
		gd.addChoice("modality_a", modalities, Modalities.T1);
		Dialogs.addPath(gd, "data_b", Prefs.get(PREF_DATA_B, ""), true);
		gd.addChoice("modality_b", modalities, Modalities.FLAIR);
		gd.addMessage("Each folder holds labelled cases with its modality; the subjects may differ.\n"
			+ "ct: head CTs in Hounsfield units (<id>_ct.nii.gz), windowed -100..200 HU for the network");
		TrainingFields.heading(gd, "Distillation");
		gd.addNumericField("kd_weight", ClassWiseDistillation.DEFAULT_WEIGHT, 2, 6, "(class-wise KD)");
		gd.addNumericField("tau", ClassWiseDistillation.DEFAULT_TAU, 2, 6, "(softening temperature)");
		fields.addParameters();
	}

	@Override
	TrainingRequest<?> readFields(GenericDialog gd, TrainingFields fields) {
		dataA = TrainingFields.folder(gd.getNextString(), "data_a");
		String a = TrainingJobs.modality(gd.getNextChoice(), "modality_a");
		dataB = TrainingFields.folder(gd.getNextString(), "data_b");
		String b = TrainingJobs.modality(gd.getNextChoice(), "modality_b");
		UnpairedTraining request = ModalityKD.trainUnpaired(dataA, a).and(dataB, b).kdWeight(gd.getNextNumber())
			.tau(gd.getNextNumber());
		return fields.readParameters(true).applyTo(request);
	}

	@Override
	void remember() {
		Prefs.set(TrainTeacherPlugin.PREF_DATA, dataA.toString());
		Prefs.set(PREF_DATA_B, dataB.toString());
	}

	@Override
	String readingStatus() {
		return "ModalityKD: reading the cases...";
	}
}

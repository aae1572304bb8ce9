/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.nio.file.Path;

import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.StudentDistillation;
import org.modalitykd.app.TrainingRequest;
import org.modalitykd.io.Modalities;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingOption;

import ij.Prefs;
import ij.gui.GenericDialog;

/**
 * Plugins > ModalityKD > Distill Student...: trains a one-modality network, distilled
 * from a frozen teacher (kdnet: KD-Net, protokd: ProtoKD) or without one (none: the
 * baseline), with a live loss plot; Cancel or Esc stops after a checkpoint, resume
 * continues. A distilled student copies its teacher's levels and filters, and its
 * upsampling unless {@code upsampling} is transposed or resize.
 * <p>
 * Macro (blocks until the bundle exists):
 * {@code run("Distill Student...", "data=/cases modality=flair method=protokd teacher=/models/teacher steps=1000
 * patch_size=96 batch_size=2 learning_rate=1E-3 levels=4 base_filters=16 seed=1 validation_fraction=0.2
 * validation_interval=100 checkpoint_interval=100 device=auto seg_loss=default latent_loss=mse upsampling=auto
 * out=/models/student-flair");}
 * Distillation keys ({@link DistillationFields}): {@code kd_weight temperature feature_weight proto_weight}
 * (left out: the method's defaults), {@code latent_loss} (mse or kl) and {@code temperature_squared}
 * (true or false), KD-Net's; {@code kd_warmup} (share of the steps, 0 to below 1). A key that does not
 * belong to the method is refused.
 */
public class DistillStudentPlugin extends TrainingPlugin {

	static final String COMMAND = "Distill Student";
	static final String[] METHODS = { "none", "kdnet", "protokd" };
	static final String PREF_TEACHER = "modalitykd.train.teacher";
	static final String PREF_OUT = "modalitykd.train.student";

	private DistillationFields distillation;
	private Path data;
	private Path teacher;

	public DistillStudentPlugin() {
		super(COMMAND, "data=[/cases] modality=flair method=protokd teacher=[/models/teacher] out=[/models/student-flair]",
			TrainingFields.NUMBER_KEYS, PREF_OUT);
	}

	@Override
	void addFields(GenericDialog gd, TrainingFields fields) {
		Dialogs.addPath(gd, "data", Prefs.get(TrainTeacherPlugin.PREF_DATA, ""), true);
		gd.addChoice("modality", Modalities.KNOWN.toArray(new String[0]), Modalities.FLAIR);
		TrainingFields.heading(gd, "Distillation");
		gd.addChoice("method", METHODS, "protokd");
		Dialogs.addPath(gd, "teacher", Prefs.get(PREF_TEACHER, ""), true);
		gd.addMessage("data: labelled cases holding the teacher's modalities (the teacher reads them all, the student one)\n"
			+ "method none: the one-modality baseline, no teacher; kdnet: KD-Net; protokd: ProtoKD");
		distillation = new DistillationFields(gd);
		distillation.add();
		fields.addParameters();
		gd.addMessage("levels and base_filters: for method none; a distilled student copies its teacher's\n"
			+ "(and its upsampling when upsampling is auto)");
	}

	@Override
	TrainingRequest<?> readFields(GenericDialog gd, TrainingFields fields) {
		data = TrainingFields.folder(gd.getNextString(), "data");
		String modality = TrainingJobs.modality(gd.getNextChoice(), "modality");
		TrainingMethod method = TrainingJobs.studentMethod(gd.getNextChoice(), TrainingOption.Spelling.MACRO);
		String teacherText = gd.getNextString().trim();
		TrainingJobs.Distillation weights = distillation.read(method);
		// The teacher field keeps its remembered value when "none" is chosen: ignore it then.
		teacher = method.needsTeacher() ? TrainingFields.folder(teacherText, "teacher") : null;
		StudentDistillation request = ModalityKD.distill(data).teacher(teacher).modality(modality).method(method)
			.distillation(weights);
		return fields.readParameters(!method.needsTeacher()).applyTo(request);
	}

	@Override
	void remember() {
		Prefs.set(TrainTeacherPlugin.PREF_DATA, data.toString());
		if (teacher != null) {
			Prefs.set(PREF_TEACHER, teacher.toString());
		}
	}

	@Override
	String readingStatus() {
		return "ModalityKD: reading the teacher and the cases in " + data + "...";
	}
}

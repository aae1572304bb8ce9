/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.File;
import java.nio.file.Path;

import org.modalitykd.train.TrainingJob;
import org.modalitykd.volume.Volume;

/**
 * The script API: each use case as a request to fill in and run.
 *
 * <pre>
 * # Jython
 * from org.modalitykd.app import ModalityKD
 * r = ModalityKD.segment(case_dir).models(models_dir).tta(True).output(out_file).run()
 * print(r.model(), r.volumes().get("WT"))
 * </pre>
 *
 * For an ImagePlus, {@code org.modalitykd.ij.ModalityKDImages.segment(imp)} gives the
 * same request. Training:
 *
 * <pre>
 * ModalityKD.trainTeacher(cases).steps(2000).output(teacher).run()
 * ModalityKD.distill(cases).teacher(teacher).modality("t1ce").method("kdnet").output(student).run()
 * ModalityKD.trainUnpaired(ctCases, "ct").and(mriCases, "t2").output(joint).run()
 * </pre>
 */
public final class ModalityKD {

	private ModalityKD() {
	}

	/** An image in memory whose channels are named by modality (as a case opened with CaseLoader has). */
	public static SegmentRequest segment(Volume images) {
		return new SegmentRequest(images, null);
	}

	/** A case from its files: a BraTS case folder, or a manifest CSV (its first case). */
	public static SegmentRequest segment(Path caseDirOrManifest) {
		return new SegmentRequest(null, caseDirOrManifest);
	}

	public static SegmentRequest segment(File caseDirOrManifest) {
		return segment(caseDirOrManifest.toPath());
	}

	public static SegmentRequest segment(String caseDirOrManifest) {
		return segment(Path.of(caseDirOrManifest));
	}

	/** A teacher trained on labelled cases in the BraTS layout (all four modalities unless told). */
	public static TeacherTraining trainTeacher(Path data) {
		return new TeacherTraining(data);
	}

	public static TeacherTraining trainTeacher(File data) {
		return trainTeacher(data.toPath());
	}

	public static TeacherTraining trainTeacher(String data) {
		return trainTeacher(Path.of(data));
	}

	/** A one-modality student distilled from a teacher, or its baseline (method "none"). */
	public static StudentDistillation distill(Path data) {
		return new StudentDistillation(data);
	}

	public static StudentDistillation distill(File data) {
		return distill(data.toPath());
	}

	public static StudentDistillation distill(String data) {
		return distill(Path.of(data));
	}

	/** One network for two unpaired modalities; give the second with {@code and(data, modality)}. */
	public static UnpairedTraining trainUnpaired(Path data, String modality) {
		return new UnpairedTraining(data, modality);
	}

	public static UnpairedTraining trainUnpaired(File data, String modality) {
		return trainUnpaired(data.toPath(), modality);
	}

	public static UnpairedTraining trainUnpaired(String data, String modality) {
		return trainUnpaired(Path.of(data), modality);
	}

	/** A job made from cases already read (the experiment's), trained as every request is. */
	public static JobTraining train(TrainingJob job) {
		return new JobTraining(job);
	}
}

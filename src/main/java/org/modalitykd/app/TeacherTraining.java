/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.io.Modalities;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingJobs;

/**
 * A teacher (or any network that reads several modalities at once) trained with Dice +
 * cross-entropy: {@code ModalityKD.trainTeacher(data).modalities("t1,t1ce,t2,flair").output(out).run()}.
 */
public final class TeacherTraining extends TrainingRequest<TeacherTraining> {

	private final Path data;
	private List<String> modalities = Modalities.BRATS;

	TeacherTraining(Path data) {
		this.data = data;
	}

	/** The input channels in order, comma-separated (default: t1,t1ce,t2,flair). */
	public TeacherTraining modalities(String csv) {
		this.modalities = TrainingJobs.modalities(csv, "modalities");
		return this;
	}

	@Override
	void checkOptions() {
		parameters().check();
	}

	@Override
	TrainingJob job() throws IOException {
		return TrainingJobs.teacher(data, modalities, parameters());
	}
}

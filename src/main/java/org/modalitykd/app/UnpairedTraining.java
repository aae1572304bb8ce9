/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.modalitykd.train.ClassWiseDistillation;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingJobs;

/**
 * One network for two unpaired modalities (Dou et al.):
 * {@code ModalityKD.trainUnpaired(ctCases, "ct").and(mriCases, "t2").kdWeight(0.5).output(out).run()}.
 */
public final class UnpairedTraining extends TrainingRequest<UnpairedTraining> {

	private final Path dataA;
	private final String modalityA;
	private Path dataB;
	private String modalityB;
	private double kdWeight = ClassWiseDistillation.DEFAULT_WEIGHT;
	private double tau = ClassWiseDistillation.DEFAULT_TAU;

	UnpairedTraining(Path dataA, String modalityA) {
		this.dataA = dataA;
		this.modalityA = TrainingJobs.modality(modalityA, "modalityA");
	}

	/** The second modality's cases (they may be other subjects). */
	public UnpairedTraining and(Path data, String modality) {
		this.dataB = data;
		this.modalityB = TrainingJobs.modality(modality, "modalityB");
		return this;
	}

	public UnpairedTraining and(File data, String modality) {
		return and(data.toPath(), modality);
	}

	public UnpairedTraining and(String data, String modality) {
		return and(Path.of(data), modality);
	}

	/** Weight of the class-wise KL between the two modalities' predictions. */
	public UnpairedTraining kdWeight(double w) {
		this.kdWeight = w;
		return this;
	}

	/** Softening temperature of the class-wise distributions. */
	public UnpairedTraining tau(double t) {
		this.tau = t;
		return this;
	}

	@Override
	void checkOptions() {
		if (dataB == null) {
			throw new InvalidSettingException("and: give the second modality's cases, e.g. and(flairCases, \"flair\")");
		}
		TrainingJobs.unpairedObjective(modalityA, modalityB, kdWeight, tau, parameters());
		parameters().check();
	}

	@Override
	TrainingJob job() throws IOException {
		return TrainingJobs.unpaired(dataA, modalityA, dataB, modalityB, kdWeight, tau, parameters());
	}
}

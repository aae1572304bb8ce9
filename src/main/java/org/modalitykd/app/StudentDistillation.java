/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingOption;

/**
 * A one-modality network: distilled from a teacher (method {@code kdnet} or
 * {@code protokd}) or, with method {@code none} and no teacher, the baseline:
 * {@code ModalityKD.distill(data).teacher(t).modality("t1ce").method("kdnet").kdWeight(0.1).output(out).run()}.
 * Distillation settings left unset take the method's defaults; one that does not belong
 * to the method is refused with one line naming it.
 */
public final class StudentDistillation extends TrainingRequest<StudentDistillation> {

	private final Path data;
	private Path teacher;
	private String modality;
	private TrainingMethod method = TrainingMethod.PROTOKD;
	private TrainingJobs.Distillation weights = TrainingJobs.Distillation.DEFAULTS;

	StudentDistillation(Path data) {
		this.data = data;
	}

	/** The teacher's bundle (none for method {@code none}). */
	public StudentDistillation teacher(Path bundle) {
		this.teacher = bundle;
		return this;
	}

	public StudentDistillation teacher(File bundle) {
		return teacher(bundle.toPath());
	}

	public StudentDistillation teacher(String bundle) {
		return teacher(bundle == null || bundle.isBlank() ? null : Path.of(bundle));
	}

	/** The one modality the student reads. */
	public StudentDistillation modality(String m) {
		this.modality = TrainingJobs.modality(m, "modality");
		return this;
	}

	/** {@code none} (the baseline), {@code kdnet} or {@code protokd} (the default). */
	public StudentDistillation method(String name) {
		this.method = TrainingJobs.studentMethod(name, TrainingOption.Spelling.JAVA);
		return this;
	}

	/** The method, parsed already (a front end that named its own option when parsing it). */
	public StudentDistillation method(TrainingMethod m) {
		this.method = m;
		return this;
	}

	/** KD-Net's lambda or ProtoKD's alpha: the weight of the logit distillation term. */
	public StudentDistillation kdWeight(double w) {
		return distillation(weights.withWeight(w));
	}

	public StudentDistillation temperature(double t) {
		return distillation(weights.withTemperature(t));
	}

	/** KD-Net's latent (bottleneck) term weight. */
	public StudentDistillation featureWeight(double w) {
		return distillation(weights.withFeatureWeight(w));
	}

	/** ProtoKD's prototype term weight beta. */
	public StudentDistillation protoWeight(double w) {
		return distillation(weights.withPrototypeWeight(w));
	}

	/** KD-Net's latent term: {@code mse} or {@code kl}. */
	public StudentDistillation latentLoss(String value) {
		return distillation(weights.withLatentLoss(value));
	}

	/** KD-Net: the logit KL times T^2 (Hinton; the default) or not. */
	public StudentDistillation temperatureSquared(boolean on) {
		return distillation(weights.withTemperatureSquared(on));
	}

	/** Share of the steps over which the distillation weights rise linearly from 0. */
	public StudentDistillation kdWarmup(double share) {
		return distillation(weights.withWarmup(share));
	}

	/** All distillation settings at once. */
	public StudentDistillation distillation(TrainingJobs.Distillation d) {
		weights = d == null ? TrainingJobs.Distillation.DEFAULTS : d;
		return this;
	}

	@Override
	void checkOptions() {
		if (modality == null) {
			throw new InvalidSettingException("modality: give the one modality the student reads, e.g. modality(\"t1ce\")");
		}
		TrainingJobs.studentObjective(method, teacher != null, weights, parameters());
	}

	@Override
	TrainingJob job() throws IOException {
		return TrainingJobs.student(data, modality, method, teacher, weights, parameters());
	}
}

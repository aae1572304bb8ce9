/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.TrainingRequest;
import org.modalitykd.train.KdNetLosses;
import org.modalitykd.train.ProtoKdLosses;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingParameters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train-student --data DIR --out BUNDLE --modality M --method none|kdnet|protokd [--teacher BUNDLE]}. */
@Command(name = "train-student", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Train a one-modality network: the baseline (--method none) or a student distilled from a frozen "
		+ "teacher (kdnet: Hinton KL x T^2 + bottleneck L2; protokd: pixel KL at T=10 + I2FV prototype MSE).",
		"The data must hold the teacher's modalities for kdnet/protokd (the teacher reads them all, the student one)." })
final class TrainStudentCommand extends TrainingCommand {

	@Mixin
	PairedData data;

	@Option(names = "--modality", required = true, paramLabel = "t1|t1ce|t2|flair", description = "The student's one input modality.")
	String modality;

	@Option(names = "--method", required = true, paramLabel = "none|kdnet|protokd",
		description = "none: supervised baseline; kdnet or protokd: distil --teacher.")
	String method;

	@Option(names = "--teacher", paramLabel = "BUNDLE", description = "The teacher bundle (needed by kdnet and protokd).")
	Path teacher;

	@Option(names = "--kd-weight", description = "Weight of the logit distillation term (default: kdnet " + KdNetLosses.DEFAULT_WEIGHT
		+ ", protokd alpha " + ProtoKdLosses.DEFAULT_ALPHA + ").")
	Double kdWeight;

	@Option(names = "--temperature", description = "Distillation temperature T (default: kdnet " + KdNetLosses.DEFAULT_TEMPERATURE + ", protokd "
		+ ProtoKdLosses.DEFAULT_TEMPERATURE + ").")
	Double temperature;

	@Option(names = "--feature-weight", description = "kdnet: weight of the bottleneck term, L2 or KL (--latent-loss; default: 0.1).")
	Double featureWeight;

	@Option(names = "--proto-weight", description = "protokd: weight beta of the I2FV prototype term (default: "
		+ ProtoKdLosses.DEFAULT_BETA + ").")
	Double protoWeight;

	@Option(names = "--latent-loss", paramLabel = "mse|kl", description = "kdnet: the bottleneck term, mse (mean squared "
		+ "difference) or kl (KL(teacher || student) of the channel-wise softmax per voxel; default: mse).")
	String latentLoss;

	@Option(names = "--temperature-squared", paramLabel = "true|false", arity = "1",
		description = "kdnet: multiply the logit KL by T^2 as Hinton et al. (default: true).")
	Boolean temperatureSquared;

	@Option(names = "--kd-warmup", paramLabel = "SHARE", description = "kdnet, protokd: raise the distillation terms' "
		+ "weights linearly from 0 over this share of the steps, in [0, 1) (default: kdnet 0, protokd "
		+ ProtoKdLosses.DEFAULT_WARMUP + "; 0: none).")
	Double kdWarmup;

	private TrainingMethod checkedMethod;
	private String student;

	@Override
	void checkOwnOptions() {
		checkedMethod = TrainingCommands.checked(() -> TrainingJobs.studentMethod(method, TrainingOption.Spelling.CLI));
		student = TrainingCommands.modality(modality, "--modality");
	}

	@Override
	TrainingRequest<?> request() {
		TrainingParameters parameters = options.parameters(checkedMethod == TrainingMethod.SUPERVISED);
		TrainingJobs.Distillation weights = new TrainingJobs.Distillation(kdWeight, temperature, featureWeight, protoWeight,
			latentLoss, temperatureSquared, kdWarmup);
		return ModalityKD.distill(data.folder).teacher(teacher).modality(student).method(checkedMethod).distillation(weights)
			.parameters(parameters);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.util.List;

import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.TrainingRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train-teacher --data DIR --out BUNDLE [--modalities t1,t1ce,t2,flair]}. */
@Command(name = "train-teacher", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Train a teacher: a 3D U-Net on several modalities with Dice + cross-entropy.",
		"Writes the bundle OUT (best validation so far) and OUT.training/ (checkpoint, training-log.csv)." })
final class TrainTeacherCommand extends TrainingCommand {

	@Mixin
	PairedData data;

	@Option(names = "--modalities", defaultValue = "t1,t1ce,t2,flair", paramLabel = "M,M,...",
		description = "Input modalities in channel order (default: ${DEFAULT-VALUE}).")
	String modalities;

	private List<String> channels;

	@Override
	void checkOwnOptions() {
		channels = TrainingCommands.modalities(modalities, "--modalities");
	}

	@Override
	TrainingRequest<?> request() {
		return ModalityKD.trainTeacher(data.folder).modalities(String.join(",", channels)).parameters(options.parameters(true));
	}
}

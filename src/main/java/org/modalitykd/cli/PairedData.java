/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --data}: the labelled cases a teacher or a student trains on, every modality of a case together (a mixin of train-teacher and train-student). */
final class PairedData {

	@Option(names = "--data", required = true, paramLabel = "DIR", description = "Training cases in the BraTS layout, with labels.")
	Path folder;
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: TensorFlow's threads per op (a mixin of DeviceOptions and experiment). */
final class ThreadsOption {

	@Option(names = "--threads", defaultValue = "0", description = "Threads per TensorFlow op (0: TensorFlow chooses).")
	int threads;
}

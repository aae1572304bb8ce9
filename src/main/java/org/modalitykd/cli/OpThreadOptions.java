/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.net.Device;
import org.modalitykd.net.SessionOptions;

import picocli.CommandLine.Option;

/** {@code --intra-op} and {@code --inter-op}: the sizes of TensorFlow's two thread pools, for measurements that set both (a mixin of bench). */
final class OpThreadOptions {

	@Option(names = "--intra-op", defaultValue = "0", description = "TensorFlow threads per op (default 0: all cores).")
	int intraOp;

	@Option(names = "--inter-op", defaultValue = "0", description = "TensorFlow ops run in parallel (default 0: TensorFlow chooses).")
	int interOp;

	/** The session options for {@code device} with these pools; a negative count is refused before any TensorFlow work. */
	SessionOptions sessionOptions(Device device) {
		if (intraOp < 0 || interOp < 0) {
			throw new UsageException("--intra-op and --inter-op must be 0 (automatic) or positive");
		}
		return new SessionOptions(device, intraOp, interOp);
	}
}

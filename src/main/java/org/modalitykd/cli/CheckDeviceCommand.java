/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.PrintWriter;

import org.modalitykd.net.DeviceReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check-device [--require-gpu]}: what Fiji's Check Device shows, for a terminal or a cluster job. */
@Command(name = "check-device", mixinStandardHelpOptions = true,
	description = "Print what TensorFlow sees: its version, the native build (CPU or GPU), the devices, whether an op "
		+ "runs on the GPU (and why not), whether oneDNN's CPU kernels are on, the CUDA runtime and cuDNN found, Java heap "
		+ "and machine memory.")
final class CheckDeviceCommand extends ConsoleCommand {

	@Option(names = "--require-gpu", description = "Exit with status 3 when no GPU is usable (for scripts).")
	boolean requireGpu;

	@Override
	public Integer call() {
		DeviceReport report = DeviceReport.probe();
		PrintWriter out = out();
		for (String[] row : report.rows()) {
			out.printf("%-15s %s%n", row[0], row[1]);
		}
		out.flush();
		if (requireGpu && !report.gpuUsable()) {
			err().println("check-device: " + report.gpuNote());
			return 3;
		}
		return 0;
	}
}

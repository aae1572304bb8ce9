/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import org.modalitykd.net.DeviceReport;

import ij.IJ;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

/**
 * Plugins > ModalityKD > Check Device (CPU/GPU): the TensorFlow version and native
 * build, the devices TensorFlow sees with their memory, whether CUDA and cuDNN were
 * found, and the memory left, as a table "ModalityKD Device". No dialog.
 */
public class CheckDevicePlugin implements PlugIn {

	static final String TABLE = "ModalityKD Device";

	static final String COMMAND = "Check Device";

	@Override
	public void run(String arg) {
		IJ.showStatus("Asking TensorFlow for its devices...");
		CommandErrors.run(COMMAND, () -> {
			DeviceReport report;
			try {
				report = DeviceReport.probe();
			} catch (RuntimeException | LinkageError e) {
				// A missing or broken TensorFlow native library is the usual cause here.
				throw new IllegalStateException("TensorFlow cannot start: " + String.valueOf(e.getMessage()).split("\\R")[0]
					+ "; are the TensorFlow jars in Fiji's jars/ folder?", e);
			}
			ResultsTable rt = new ResultsTable();
			for (String[] row : report.rows()) {
				ModelInfoPlugin.row(rt, row[0], row[1]);
			}
			Tables.show(rt, TABLE);
			IJ.showStatus(report.gpuUsable() ? "ModalityKD: a GPU is usable" : "ModalityKD: CPU only (" + report.gpuNote() + ")");
		});
	}
}

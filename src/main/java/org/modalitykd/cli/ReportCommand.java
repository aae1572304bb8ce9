/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;

import picocli.CommandLine.Option;

/**
 * A command that reads something and reports it, as aligned text or with {@code --json}
 * as JSON for scripts (info, model-info and stats): everything is read before anything is
 * printed, so an unreadable input prints no half report.
 *
 * @param <R> what is read
 */
abstract class ReportCommand<R> extends ConsoleCommand {

	@Option(names = "--json", description = "Print JSON instead of text (what it holds: see above).")
	boolean json;

	/** Reads what the report is about. */
	abstract R read() throws IOException;

	/** The report for a reader. */
	abstract void printText(R read, PrintWriter out);

	/** The report for a script. */
	abstract void printJson(R read, PrintWriter out);

	/** The exit status once the report is printed: 0 unless what was read is found wanting. */
	int exitStatus(R read) {
		return 0;
	}

	@Override
	public final Integer call() throws IOException {
		R read = read();
		PrintWriter out = out();
		if (json) {
			printJson(read, out);
		} else {
			printText(read, out);
		}
		return exitStatus(read);
	}
}

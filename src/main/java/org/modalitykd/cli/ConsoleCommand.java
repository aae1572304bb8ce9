/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A command of the tool: picocli's model of it and the console it writes to (stdout and stderr, or a test's writers). */
abstract class ConsoleCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	/** Where results go. */
	PrintWriter out() {
		return spec.commandLine().getOut();
	}

	/** Where progress lines and warnings go. */
	PrintWriter err() {
		return spec.commandLine().getErr();
	}
}

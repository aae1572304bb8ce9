/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import org.modalitykd.net.OneDnn;

/**
 * The headless tool, {@code scripts/modalitykd <command>}. Exit status: 0 on success, 2
 * for a usage error, 1 when the data (or anything else) fails; errors are one line on
 * stderr unless {@code --debug} asks for the stack trace, an {@link OutOfMemoryError} too
 * (with the memory needed and how to give it, {@link MemoryAdvice}).
 */
@Command(name = "modalitykd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
	description = "Multi-modal MRI segmentation with knowledge distillation (headless tool of the ModalityKD Fiji plugin).",
	subcommands = { StatsCommand.class, ConvertCommand.class, InfoCommand.class, SegmentCommand.class, BatchCommand.class,
		ModelInfoCommand.class, CompareCommand.class, EvaluateCommand.class, SynthCommand.class, MontageCommand.class,
		BenchCommand.class, TrainTeacherCommand.class, TrainStudentCommand.class, TrainUnpairedCommand.class,
		ExperimentCommand.class, CheckDeviceCommand.class, CommandLine.HelpCommand.class })
public final class ModalityKdCli implements Runnable {

	public static final int EXIT_DATA_ERROR = 1;
	public static final int EXIT_USAGE = 2;

	@Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show the stack trace of an error.")
	boolean debug;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'stats FILE'");
	}

	public static void main(String[] args) {
		System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/** Runs a command line and returns the exit status (for tests and embedding). */
	public static int execute(String[] args, PrintWriter out, PrintWriter err) {
		OneDnn.beforeTensorFlowLoads();
		CommandLine cl = new CommandLine(new ModalityKdCli());
		cl.setOut(out);
		cl.setErr(err);
		cl.setExitCodeExceptionMapper(e -> EXIT_DATA_ERROR);
		cl.setParameterExceptionHandler((ex, a) -> {
			err.println("modalitykd: " + ex.getMessage() + " (see 'modalitykd " + commandPath(ex.getCommandLine()) + " --help')");
			return EXIT_USAGE;
		});
		cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			if (ex instanceof ConsoleProgress.Cancelled) {
				return ConsoleProgress.Cancelled.EXIT_STATUS;
			}
			boolean debug = parseResult.hasMatchedOption("--debug")
				|| parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
			err.println("modalitykd: " + describe(ex));
			if (debug) {
				ex.printStackTrace(err);
			}
			err.flush();
			return ex instanceof UsageException ? EXIT_USAGE : EXIT_DATA_ERROR;
		});
		try {
			return cl.execute(args);
		} catch (OutOfMemoryError e) {
			// Errors pass picocli's handlers by: caught here, so that every command reports one line.
			err.println("modalitykd: " + MemoryAdvice.describe(e));
			if (java.util.Arrays.asList(args).contains("--debug")) {
				e.printStackTrace(err);
			}
			err.flush();
			return EXIT_DATA_ERROR;
		}
	}

	private static String commandPath(CommandLine cl) {
		return cl.getCommandSpec().qualifiedName(" ").replaceFirst("^modalitykd ?", "").trim();
	}

	/** One line for the user: the project's messages as they are, anything else with its type. */
	static String describe(Throwable ex) {
		if (ex instanceof NoSuchFileException nf) {
			return nf.getFile() + ": " + (nf.getReason() != null ? nf.getReason() : "no such file");
		}
		if (ex instanceof IOException || ex instanceof UsageException || ex instanceof IllegalArgumentException
			|| ex instanceof org.modalitykd.net.DeviceUnavailableException
			|| ex instanceof org.modalitykd.infer.PatchPredictor.OutOfMemory) {
			return oneLine(ex.getMessage());
		}
		if (ex instanceof OutOfMemoryError oom) {
			return MemoryAdvice.describe(oom);
		}
		return "internal error " + ex.getClass().getSimpleName() + ": " + oneLine(String.valueOf(ex.getMessage()))
			+ " (please report it with the output of --debug)";
	}

	private static String oneLine(String s) {
		return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
	}
}

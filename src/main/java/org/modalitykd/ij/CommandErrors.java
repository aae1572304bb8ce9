/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImageJ;
import ij.Macro;
import ij.macro.Interpreter;

import org.modalitykd.net.OneDnn;

/**
 * The one error policy of the ModalityKD commands.
 * <p>
 * With a person at ImageJ's window (a menu click, no macro running) a failure is ImageJ's
 * error dialog. Anywhere else (a macro or script, batch mode, no ImageJ window, Fiji's
 * {@code --headless}) nobody is there to click a dialog, so a failure is one line,
 * {@code ModalityKD <command>: <what is wrong>; <what to do>}, on standard error and in
 * the Log window when ImageJ has one; the running macro is aborted as {@code IJ.error}
 * aborts it, but without ImageJ's modal "Macro Error" dialog (which waits for a click
 * forever on a virtual display); and a process started with {@code -batch} exits with
 * status {@value #BATCH_FAILURE_STATUS}, so that a job scheduler sees the failure
 * instead of ImageJ's usual exit status 0.
 * <p>
 * A command never asks a question it cannot have answered: without a person, the
 * recorded options decide, and a decision they lack is a failure ({@link #canShowDialog}).
 */
final class CommandErrors {

	/** The exit status of an {@code ImageJ -batch} process in which a ModalityKD command failed. */
	static final int BATCH_FAILURE_STATUS = 1;

	/** Time System.exit gets to run the shutdown hooks before the process is halted. */
	private static final long EXIT_GRACE_MILLIS = 20_000;

	/** What a command does; it reports a failure by throwing. */
	interface Body {
		void run() throws IOException;
	}

	private CommandErrors() {
	}

	/**
	 * Runs a command's body and reports whatever it throws as {@link #report} does.
	 */
	static void run(String command, Body body) {
		// Before any command can load TensorFlow: its oneDNN switch is read only then.
		OneDnn.beforeTensorFlowLoads();
		try {
			body.run();
		} catch (IOException | RuntimeException | OutOfMemoryError | LinkageError e) {
			report(command, e);
		}
	}

	/**
	 * Reports what a command threw as {@link #fail} does, in one line: the message of an
	 * exception, "more memory" for a full Java heap, "TensorFlow cannot start" for a
	 * native library that does not load. ImageJ's own "macro cancelled" signal passes
	 * through untouched.
	 */
	static void report(String command, Throwable e) {
		if (e instanceof RuntimeException r && Macro.MACRO_CANCELED.equals(r.getMessage())) {
			throw r;
		}
		String message;
		if (e instanceof OutOfMemoryError) {
			message = outOfMemory();
		} else if (e instanceof UnsatisfiedLinkError || e instanceof LinkageError
			&& String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("tensorflow")) {
			message = "TensorFlow cannot start (" + firstLine(e) + "); are the TensorFlow jars in Fiji's jars/ folder "
				+ "(see the README, \"Install in Fiji\")?";
		} else if (e instanceof LinkageError) {
			message = "the installed jars do not fit together (" + e.getClass().getSimpleName() + ": " + firstLine(e)
				+ "); install the plugin jar and its jars again, of one version (see the README, \"Install in Fiji\")";
		} else if (e instanceof Exception x) {
			message = Dialogs.oneLine(x);
		} else {
			message = firstLine(e);
		}
		IjProgress.finish("");
		fail(command, message);
	}

	/**
	 * Whether a person can answer a dialog of this command: there is a display and an
	 * ImageJ window, and no macro, script or batch mode runs it.
	 */
	static boolean interactive() {
		return !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null && Macro.getOptions() == null
			&& !IJ.isMacro() && !Interpreter.isBatchMode();
	}

	/**
	 * Whether the command may show its dialog: always with a person at ImageJ, and
	 * otherwise only when the macro gave its options (the dialog then reads them and is not
	 * shown), with a number for each numeric key it sets. Otherwise the failure is reported
	 * and the command must stop: a command run without options where nobody can answer (a
	 * macro's {@code run("Segment...")} in a batch job) would wait for ever, and a key such
	 * as {@code steps=many} would get ImageJ's modal "Macro Error" dialog from GenericDialog
	 * (headless, an exception when the dialog is read). Headless, plain ImageJ 1 (not
	 * patched as Fiji patches it) cannot make a dialog at all.
	 *
	 * @param example    an example of the options, for the message
	 * @param numberKeys the dialog's numeric keys
	 */
	static boolean canShowDialog(String command, String example, String... numberKeys) {
		if (GraphicsEnvironment.isHeadless() && !headlessDialogs()) {
			fail(command, "no display, and this ImageJ cannot read dialogs from macro options without one: run it under "
				+ "xvfb-run -a, or use Fiji's --headless mode");
			return false;
		}
		if (Macro.getOptions() == null && (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null)) {
			fail(command, "no options given and nobody to answer the dialog: give them in the macro, e.g. run(\"" + command
				+ "...\", \"" + example + "\") (Plugins > Macros > Record... writes the line)");
			return false;
		}
		try {
			Dialogs.requireNumbers(numberKeys);
		} catch (IllegalArgumentException e) {
			fail(command, e.getMessage());
			return false;
		}
		return true;
	}

	/**
	 * Reports a failure of {@code command}: ImageJ's error dialog when {@link #interactive},
	 * else one line on standard error (and the Log window), the macro aborted, and an
	 * {@code ImageJ -batch} process ended with status {@value #BATCH_FAILURE_STATUS}.
	 * Call it last: aborting a macro may throw ImageJ's "macro cancelled" signal.
	 *
	 * @param message what is wrong and what to do, in one line
	 */
	static void fail(String command, String message) {
		String title = "ModalityKD " + command;
		String text = message.replaceAll("\\s*\\R\\s*", " ").trim();
		if (interactive()) {
			IJ.error(title, text);
			return;
		}
		String line = title + ": " + text;
		System.err.println(line);
		System.err.flush();
		if (IJ.getInstance() != null) {
			IJ.log(line); // without a window IJ.log prints to standard output: the line would show twice
		}
		IJ.showStatus(line);
		if (startedWithBatch()) {
			exitBatch();
		}
		abortMacro(line);
	}

	/**
	 * Whether ImageJ 1 was patched by ij1-patcher (Fiji, ImageJ2, their --headless mode),
	 * whose GenericDialog works without a display; plain ImageJ 1's throws.
	 */
	private static boolean headlessDialogs() {
		try {
			IJ.class.getField("_hooks");
			return true;
		} catch (NoSuchFieldException e) {
			return false;
		}
	}

	/** The one line for a Java heap that ran out. */
	static String outOfMemory() {
		long mb = Runtime.getRuntime().maxMemory() >> 20;
		return String.format(Locale.ROOT, "out of memory (Java heap of %d MB): give ImageJ more memory in Edit > Options > "
			+ "Memory & Threads (or -Xmx when starting it), or use smaller inputs or a smaller patch_size/batch_size", mb);
	}

	/**
	 * Whether this process is ImageJ started with {@code -batch} and shows no ImageJ
	 * window: ImageJ 1's own {@code ij.ImageJ -batch} (its arguments) or a launcher that
	 * runs ImageJ inside its own process, such as Fiji's {@code --headless -batch} (the
	 * process's command line). Never true for ImageJ embedded in another program, whose
	 * process must not end because a command failed.
	 */
	static boolean startedWithBatch() {
		if (IJ.getInstance() != null) {
			return false;
		}
		String[] ijArgs = ImageJ.getArgs();
		if (ijArgs != null && Arrays.asList(ijArgs).contains("-batch")) {
			return true;
		}
		return ProcessHandle.current().info().arguments().map(a -> List.of(a).contains("-batch")).orElse(false);
	}

	/**
	 * Ends an {@code ImageJ -batch} process with the failure status. The macro ends here
	 * anyway (a failed command aborts it, and -batch exits when the macro ends), so only the
	 * exit status differs from ImageJ's own end. Should a shutdown hook hang, the process is
	 * halted after {@link #EXIT_GRACE_MILLIS} rather than hold the job's slot.
	 */
	private static void exitBatch() {
		System.out.flush();
		Thread halt = new Thread(() -> {
			try {
				Thread.sleep(EXIT_GRACE_MILLIS);
			} catch (InterruptedException e) {
				return;
			}
			Runtime.getRuntime().halt(BATCH_FAILURE_STATUS);
		}, "ModalityKD exit");
		halt.setDaemon(true);
		halt.start();
		System.exit(BATCH_FAILURE_STATUS);
	}

	/**
	 * Stops the running macro after the current statement, as {@code IJ.error} does, but
	 * quietly: ImageJ's interpreter, told to ignore errors, takes the abort without its
	 * modal error dialog. Scripts that called {@code IJ.run} get ImageJ's "macro
	 * cancelled" signal where ImageJ gives it for {@code IJ.error}.
	 */
	private static void abortMacro(String line) {
		Interpreter interpreter = Interpreter.getInstance();
		if (interpreter != null && !interpreter.done() && (Macro.getOptions() != null || IJ.isMacro())) {
			interpreter.setIgnoreErrors(true);
			interpreter.abort(line);
		}
		Macro.abort();
	}

	private static String firstLine(Throwable e) {
		String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return m.split("\\R", 2)[0].trim();
	}
}

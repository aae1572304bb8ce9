/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.modalitykd.app.PreparedTraining;
import org.modalitykd.net.Devices;
import org.modalitykd.train.StepResult;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingRun;
import org.modalitykd.train.TrainingSplit;

/**
 * Runs a prepared training from the command line: progress lines on stdout, and Ctrl-C
 * (or SIGTERM) is the task monitor's cancel, which stops the run at the end of the
 * current step, after it has written a checkpoint and a bundle, before the JVM exits.
 */
final class TrainingConsole implements TrainingListener {

	private final PrintWriter out;
	private final int logEvery;
	private final long startNanos = System.nanoTime();

	private TrainingConsole(PrintWriter out, int logEvery) {
		this.out = out;
		this.logEvery = logEvery;
	}

	static int run(PreparedTraining training, int logEvery, PrintWriter out) throws IOException, InterruptedException {
		TrainingJob job = training.job();
		Path bundle = training.output();
		String device = Devices.resolve(training.session().device()).description();
		out.printf("%s: %s, %s on %s; %d steps of %d x %s patches; output %s%n", job.objective().method().key(),
			job.role().key(), job.network().describe(), device, job.schedule().steps(), job.schedule().batchSize(),
			String.join("x", java.util.Arrays.stream(job.schedule().patchSize()).mapToObj(Integer::toString).toList()),
			bundle);
		ShutdownCancel cancel = new ShutdownCancel("modalitykd-training-cancel");
		TrainingConsole console = new TrainingConsole(out, logEvery);
		// The last line is printed before the shutdown hook is released: once it is, a JVM
		// stopped by SIGTERM exits at once and would cut the line off.
		try (cancel) {
			TrainingRun.Outcome o = training.withListener(console).runInterruptibly(cancel.monitor());
			out.printf("%s %s after %d steps (%.0f s)%s; bundle %s; log %s%n", o.cancelled() ? "cancelled" : "finished",
				job.role().key(), o.steps(), (System.nanoTime() - console.startNanos) / 1e9,
				o.bestValidation().isEmpty() ? "" : "; best validation " + format(o.bestValidation()), o.bundle(),
				o.workDir().resolve(TrainingRun.LOG_FILE));
			out.flush();
		}
		return 0;
	}

	@Override
	public void started(long firstStep, long steps, TrainingSplit split) {
		out.println((firstStep > 0 ? "resumed at step " + firstStep + "; " : "") + split.describe());
		out.flush();
	}

	@Override
	public void stepDone(StepResult r, long steps) {
		if (r.step() % logEvery == 0 || r.step() == steps) {
			out.printf("step %d/%d %s%n", r.step(), steps, format(r.terms()));
			out.flush();
		}
	}

	@Override
	public void validated(long step, Map<String, Double> metrics, boolean best) {
		out.printf("validation at step %d: %s%s%n", step, format(metrics), best ? " (best so far: bundle updated)" : "");
		out.flush();
	}

	@Override
	public void message(String line) {
		out.println(line);
		out.flush();
	}

	private static String format(Map<String, Double> values) {
		return values.entrySet().stream()
			.map(e -> e.getKey() + " " + String.format(Locale.ROOT, e.getKey().equals("learning_rate") ? "%.3g" : "%.4f",
				e.getValue()))
			.collect(Collectors.joining(", "));
	}
}

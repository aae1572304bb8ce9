/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.modalitykd.app.CohortSegmentation;
import org.modalitykd.app.SegmentationOptions;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.Manifest;
import org.modalitykd.net.ModelCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batch --manifest cases.csv --model BUNDLE --out DIR [--shard i/n] [--resume]}:
 * segments a cohort so that many machines can share it on one file system. Cases are
 * sorted by id and shard i of n takes every n-th from the i-th (0-based), so shards
 * never overlap; outputs are written atomically (a killed job leaves no half file), and
 * {@code --resume} still reads an existing output before it skips the case (a file
 * copied in, cut short or edited by hand is redone, see {@link org.modalitykd.io.LabelMapCheck}); each
 * shard appends to its own status CSV, one line per case as soon as it ends
 * ({@link StatusLog}). Every run first
 * removes the temporary files that killed runs left in the output folder, and only
 * those: a shard still writing holds a lock on its own ({@link org.modalitykd.io.StaleTemporaries}).
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
	description = { "Segment many cases: one label map DIR/<case>.nii.gz per case and a status CSV per shard.",
		"With a folder of models as --model, each case gets the best model for the modalities it has." })
final class BatchCommand extends ConsoleCommand {

	static final String STATUS_HEADER = "case_id,status,model,seconds,output,message";

	@Option(names = "--manifest", required = true, paramLabel = "CASES.csv|DIR",
		description = "A manifest CSV (case_id,modality,path) or a folder of BraTS case folders.")
	Path manifest;

	@Option(names = "--model", required = true, paramLabel = "BUNDLE|FOLDER",
		description = "A model bundle, or a folder of bundles to choose from per case by the modalities it has.")
	Path model;

	@Mixin
	OutputFolder output;

	@Option(names = "--shard", defaultValue = "0/1", paramLabel = "i/n",
		description = "Do shard i of n (0-based; default ${DEFAULT-VALUE}: all). SLURM: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.")
	String shard;

	@Option(names = "--resume", description = "Skip cases whose label map already exists and is whole: readable, on the "
		+ "case's voxel grid, with labels a model writes (any other is redone, and the status CSV says why); without it, "
		+ "or --overwrite, a folder holding any of this shard's outputs is refused.")
	boolean resume;

	@Mixin
	InferenceOptions inference;

	@Override
	public Integer call() throws Exception {
		PrintWriter o = out();
		int[] s = parseShard(shard);
		SegmentationOptions options = UsageException.ifInvalidSetting(() -> inference.applyTo(SegmentationOptions.defaults()));
		ModelCatalog catalog = ModelCatalog.scan(model);
		try (CohortSegmentation cohort = new CohortSegmentation(catalog, options)) {
			return run(cohort, catalog, s, o);
		}
	}

	private int run(CohortSegmentation cohort, ModelCatalog catalog, int[] s, PrintWriter o) throws IOException {
		Path out = output.folder;
		List<CaseFiles> all = (Files.isDirectory(manifest) ? BratsLayout.casesUnder(manifest) : Manifest.read(manifest))
			.stream().sorted(Comparator.comparing(CaseFiles::id)).toList();
		Files.createDirectories(out);
		List<CaseFiles> mine = new ArrayList<>();
		List<Path> targets = new ArrayList<>();
		for (int i = s[0]; i < all.size(); i += s[1]) {
			mine.add(all.get(i));
			targets.add(CohortSegmentation.target(out, all.get(i)));
		}
		if (!resume && !output.overwrite()) {
			List<Path> existing = targets.stream().filter(Files::exists).toList();
			if (!existing.isEmpty()) {
				throw new java.nio.file.FileAlreadyExistsException(out.toString(), null, "holds the outputs of "
					+ existing.size() + " of these cases already (e.g. " + existing.get(0).getFileName()
					+ "); --resume skips them, --overwrite replaces them");
			}
		}
		Leftovers.removeIn(out, o);
		Path statusFile = out.resolve(s[1] == 1 ? "status.csv" : String.format(Locale.ROOT, "status-%d-of-%d.csv", s[0], s[1]));
		StatusLog.Opened opened = StatusLog.open(statusFile, STATUS_HEADER);
		opened.repair().ifPresent(o::println);
		StatusLog status = opened.log();
		o.printf("shard %d/%d: %d of %d cases, %s, models %s%n", s[0], s[1], (all.size() - s[0] + s[1] - 1) / s[1],
			all.size(), cohort.device(), catalog.entries().stream().map(ModelCatalog.Entry::name).toList());
		CohortSegmentation.Summary summary = ConsoleProgress.run(
			m -> cohort.run(mine, targets, resume, new StatusLines(status, o), m), err(),
			"the finished cases are kept and in " + statusFile + "; run the same command with --resume to go on");
		o.printf("shard %d/%d: %d done, %d skipped, %d failed; status in %s%n", s[0], s[1], summary.done(),
			summary.skipped(), summary.failed(), statusFile);
		return summary.failed() == 0 ? 0 : ModalityKdCli.EXIT_DATA_ERROR;
	}

	/** Each case as a line of the status CSV (as soon as it ends) and of stdout. */
	private record StatusLines(StatusLog status, PrintWriter o) implements CohortSegmentation.Listener {

		@Override
		public void skipped(CaseFiles c, Path target) {
			write(c.id(), "skipped", "", 0, target, "output exists");
		}

		@Override
		public void note(CaseFiles c, String note) {
			o.printf("%s: %s%n", c.id(), note);
		}

		@Override
		public void done(CaseFiles c, String model, double seconds, Path target, String message) {
			write(c.id(), "done", model, seconds, target, message);
			o.printf(Locale.ROOT, "%s: done with %s in %.1f s%n", c.id(), model, seconds);
			o.flush();
		}

		@Override
		public void failed(CaseFiles c, String model, double seconds, Exception e) {
			String why = ModalityKdCli.describe(e);
			write(c.id(), "failed", model, seconds, null, why);
			o.printf("%s: FAILED: %s%n", c.id(), why);
			o.flush();
		}

		private void write(String id, String state, String model, double seconds, Path output, String message) {
			try {
				append(status, id, state, model, seconds, output, message);
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}

	/** "i/n" with 0 <= i < n. */
	static int[] parseShard(String text) {
		String[] parts = text.trim().split("/");
		try {
			if (parts.length == 2) {
				int i = Integer.parseInt(parts[0].trim());
				int n = Integer.parseInt(parts[1].trim());
				if (n >= 1 && i >= 0 && i < n) {
					return new int[] { i, n };
				}
			}
		} catch (NumberFormatException e) {
			// falls through to the message below
		}
		throw new UsageException("--shard " + text + ": expected i/n with 0 <= i < n, e.g. 0/4");
	}

	/** One line per case as soon as it ends, so a killed job keeps the lines of finished cases. */
	private static void append(StatusLog status, String id, String state, String model, double seconds, Path output,
		String message) throws IOException {
		status.append(String.join(",", csv(id), state, csv(model), String.format(Locale.ROOT, "%.2f", seconds),
			output == null ? "" : csv(output.getFileName().toString()), csv(message)));
	}

	/** A CSV field; line breaks become spaces, so that every case stays one line. */
	private static String csv(String text) {
		String s = text.replaceAll("[\r\n]+", " ");
		return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}

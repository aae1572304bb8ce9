/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.LabelMapCheck;
import org.modalitykd.io.Manifest;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.io.StaleTemporaries;
import org.modalitykd.net.Device;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code batch --manifest cases.csv --model BUNDLE --out DIR [--shard i/n] [--resume]}:
 * segments a cohort so that many machines can share it on one file system. Cases are
 * sorted by id and shard i of n takes every n-th from the i-th (0-based), so shards
 * never overlap; outputs are written atomically (a killed job leaves no half file), and
 * {@code --resume} still reads an existing output before it skips the case (a file
 * copied in, cut short or edited by hand is redone, see {@link LabelMapCheck}); each
 * shard appends to its own status CSV, one line per case as soon as it ends
 * ({@link StatusLog}). Every run first
 * removes the temporary files that killed runs left in the output folder, and only
 * those: a shard still writing holds a lock on its own ({@link StaleTemporaries}).
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
	description = { "Segment many cases: one label map DIR/<case>.nii.gz per case and a status CSV per shard.",
		"With a folder of models as --model, each case gets the best model for the modalities it has." })
final class BatchCommand implements Callable<Integer> {

	static final String STATUS_HEADER = "case_id,status,model,seconds,output,message";

	@Option(names = "--manifest", required = true, paramLabel = "CASES.csv|DIR",
		description = "A manifest CSV (case_id,modality,path) or a folder of BraTS case folders.")
	Path manifest;

	@Option(names = "--model", required = true, paramLabel = "BUNDLE|FOLDER",
		description = "A model bundle, or a folder of bundles to choose from per case by the modalities it has.")
	Path model;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
	Path out;

	@Option(names = "--shard", defaultValue = "0/1", paramLabel = "i/n",
		description = "Do shard i of n (0-based; default ${DEFAULT-VALUE}: all). SLURM: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.")
	String shard;

	@Option(names = "--resume", description = "Skip cases whose label map already exists and is whole: readable, on the "
		+ "case's voxel grid, with labels a model writes (any other is redone, and the status CSV says why).")
	boolean resume;

	@Option(names = "--overwrite", description = "Replace the label maps of earlier runs (without it, or --resume, "
		+ "a folder holding any of this shard's outputs is refused).")
	boolean overwrite;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto", description = "Default: ${DEFAULT-VALUE}.")
	String device;

	@Option(names = "--threads", defaultValue = "0", description = "Threads per TensorFlow op (0: TensorFlow chooses).")
	int threads;

	@Option(names = "--overlap", defaultValue = "0.5", description = "Window overlap, 0 to <1 (default: ${DEFAULT-VALUE}).")
	double overlap;

	@Option(names = "--tta", description = "Test-time augmentation: average the 8 mirrorings (8x slower).")
	boolean tta;

	@Option(names = "--ignore-channel-order", description = "Segment cases whose channels look like another order of the "
		+ "model's (by default such a case fails with its reason in the status log).")
	boolean ignoreChannelOrder;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter o = spec.commandLine().getOut();
		int[] s = parseShard(shard);
		InferenceSettings settings;
		SessionOptions options;
		try {
			settings = InferenceSettings.defaults().withOverlap(overlap).withMirror(tta).withChannelOrderCheck(!ignoreChannelOrder);
			options = new SessionOptions(Device.parse(device), threads, 0);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		String deviceUsed = Devices.resolve(options.device()).description();
		ModelCatalog catalog = ModelCatalog.scan(model);
		List<CaseFiles> all = (Files.isDirectory(manifest) ? BratsLayout.casesUnder(manifest) : Manifest.read(manifest))
			.stream().sorted(Comparator.comparing(CaseFiles::id)).toList();
		Files.createDirectories(out);
		List<Path> targets = new java.util.ArrayList<>();
		for (int i = s[0]; i < all.size(); i += s[1]) {
			targets.add(target(all.get(i)));
		}
		if (!resume && !overwrite) {
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
			all.size(), deviceUsed, catalog.entries().stream().map(ModelCatalog.Entry::name).toList());
		int done = 0;
		int skipped = 0;
		int failed = 0;
		Map<Path, Segmenter> segmenters = new HashMap<>();
		Map<Path, ModelBundle> bundles = new HashMap<>();
		try {
			for (int i = s[0]; i < all.size(); i += s[1]) {
				CaseFiles c = all.get(i);
				Path target = targets.get((i - s[0]) / s[1]);
				String redo = "";
				if (resume && Files.exists(target)) {
					String problem = existingOutputProblem(c, target, catalog);
					if (problem == null) {
						append(status, c.id(), "skipped", "", 0, target, "output exists");
						skipped++;
						continue;
					}
					redo = "redone: the existing output " + problem;
					o.printf("%s: %s%n", c.id(), redo);
				}
				long t0 = System.nanoTime();
				String modelName = "";
				try {
					// Every modality some model could use is read and screened, so that an empty or
					// broken one makes the choice fall to a model that does without it.
					List<String> candidates = c.modalityNames().stream()
						.filter(m -> catalog.entries().stream().anyMatch(e -> e.card().modalities().contains(m))).toList();
					CaseLoader.Screened screened = new CaseLoader().loadScreened(c, candidates.isEmpty() ? null : candidates);
					ModelCatalog.Choice choice = catalog.choose("auto", screened.usable().images().channelNames(),
						screened.refused());
					modelName = choice.entry().name();
					if (choice.fallback()) {
						o.printf("%s: %s%n", c.id(), choice.reason());
						redo = redo.isEmpty() ? choice.reason() : redo + "; " + choice.reason();
					}
					Segmenter segmenter = segmenters.get(choice.entry().directory());
					if (segmenter == null) {
						ModelBundle b = ModelBundle.load(choice.entry().directory(), options);
						bundles.put(choice.entry().directory(), b);
						segmenter = new Segmenter(b, settings);
						segmenters.put(choice.entry().directory(), segmenter);
					}
					MriCase loaded = screened.usable();
					List<String> needed = choice.entry().card().perModality()
						? List.of(choice.entry().card().modalities().stream().filter(loaded.images().channelNames()::contains)
							.findFirst().orElseThrow())
						: choice.entry().card().modalities();
					OutputPaths.requireNotInput(target, c.files());
					Volume images = loaded.images().select(needed);
					Segmentation seg = segmenter.segment(images, false, Progress.NONE);
					new NiftiWriter().writeLabels(seg.labels(), loaded.referenceHeader(), target,
						String.format("ModalityKD %s sha256:%.12s %s", choice.entry().card().role().key(),
							seg.provenance().get("model_sha256"), seg.provenance().get("modalities")));
					double seconds = (System.nanoTime() - t0) / 1e9;
					append(status, c.id(), "done", modelName, seconds, target, redo);
					o.printf(Locale.ROOT, "%s: done with %s in %.1f s%n", c.id(), modelName, seconds);
					done++;
				} catch (IOException | RuntimeException e) {
					String why = ModalityKdCli.describe(e);
					append(status, c.id(), "failed", modelName, (System.nanoTime() - t0) / 1e9, null, why);
					o.printf("%s: FAILED: %s%n", c.id(), why);
					failed++;
				}
				o.flush();
			}
		} finally {
			bundles.values().forEach(ModelBundle::close);
		}
		o.printf("shard %d/%d: %d done, %d skipped, %d failed; status in %s%n", s[0], s[1], done, skipped, failed, statusFile);
		return failed == 0 ? 0 : ModalityKdCli.EXIT_DATA_ERROR;
	}

	/**
	 * Why an existing output of {@code --resume} cannot count as done (unreadable, not on
	 * the case's grid, labels no model of the catalog writes), or null when it can.
	 */
	private static String existingOutputProblem(CaseFiles c, Path target, ModelCatalog catalog) {
		if (c.modalities().isEmpty()) {
			return null;
		}
		NiftiReader reader = new NiftiReader();
		Path first = c.modalities().values().iterator().next();
		Geometry grid;
		try {
			grid = NiftiReader.geometryOf(reader.readHeader(first), first);
		} catch (NiftiException e) {
			// The case itself is broken: redoing it reports that in its own line.
			return "the case's " + first.getFileName() + " cannot be read";
		}
		Set<Integer> allowed = new HashSet<>();
		for (ModelCatalog.Entry e : catalog.entries()) {
			for (int label : e.card().labelMap()) {
				allowed.add(label);
			}
		}
		return LabelMapCheck.problem(reader, target, grid, allowed, Geometry.DEFAULT_TOLERANCE_MM);
	}

	/** {@code <out>/<id>.nii.gz}, checked to stay in the output folder whatever the id holds. */
	private Path target(CaseFiles c) {
		return OutputPaths.inside(out, c.id() + ".nii.gz");
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

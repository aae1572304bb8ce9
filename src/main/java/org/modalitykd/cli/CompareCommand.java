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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;


import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.SegmentationEvaluator;
import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.infer.WindowBatchPlanner;
import org.modalitykd.io.AtomicFile;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiExtension;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.net.Device;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.SessionOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code compare --models DIR --cases DIR --out DIR}: every model of a folder segments
 * every case (each with the modalities its card asks for), is evaluated against the
 * cases' labels, and the results go to one folder: labels per model, report.csv,
 * summary.md and overlay.png. The README's main job runs this on the sample data.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
	description = { "Segment BraTS cases with every model bundle of a folder (teacher and students, each on the modalities "
		+ "its card names), evaluate each against the cases' labels, and write OUT/<model>/<case>.nii.gz, OUT/report.csv "
		+ "(model, case, region, metrics), OUT/summary.md (mean Dice and HD95 per model) and OUT/overlay.png "
		+ "(the case with the most tumour core: reference and each model's labels on one slice)." })
final class CompareCommand implements Callable<Integer> {

	@Option(names = "--models", required = true, paramLabel = "DIR", description = "A folder of model bundles.")
	Path models;

	@Option(names = "--cases", required = true, paramLabel = "DIR", description = "BraTS case folders with labels.")
	Path cases;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the results go (created).")
	Path out;

	@Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|auto", description = "Device (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--overwrite", description = "Replace the results of an earlier run in --out (without it they are refused and left as they are).")
	boolean overwrite;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter o = spec.commandLine().getOut();
		SessionOptions options;
		try {
			options = new SessionOptions(Device.parse(device), 0, 0);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		boolean gpu = org.modalitykd.net.Devices.resolve(options.device()).gpu();
		List<Path> bundles = bundlesIn(models);
		List<CaseFiles> caseFiles = BratsLayout.casesUnder(cases);
		if (caseFiles.stream().anyMatch(c -> c.labels().isEmpty())) {
			throw new IllegalArgumentException(cases + ": every case needs its _seg labels to be compared with");
		}
		checkOutputs(bundles, caseFiles, o);
		CaseLoader loader = new CaseLoader();
		SegmentationEvaluator evaluator = new SegmentationEvaluator();
		Map<String, EvaluationReport> reports = new LinkedHashMap<>();
		Map<String, ModelCard> cards = new LinkedHashMap<>();
		List<Montage.Panel> panels = new ArrayList<>();
		CaseFiles shown = caseWithLargestCore(caseFiles);
		MriCase first = loader.load(shown, null);
		panels.add(new Montage.Panel("reference on T1CE", "t1ce", first.labels().orElseThrow()));
		for (Path bundlePath : bundles) {
			String name = bundlePath.getFileName().toString();
			ModelCard card = ModelBundle.readCard(bundlePath);
			cards.put(name, card);
			EvaluationReport report = new EvaluationReport();
			Path modelOut = Files.createDirectories(OutputPaths.inside(out, name));
			int windows = WindowBatchPlanner.windowsPerCall(card.architecture(), card.patchSize(), false,
				WindowBatchPlanner.availableBytes(gpu), 8);
			InferenceSettings settings = InferenceSettings.defaults();
			settings = new InferenceSettings(settings.overlap(), windows, false, settings.cropToNonZero(), settings.margin());
			long t0 = System.nanoTime();
			try (ModelBundle bundle = ModelBundle.load(bundlePath, options)) {
				Segmenter segmenter = new Segmenter(bundle, settings);
				for (CaseFiles f : caseFiles) {
					MriCase c = loader.load(f, card.modalities());
					Segmentation s = segmenter.segment(c.images(), false, Progress.NONE);
					new NiftiWriter().writeLabels(s.labels(), c.referenceHeader(), OutputPaths.inside(modelOut, c.id() + ".nii.gz"),
						"ModalityKD " + card.role().key() + " " + String.join(",", card.modalities()),
						List.of(NiftiExtension.comment(Json.GSON.toJson(s.provenance()))));
					report.add(c.id(), evaluator.evaluate(s.labels(), c.labels().orElseThrow()));
					if (f == shown) {
						String channel = card.modalities().contains("t1ce") ? "t1ce" : card.modalities().get(0);
						panels.add(new Montage.Panel(name + " on " + channel.toUpperCase(Locale.ROOT), channel, s.labels()));
					}
				}
			}
			reports.put(name, report);
			o.printf("%-22s %-10s %-22s Dice WT %.3f  TC %.3f  ET %.3f  (%d cases, %.1f s)%n", name, card.role().key(),
				String.join(",", card.modalities()), report.summary(BratsRegion.WT, 0, "mean"),
				report.summary(BratsRegion.TC, 0, "mean"), report.summary(BratsRegion.ET, 0, "mean"), caseFiles.size(),
				(System.nanoTime() - t0) / 1e9);
		}
		AtomicFile.writeString(out.resolve("report.csv"), csv(reports));
		AtomicFile.writeString(out.resolve("summary.md"), summary(reports, cards, caseFiles.size()));
		PngFile.write(out.resolve("overlay.png"), Montage.row(first, panels, 3));
		o.printf("wrote %s: report.csv, summary.md, overlay.png and the labels of %d models%n", out, bundles.size());
		return 0;
	}

	/** The case whose labels hold the most tumour core (1 and 4): the most telling picture. */
	private static CaseFiles caseWithLargestCore(List<CaseFiles> cases) throws IOException {
		CaseFiles best = cases.get(0);
		long most = -1;
		for (CaseFiles c : cases) {
			long[] h = new org.modalitykd.io.NiftiReader().readLabels(c.labels().orElseThrow()).histogram();
			if (h[1] + h[4] > most) {
				most = h[1] + h[4];
				best = c;
			}
		}
		return best;
	}

	private static List<Path> bundlesIn(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			throw new NiftiException(dir, "no such folder of model bundles");
		}
		List<Path> found;
		try (Stream<Path> s = Files.list(dir)) {
			found = new ArrayList<>(s.filter(p -> Files.isRegularFile(p.resolve("model-card.json"))).sorted().toList());
		}
		// Teachers first: the others are read against them.
		List<Path> teachers = new ArrayList<>();
		for (Path p : found) {
			if (ModelBundle.readCard(p).role() == org.modalitykd.net.ModelRole.TEACHER) {
				teachers.add(p);
			}
		}
		found.removeAll(teachers);
		found.addAll(0, teachers);
		if (found.isEmpty()) {
			throw new NiftiException(dir, "holds no model bundles (folders with a model-card.json)");
		}
		return found;
	}

	private static String csv(Map<String, EvaluationReport> reports) {
		StringBuilder sb = new StringBuilder();
		for (var e : reports.entrySet()) {
			List<String> lines = e.getValue().toCsv().lines().toList();
			if (sb.length() == 0) {
				sb.append("model,").append(lines.get(0)).append('\n');
			}
			for (String line : lines.subList(1, lines.size())) {
				sb.append(e.getKey()).append(',').append(line).append('\n');
			}
		}
		return sb.toString();
	}

	private static String summary(Map<String, EvaluationReport> reports, Map<String, ModelCard> cards, int caseCount) {
		StringBuilder sb = new StringBuilder("# Segmentation of " + caseCount + " cases\n\n");
		sb.append("Mean over cases (Dice; HD95 in mm). Both empty counts as Dice 1, HD95 0.\n\n");
		sb.append("| model | role | modalities | Dice WT | Dice TC | Dice ET | HD95 WT | HD95 TC | HD95 ET |\n");
		sb.append("|---|---|---|---|---|---|---|---|---|\n");
		for (var e : reports.entrySet()) {
			ModelCard card = cards.get(e.getKey());
			EvaluationReport r = e.getValue();
			sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f | %.1f | %.1f | %.1f |%n", e.getKey(),
				card.role().key(), String.join(", ", card.modalities()), r.summary(BratsRegion.WT, 0, "mean"),
				r.summary(BratsRegion.TC, 0, "mean"), r.summary(BratsRegion.ET, 0, "mean"), r.summary(BratsRegion.WT, 1, "mean"),
				r.summary(BratsRegion.TC, 1, "mean"), r.summary(BratsRegion.ET, 1, "mean")));
		}
		sb.append("\nPer case and region: report.csv. Labels: <model>/<case>.nii.gz. Picture: overlay.png.\n");
		return sb.toString();
	}

	/**
	 * Before any work: every output stays in --out, is none of the cases' files, and is new
	 * unless --overwrite; leftovers of killed runs in those folders go.
	 */
	private void checkOutputs(List<Path> bundles, List<CaseFiles> caseFiles, PrintWriter o) throws IOException {
		Files.createDirectories(out);
		List<Path> inputs = new ArrayList<>();
		for (CaseFiles c : caseFiles) {
			inputs.addAll(c.files());
		}
		List<Path> targets = new ArrayList<>(List.of(out.resolve("report.csv"), out.resolve("summary.md"),
			out.resolve("overlay.png")));
		for (Path b : bundles) {
			Path modelOut = OutputPaths.inside(out, b.getFileName().toString());
			for (CaseFiles c : caseFiles) {
				targets.add(OutputPaths.inside(modelOut, c.id() + ".nii.gz"));
			}
			Leftovers.removeIn(modelOut, o);
		}
		for (Path t : targets) {
			OutputPaths.requireNotInput(t, inputs);
			OutputPaths.requireNew(t, overwrite, "--overwrite");
		}
		Leftovers.removeIn(out, o);
	}
}

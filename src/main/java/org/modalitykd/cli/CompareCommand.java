/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modalitykd.app.ModelComparison;
import org.modalitykd.app.SegmentationOptions;
import org.modalitykd.cli.report.Montage;
import org.modalitykd.cli.report.PngFile;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.net.ModelCard;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
final class CompareCommand extends ConsoleCommand {

	@Option(names = "--models", required = true, paramLabel = "DIR", description = "A folder of model bundles.")
	Path models;

	@Option(names = "--cases", required = true, paramLabel = "DIR", description = "BraTS case folders with labels.")
	Path cases;

	@Mixin
	OutputFolder output;

	@Mixin
	DeviceOption device = new DeviceOption("cpu");
	@Override
	public Integer call() throws Exception {
		PrintWriter o = out();
		Path out = output.folder;
		SegmentationOptions options = UsageException.ifInvalidSetting(
			() -> device.applyTo(SegmentationOptions.defaults()));
		ModelComparison comparison = new ModelComparison(models, cases, out, options);
		comparison.prepare(output.overwrite(), "--overwrite").forEach((folder, cleaned) -> Leftovers.report(cleaned, folder, o));
		ModelComparison.Outcome outcome = ConsoleProgress.run(m -> comparison.run(run -> {
			ModelCard card = run.model().card();
			EvaluationReport report = run.report();
			o.printf("%-22s %-10s %-22s Dice WT %.3f  TC %.3f  ET %.3f  (%d cases, %.1f s)%n", run.model().name(),
				card.role().key(), String.join(",", card.modalities()), report.summary(BratsRegion.WT, 0, "mean"),
				report.summary(BratsRegion.TC, 0, "mean"), report.summary(BratsRegion.ET, 0, "mean"),
				report.cases().size(), run.seconds());
		}, m), err(), "the comparison's report and overlay were not written");
		List<Montage.Panel> panels = new ArrayList<>();
		panels.add(new Montage.Panel("reference on T1CE", "t1ce", outcome.shown().labels().orElseThrow()));
		for (ModelComparison.ModelRun run : outcome.runs()) {
			List<String> modalities = run.model().card().modalities();
			String channel = modalities.contains("t1ce") ? "t1ce" : modalities.get(0);
			panels.add(new Montage.Panel(run.model().name() + " on " + channel.toUpperCase(Locale.ROOT), channel,
				run.shownLabels()));
		}
		PngFile.write(out.resolve("overlay.png"), Montage.row(outcome.shown(), panels, 3));
		o.printf("wrote %s: report.csv, summary.md, overlay.png and the labels of %d models%n", out, outcome.runs().size());
		return 0;
	}
}

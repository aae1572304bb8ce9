/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.SegmentationEvaluator;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.io.AtomicFile;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.io.StaleTemporaries;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.ModelRole;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.volume.LabelVolume;

/**
 * Compare models: every bundle of a folder segments every labelled case (each on the
 * modalities its card names), is evaluated against the cases' labels, and the results
 * go to one folder: {@code <model>/<case>.nii.gz}, {@code report.csv} (model, case,
 * region, metrics) and {@code summary.md} (means per model). The picture of the case
 * with the most tumour core is the front end's to draw, from {@link Outcome#shown()}.
 */
public final class ModelComparison {

	/**
	 * One model's results.
	 *
	 * @param shownLabels its labels of {@link Outcome#shown()}
	 * @param seconds     segmenting and evaluating every case
	 */
	public record ModelRun(ModelCatalog.Entry model, EvaluationReport report, LabelVolume shownLabels, double seconds) {
	}

	/**
	 * @param runs  per model, teachers first
	 * @param shown the case with the most tumour core, with all its modalities and labels
	 * @param cases how many cases each model segmented
	 */
	public record Outcome(List<ModelRun> runs, MriCase shown, int cases) {
	}

	private final List<ModelCatalog.Entry> models;
	private final List<CaseFiles> cases;
	private final Path out;
	private final SegmentationOptions options;
	private final Devices.Resolved device;

	/**
	 * Resolves the device (a missing GPU fails first), finds the bundles and the cases;
	 * nothing is written yet.
	 *
	 * @throws IllegalArgumentException when a case has no labels to compare with
	 */
	public ModelComparison(Path modelsFolder, Path casesFolder, Path out, SegmentationOptions options) throws IOException {
		this.device = Devices.resolve(options.device());
		this.models = bundlesIn(modelsFolder);
		this.cases = BratsLayout.casesUnder(casesFolder);
		if (cases.stream().anyMatch(c -> c.labels().isEmpty())) {
			throw new IllegalArgumentException(casesFolder + ": every case needs its _seg labels to be compared with");
		}
		this.out = out;
		this.options = options;
	}

	public List<ModelCatalog.Entry> models() {
		return models;
	}

	/** The folder of one model's label maps. */
	private Path modelFolder(ModelCatalog.Entry m) {
		return OutputPaths.inside(out, m.name());
	}

	/**
	 * Before any work: every output stays in the output folder, is none of the cases'
	 * files, and is new unless {@code overwrite}; leftovers of killed runs in those
	 * folders go.
	 *
	 * @return per folder cleaned, what the clean-up removed
	 */
	public Map<Path, StaleTemporaries.Outcome> prepare(boolean overwrite, String overwriteHint) throws IOException {
		Files.createDirectories(out);
		Map<Path, StaleTemporaries.Outcome> cleaned = new LinkedHashMap<>();
		List<Path> inputs = new ArrayList<>();
		for (CaseFiles c : cases) {
			inputs.addAll(c.files());
		}
		List<Path> targets = new ArrayList<>(List.of(out.resolve("report.csv"), out.resolve("summary.md"),
			out.resolve("overlay.png")));
		for (ModelCatalog.Entry m : models) {
			Path modelOut = modelFolder(m);
			for (CaseFiles c : cases) {
				targets.add(OutputPaths.inside(modelOut, c.id() + ".nii.gz"));
			}
			if (Files.isDirectory(modelOut)) {
				cleaned.put(modelOut, StaleTemporaries.removeIn(modelOut));
			}
		}
		for (Path t : targets) {
			OutputPaths.requireNotInput(t, inputs);
			OutputPaths.requireNew(t, overwrite, overwriteHint);
		}
		cleaned.put(out, StaleTemporaries.removeIn(out));
		return cleaned;
	}

	/**
	 * Segments and evaluates; writes the label maps, report.csv and summary.md.
	 *
	 * @param each told after each model, e.g. to print its line
	 */
	public Outcome run(java.util.function.Consumer<ModelRun> each, TaskMonitor monitor) throws IOException {
		CaseLoader loader = new CaseLoader();
		SegmentationEvaluator evaluator = new SegmentationEvaluator();
		CaseFiles shownFiles = caseWithLargestCore(cases);
		MriCase shown = loader.load(shownFiles, null);
		List<ModelRun> runs = new ArrayList<>();
		int step = 0;
		int steps = models.size() * cases.size();
		for (ModelCatalog.Entry m : models) {
			ModelCard card = m.card();
			EvaluationReport report = new EvaluationReport();
			Path modelOut = Files.createDirectories(modelFolder(m));
			LabelVolume shownLabels = null;
			long t0 = System.nanoTime();
			try (ModelBundle bundle = ModelBundle.load(m.directory(), options.session())) {
				Segmenter segmenter = new Segmenter(bundle, options.settingsFor(card, device));
				for (CaseFiles f : cases) {
					TaskMonitor part = monitor.part(step / (double) steps, (step + 1) / (double) steps);
					step++;
					MriCase c = loader.load(f, card.modalities());
					Segmentation s = segmenter.segment(c.images(), options.ignoreSpacing(),
						WindowProgress.of(part, m.name() + " on " + c.id()));
					new NiftiWriter().writeLabels(s.labels(), c.referenceHeader(), OutputPaths.inside(modelOut,
						c.id() + ".nii.gz"), LabelStamp.MODALITIES_AND_PROVENANCE.description(s, m),
						LabelStamp.MODALITIES_AND_PROVENANCE.extensions(s));
					report.add(c.id(), evaluator.evaluate(s.labels(), c.labels().orElseThrow()));
					if (f == shownFiles) {
						shownLabels = s.labels();
					}
				}
			}
			ModelRun run = new ModelRun(m, report, shownLabels, (System.nanoTime() - t0) / 1e9);
			runs.add(run);
			each.accept(run);
		}
		AtomicFile.writeString(out.resolve("report.csv"), csv(runs));
		AtomicFile.writeString(out.resolve("summary.md"), summary(runs, cases.size()));
		return new Outcome(runs, shown, cases.size());
	}

	/** The case whose labels hold the most tumour core (1 and 4): the most telling picture. */
	private static CaseFiles caseWithLargestCore(List<CaseFiles> cases) throws IOException {
		CaseFiles best = cases.get(0);
		long most = -1;
		for (CaseFiles c : cases) {
			long[] h = new NiftiReader().readLabels(c.labels().orElseThrow()).histogram();
			if (h[1] + h[4] > most) {
				most = h[1] + h[4];
				best = c;
			}
		}
		return best;
	}

	private static List<ModelCatalog.Entry> bundlesIn(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			throw new NiftiException(dir, "no such folder of model bundles");
		}
		List<Path> found;
		try (Stream<Path> s = Files.list(dir)) {
			found = new ArrayList<>(s.filter(p -> Files.isRegularFile(p.resolve(ModelBundle.CARD_FILE))).sorted().toList());
		}
		// Teachers first: the others are read against them.
		List<ModelCatalog.Entry> teachers = new ArrayList<>();
		List<ModelCatalog.Entry> others = new ArrayList<>();
		for (Path p : found) {
			ModelCatalog.Entry e = new ModelCatalog.Entry(p, ModelBundle.readCard(p));
			(e.card().role() == ModelRole.TEACHER ? teachers : others).add(e);
		}
		// Then by the modalities read, a student before its baseline: each pair side by side.
		others.sort(java.util.Comparator.<ModelCatalog.Entry, String>comparing(e -> String.join(",", e.card().modalities()))
			.thenComparingInt(e -> e.card().role().ordinal()).thenComparing(ModelCatalog.Entry::name));
		teachers.addAll(others);
		if (teachers.isEmpty()) {
			throw new NiftiException(dir, "holds no model bundles (folders with a model-card.json)");
		}
		return teachers;
	}

	private static String csv(List<ModelRun> runs) {
		StringBuilder sb = new StringBuilder();
		for (ModelRun r : runs) {
			List<String> lines = r.report().toCsv().lines().toList();
			if (sb.length() == 0) {
				sb.append("model,").append(lines.get(0)).append('\n');
			}
			for (String line : lines.subList(1, lines.size())) {
				sb.append(r.model().name()).append(',').append(line).append('\n');
			}
		}
		return sb.toString();
	}

	private static String summary(List<ModelRun> runs, int caseCount) {
		StringBuilder sb = new StringBuilder("# Segmentation of " + caseCount + " cases\n\n");
		sb.append("Mean over cases (Dice; HD95 in mm). Both empty counts as Dice 1, HD95 0.\n\n");
		sb.append("| model | role | modalities | Dice WT | Dice TC | Dice ET | HD95 WT | HD95 TC | HD95 ET |\n");
		sb.append("|---|---|---|---|---|---|---|---|---|\n");
		for (ModelRun run : runs) {
			ModelCard card = run.model().card();
			EvaluationReport r = run.report();
			sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f | %.1f | %.1f | %.1f |%n",
				run.model().name(), card.role().key(), String.join(", ", card.modalities()),
				r.summary(BratsRegion.WT, 0, "mean"), r.summary(BratsRegion.TC, 0, "mean"),
				r.summary(BratsRegion.ET, 0, "mean"), r.summary(BratsRegion.WT, 1, "mean"),
				r.summary(BratsRegion.TC, 1, "mean"), r.summary(BratsRegion.ET, 1, "mean")));
		}
		sb.append(StudentsAgainstBaselines.markdown(runs));
		sb.append("\nPer case and region: report.csv. Labels: <model>/<case>.nii.gz. Picture: overlay.png.\n");
		return sb.toString();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.PredictionPairs;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.eval.SegmentationEvaluator;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.io.StaleTemporaries;
import org.modalitykd.task.Task;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.volume.LabelVolume;

/**
 * Evaluate predicted label maps against references, per BraTS region: every front end's
 * "Evaluate". Files are matched by case id; the report CSV is written atomically, and
 * an existing one is replaced only when asked.
 */
public final class Evaluation implements Task<EvaluationReport> {

	/** Each case as it is evaluated, and the files that could not be paired. */
	public interface Listener {

		Listener NONE = new Listener() {
		};

		/** What the clean-up of the report's folder found, before any work. */
		default void cleaned(StaleTemporaries.Outcome outcome, Path folder) {
		}

		/** Case ids with a prediction and no reference, or the reverse; both lists may be empty. */
		default void unmatched(List<String> predictionsWithoutReference, List<String> referencesWithoutPrediction) {
		}

		/** The pairs are found; {@code cases} of them will be evaluated. */
		default void started(int cases) {
		}

		default void evaluated(String caseId, Map<BratsRegion, RegionMetrics> metrics) {
		}
	}

	private final Path predictions;
	private final Path references;
	private final Path csv;
	private final boolean overwrite;
	private final String overwriteHint;
	private final Listener listener;

	/**
	 * @param predictions   a label map or a folder of them
	 * @param references    a label map, a folder of them or of BraTS cases (their _seg files)
	 * @param csv           the report to write
	 * @param overwriteHint how the front end spells "overwrite", for the refusal of an existing report
	 */
	public Evaluation(Path predictions, Path references, Path csv, boolean overwrite, String overwriteHint,
		Listener listener) {
		this.predictions = predictions;
		this.references = references;
		this.csv = csv;
		this.overwrite = overwrite;
		this.overwriteHint = overwriteHint;
		this.listener = listener == null ? Listener.NONE : listener;
	}

	/** Dice, HD95, sensitivity, specificity and volumes per region of one prediction. */
	public static Map<BratsRegion, RegionMetrics> of(LabelVolume prediction, LabelVolume reference) {
		return new SegmentationEvaluator().evaluate(prediction, reference);
	}

	@Override
	public EvaluationReport run(TaskMonitor monitor) throws IOException {
		PredictionPairs.Result match = PredictionPairs.match(predictions, references);
		List<Path> inputs = new ArrayList<>();
		match.pairs().forEach(p -> {
			inputs.add(p.prediction());
			inputs.add(p.reference());
		});
		listener.cleaned(OutputPaths.prepare(csv, inputs, overwrite, overwriteHint), csv.toAbsolutePath().getParent());
		listener.unmatched(match.predictionsWithoutReference(), match.referencesWithoutPrediction());
		if (match.pairs().isEmpty()) {
			throw new IllegalArgumentException("no prediction matches a reference by case id; name them <id>.nii.gz and <id>_seg.nii.gz");
		}
		listener.started(match.pairs().size());
		NiftiReader reader = new NiftiReader();
		SegmentationEvaluator evaluator = new SegmentationEvaluator();
		EvaluationReport report = new EvaluationReport();
		int n = 0;
		for (PredictionPairs.Pair p : match.pairs()) {
			monitor.stopIfCancelled("after " + n + " of " + match.pairs().size() + " cases; no report was written");
			monitor.progress(n++ / (double) match.pairs().size(), p.caseId());
			LabelVolume predicted = SegmentationEvaluator.readLabels(reader, p.prediction());
			LabelVolume reference = SegmentationEvaluator.readLabels(reader, p.reference());
			Map<BratsRegion, RegionMetrics> m;
			try {
				m = evaluator.evaluate(predicted, reference);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(p.caseId() + ": " + e.getMessage());
			}
			report.add(p.caseId(), m);
			listener.evaluated(p.caseId(), m);
		}
		report.writeCsv(csv);
		monitor.progress(1, match.pairs().size() + " cases");
		return report;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.modalitykd.app.Evaluation;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.io.StaleTemporaries;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate --pred DIR|FILE --ref DIR|FILE --out report.csv}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
	description = { "Compare predicted BraTS label maps with references per region (WT = 1,2,4; TC = 1,4; ET = 4): "
		+ "Dice, HD95 (mm), sensitivity, specificity, reference and predicted volume (mL); summary rows mean, std, median.",
		"Files are matched by case id (the name without _seg/_pred/_labels). Empty regions: both empty gives Dice 1 and "
			+ "HD95 0, one empty gives Dice 0 and HD95 = the image diagonal in mm." })
final class EvaluateCommand extends ConsoleCommand {

	@Option(names = "--pred", required = true, paramLabel = "DIR|FILE", description = "Predicted label maps.")
	Path pred;

	@Option(names = "--ref", required = true, paramLabel = "DIR|FILE",
		description = "Reference label maps (a folder of BraTS cases: their _seg files).")
	Path ref;

	@Option(names = "--out", required = true, paramLabel = "report.csv", description = "The CSV to write.")
	Path out;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws Exception {
		PrintWriter err = err();
		PrintWriter o = out();
		EvaluationReport report = ConsoleProgress.run(new Evaluation(pred, ref, out, overwrite.overwrite, "--overwrite",
			new Evaluation.Listener() {
				@Override
				public void cleaned(StaleTemporaries.Outcome outcome, Path folder) {
					Leftovers.report(outcome, folder, o);
				}

				@Override
				public void unmatched(List<String> noReference, List<String> noPrediction) {
					if (!noReference.isEmpty()) {
						err.println("modalitykd: warning: no reference for " + String.join(", ", noReference));
					}
					if (!noPrediction.isEmpty()) {
						err.println("modalitykd: warning: no prediction for " + String.join(", ", noPrediction));
					}
				}

				@Override
				public void started(int cases) {
					o.printf("%-28s %7s %7s %7s %9s %9s %9s%n", "case", "Dice WT", "Dice TC", "Dice ET", "HD95 WT",
						"HD95 TC", "HD95 ET");
				}

				@Override
				public void evaluated(String caseId, Map<BratsRegion, RegionMetrics> m) {
					o.printf("%-28s %7.4f %7.4f %7.4f %9.2f %9.2f %9.2f%n", caseId, m.get(BratsRegion.WT).dice(),
						m.get(BratsRegion.TC).dice(), m.get(BratsRegion.ET).dice(), m.get(BratsRegion.WT).hd95Mm(),
						m.get(BratsRegion.TC).hd95Mm(), m.get(BratsRegion.ET).hd95Mm());
				}
			}), err, "no report was written");
		o.printf("%-28s %7.4f %7.4f %7.4f %9.2f %9.2f %9.2f%n", "mean", report.summary(BratsRegion.WT, 0, "mean"),
			report.summary(BratsRegion.TC, 0, "mean"), report.summary(BratsRegion.ET, 0, "mean"),
			report.summary(BratsRegion.WT, 1, "mean"), report.summary(BratsRegion.TC, 1, "mean"),
			report.summary(BratsRegion.ET, 1, "mean"));
		o.println("wrote " + out + " (" + report.cases().size() + " cases)");
		return 0;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.app.CaseResult;
import org.modalitykd.app.CaseSegmentation;
import org.modalitykd.app.SegmentationTargets;
import org.modalitykd.io.CaseFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code segment --model BUNDLE --input CASE --output OUT.nii.gz}: the label map of one case. */
@Command(name = "segment", mixinStandardHelpOptions = true,
	description = { "Segment one case with a model bundle: sliding-window inference with Gaussian blending, labels "
		+ "0/1/2/4 (BraTS) on the case's own voxel grid.",
		"Also writes OUT.provenance.json: the model's SHA-256, role, modalities, tiling, device and timing." })
final class SegmentCommand extends ConsoleCommand {

	@Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "A model bundle folder (SavedModel + model-card.json).")
	Path model;

	@Option(names = "--input", required = true, split = ",", paramLabel = "CASE_DIR|FILES",
		description = "A BraTS case folder, a manifest CSV (first case), or image files: MODALITY=PATH or "
			+ "<id>_<modality>.nii.gz, comma-separated or repeated.")
	List<String> input;

	@Mixin
	SegmentOutputs output;

	@Mixin
	InferenceOptions inference;

	@Mixin
	TilingOptions tiling;

	@Option(names = "--modality", description = "For a per-modality (unpaired) model: which modality of the case to segment.")
	String modality;

	@Option(names = "--ignore-spacing", description = "Segment at the case's own voxel size even when it differs from the "
		+ "model's training spacing (by default such a case is resampled to the training spacing and the result back).")
	boolean ignoreSpacing;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = out();
		CaseSegmentation job = UsageException.ifInvalidSetting(() -> CaseSegmentation.withBundle(model, modality,
			tiling.applyTo(inference).withIgnoreSpacing(ignoreSpacing)));
		CaseFiles files = CaseInputs.resolve(input);
		SegmentationTargets targets = output.targets();
		targets.prepare(files.files(), model).forEach((folder, cleaned) -> Leftovers.report(cleaned, folder, out));
		CaseResult r = ConsoleProgress.run(m -> job.segmentFiles(files, targets, m), err(),
			"nothing was written");
		out.printf("%s: %s segmented with %s (%s) on %s in %.1f s; labels -> %s%n", r.caseId(),
			r.provenance().get("modalities").replace(",", ", "), model.getFileName(),
			r.choice().entry().card().role().key(), r.device(), r.secondsInference(), output.labels);
		return 0;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import org.modalitykd.app.LabelStamp;
import org.modalitykd.app.SegmentationTargets;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What segment writes: the label map, optionally the probabilities, and whether an earlier run's may be replaced (a mixin of segment). */
final class SegmentOutputs {

	@Option(names = "--output", required = true, paramLabel = "OUT.nii.gz", description = "The label map to write (uint8, BraTS labels).")
	Path labels;

	@Option(names = "--probabilities", arity = "0..1", paramLabel = "PROBS.nii.gz", fallbackValue = "",
		description = "Also write the class probabilities as a 4D float32 NIfTI (default name: OUT_probabilities.nii.gz).")
	String probabilities;

	@Mixin
	OverwriteOption overwrite;

	/** The files to write, with the provenance report beside the label map. */
	SegmentationTargets targets() {
		Path probs = probabilities == null ? null
			: probabilities.isEmpty() ? SegmentationTargets.sibling(labels, "_probabilities") : Path.of(probabilities);
		return new SegmentationTargets(labels, probs, SegmentationTargets.reportBeside(labels),
			LabelStamp.CHECKSUM_AND_PROVENANCE, overwrite.overwrite, "--overwrite");
	}
}

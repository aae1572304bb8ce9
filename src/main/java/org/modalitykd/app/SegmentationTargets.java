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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiFiles;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.io.StaleTemporaries;

/**
 * The files one segmented case becomes: its label map, optionally its class
 * probabilities and a provenance report, all written together or not at all.
 *
 * @param labels        the label map (uint8 NIfTI on the case's grid)
 * @param probabilities the probabilities (4D float32), or null
 * @param report        the provenance report (JSON), or null
 * @param stamp         how the label map says what made it
 * @param overwrite     whether existing files may be replaced
 * @param overwriteHint how the user allows that, for the refusal (e.g. "--overwrite")
 */
public record SegmentationTargets(Path labels, Path probabilities, Path report, LabelStamp stamp, boolean overwrite,
	String overwriteHint) {

	public SegmentationTargets {
		if (labels == null) {
			throw new IllegalArgumentException("the label map to write must be named");
		}
	}

	/** Only a label map. */
	public static SegmentationTargets labelsOnly(Path labels, LabelStamp stamp, boolean overwrite, String overwriteHint) {
		return new SegmentationTargets(labels, null, null, stamp, overwrite, overwriteHint);
	}

	/** {@code OUT.provenance.json} beside {@code OUT.nii.gz}: where the single-case report goes. */
	public static Path reportBeside(Path labels) {
		return labels.resolveSibling(NiftiFiles.stem(labels) + ".provenance.json");
	}

	/** {@code OUT.nii.gz} becomes {@code OUT + suffix + .nii.gz} in the same folder. */
	public static Path sibling(Path file, String suffix) {
		String name = file.getFileName().toString();
		String ext = name.endsWith(".nii.gz") ? ".nii.gz" : name.endsWith(".nii") ? ".nii" : "";
		return file.resolveSibling(name.substring(0, name.length() - ext.length()) + suffix + (ext.isEmpty() ? ".nii.gz" : ext));
	}

	/** Every file named, labels first. */
	public List<Path> all() {
		List<Path> all = new ArrayList<>(List.of(labels));
		if (probabilities != null) {
			all.add(probabilities);
		}
		if (report != null) {
			all.add(report);
		}
		return all;
	}

	/**
	 * Before any work: every output must have its folder, must not be one of the case's
	 * files or inside the model, and must be new unless overwriting; then the temporary
	 * files of killed runs in the output folders go.
	 *
	 * @param inputs   the case's files
	 * @param modelDir the model bundle, or null
	 * @return per output folder, what the clean-up removed (for the front end to report)
	 */
	public Map<Path, StaleTemporaries.Outcome> prepare(List<Path> inputs, Path modelDir) throws IOException {
		List<Path> outputs = all();
		Path model = modelDir != null && Files.isDirectory(modelDir) ? modelDir.toRealPath() : null;
		Set<Path> folders = new LinkedHashSet<>();
		if (outputs.stream().map(o -> o.toAbsolutePath().normalize()).distinct().count() < outputs.size()) {
			throw new IllegalArgumentException("--output and --probabilities name the same file; give each its own name");
		}
		for (Path o : outputs) {
			Path folder = o.toAbsolutePath().normalize().getParent();
			if (!Files.isDirectory(folder)) {
				throw new NiftiException(o, "cannot be written: the folder " + folder + " does not exist");
			}
			OutputPaths.requireNotInput(o, inputs);
			if (model != null && folder.toRealPath().startsWith(model)) {
				throw new IllegalArgumentException(o + " is inside the model bundle " + modelDir + "; write the outputs elsewhere");
			}
			OutputPaths.requireNew(o, overwrite, overwriteHint);
			folders.add(folder);
		}
		Map<Path, StaleTemporaries.Outcome> cleaned = new LinkedHashMap<>();
		for (Path folder : folders) {
			cleaned.put(folder, StaleTemporaries.removeIn(folder));
		}
		return cleaned;
	}
}

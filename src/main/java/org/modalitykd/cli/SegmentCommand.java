/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.infer.WindowBatchPlanner;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiFiles;
import org.modalitykd.io.NiftiExtension;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.io.OutputSet;
import org.modalitykd.net.Device;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.SessionOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code segment --model BUNDLE --input CASE --output OUT.nii.gz}: the label map of one case. */
@Command(name = "segment", mixinStandardHelpOptions = true,
	description = { "Segment one case with a model bundle: sliding-window inference with Gaussian blending, labels "
		+ "0/1/2/4 (BraTS) on the case's own voxel grid.",
		"Also writes OUT.provenance.json: the model's SHA-256, role, modalities, tiling, device and timing." })
final class SegmentCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "A model bundle folder (SavedModel + model-card.json).")
	Path model;

	@Option(names = "--input", required = true, split = ",", paramLabel = "CASE_DIR|FILES",
		description = "A BraTS case folder, a manifest CSV (first case), or image files: MODALITY=PATH or "
			+ "<id>_<modality>.nii.gz, comma-separated or repeated.")
	List<String> input;

	@Option(names = "--output", required = true, paramLabel = "OUT.nii.gz", description = "The label map to write (uint8, BraTS labels).")
	Path output;

	@Option(names = "--probabilities", arity = "0..1", paramLabel = "PROBS.nii.gz", fallbackValue = "",
		description = "Also write the class probabilities as a 4D float32 NIfTI (default name: OUT_probabilities.nii.gz).")
	String probabilities;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
		description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}; auto says which it chose).")
	String device;

	@Option(names = "--threads", defaultValue = "0", description = "Threads per TensorFlow op (0: TensorFlow chooses).")
	int threads;

	@Option(names = "--tta", description = "Test-time augmentation: average the 8 mirrorings (8x slower).")
	boolean tta;

	@Option(names = "--overlap", defaultValue = "0.5", description = "Overlap of neighbouring windows, 0 to <1 (default: ${DEFAULT-VALUE}).")
	double overlap;

	@Option(names = "--batch", defaultValue = "auto", paramLabel = "N|auto",
		description = "Windows per TensorFlow call (default: ${DEFAULT-VALUE}: as many as half the free memory holds, at most 8).")
	String batch;

	@Option(names = "--margin", defaultValue = "0", description = "Voxels at each shared window face that get no weight "
		+ "(0: plain Gaussian blending; at least the receptive-field radius makes tiling exact for batch-norm networks).")
	int margin;

	@Option(names = "--no-crop", description = "Predict the whole volume, not only the bounding box of non-zero voxels.")
	boolean noCrop;

	@Option(names = "--modality", description = "For a per-modality (unpaired) model: which modality of the case to segment.")
	String modality;

	@Option(names = "--ignore-spacing", description = "Segment at the case's own voxel size even when it differs from the "
		+ "model's training spacing (by default such a case is resampled to the training spacing and the result back).")
	boolean ignoreSpacing;

	@Option(names = "--ignore-channel-order", description = "Segment even when the case's channels look like another "
		+ "order of the model's (by default such a case, e.g. with its T2 and FLAIR files swapped, is refused).")
	boolean ignoreChannelOrder;

	@Option(names = "--overwrite", description = "Replace existing output files (without it an existing output is refused and left as it is).")
	boolean overwrite;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		InferenceSettings settings;
		SessionOptions options;
		Integer fixedBatch = null;
		try {
			if (!batch.equalsIgnoreCase("auto")) {
				fixedBatch = Integer.parseInt(batch);
			}
			options = new SessionOptions(Device.parse(device), threads, 0);
		} catch (NumberFormatException e) {
			throw new UsageException("--batch takes a number of windows or 'auto', not '" + batch + "'");
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		// Device first: asking for a missing GPU should fail before minutes of reading.
		Devices.Resolved resolved = Devices.resolve(options.device());
		String deviceUsed = resolved.description();
		ModelCard card = ModelBundle.readCard(model);
		int windows = fixedBatch != null ? fixedBatch
			: WindowBatchPlanner.windowsPerCall(card.architecture(), card.patchSize(), tta,
				WindowBatchPlanner.availableBytes(resolved.gpu()), 8);
		try {
			settings = new InferenceSettings(overlap, windows, tta, !noCrop, margin, !ignoreChannelOrder);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		List<String> wanted = card.perModality() ? List.of(pickModality(card)) : card.modalities();
		CaseFiles files = CaseInputs.resolve(input);
		Path probs = probabilities == null ? null
			: probabilities.isEmpty() ? sibling(output, "_probabilities") : Path.of(probabilities);
		Path reportFile = output.resolveSibling(NiftiFiles.stem(output) + ".provenance.json");
		checkOutputs(files, probs == null ? List.of(output, reportFile) : List.of(output, probs, reportFile));
		long t0 = System.nanoTime();
		MriCase c = new CaseLoader().load(files, wanted);
		try (ModelBundle bundle = ModelBundle.load(model, options)) {
			long t1 = System.nanoTime();
			Segmentation s = new Segmenter(bundle, settings).segment(c.images(), ignoreSpacing, Progress.NONE);
			long t2 = System.nanoTime();
			// Labels, probabilities and provenance appear together or not at all.
			try (OutputSet set = new OutputSet()) {
				NiftiWriter writer = new NiftiWriter(set);
				// The header says what made the labels: role, model checksum, modalities (80 characters).
				// ... and a comment extension holds the whole provenance as JSON.
				writer.writeLabels(s.labels(), c.referenceHeader(), output, String.format("ModalityKD %s sha256:%.12s %s",
					card.role().key(), s.provenance().get("model_sha256"), s.provenance().get("modalities")),
					List.of(NiftiExtension.comment(Json.GSON.toJson(s.provenance()))));
				if (probs != null) {
					writer.writeVolume(s.probabilities(), c.referenceHeader(), probs);
				}
				set.writeString(reportFile, Json.GSON.toJson(report(s, c, card, deviceUsed, t0, t1, t2, probs)) + "\n");
				set.commit();
			}
			out.printf("%s: %s segmented with %s (%s) on %s in %.1f s; labels -> %s%n", c.id(), String.join(", ", wanted),
				model.getFileName(), card.role().key(), deviceUsed, (t2 - t1) / 1e9, output);
		}
		return 0;
	}

	/**
	 * Before any work: every output must have its folder, must not be one of the case's
	 * files or inside the model, and must be new unless --overwrite; temporary files of
	 * killed runs in the output folders go.
	 */
	private void checkOutputs(CaseFiles files, List<Path> outputs) throws IOException {
		List<Path> inputs = files.files();
		Path modelDir = Files.isDirectory(model) ? model.toRealPath() : null;
		Set<Path> folders = new LinkedHashSet<>();
		if (outputs.stream().map(o -> o.toAbsolutePath().normalize()).distinct().count() < outputs.size()) {
			throw new UsageException("--output and --probabilities name the same file; give each its own name");
		}
		for (Path o : outputs) {
			Path folder = o.toAbsolutePath().normalize().getParent();
			if (!Files.isDirectory(folder)) {
				throw new NiftiException(o, "cannot be written: the folder " + folder + " does not exist");
			}
			OutputPaths.requireNotInput(o, inputs);
			if (modelDir != null && folder.toRealPath().startsWith(modelDir)) {
				throw new IllegalArgumentException(o + " is inside the model bundle " + model + "; write the outputs elsewhere");
			}
			OutputPaths.requireNew(o, overwrite, "--overwrite");
			folders.add(folder);
		}
		for (Path folder : folders) {
			Leftovers.removeIn(folder, spec.commandLine().getOut());
		}
	}

	private Map<String, Object> report(Segmentation s, MriCase c, ModelCard card, String deviceUsed, long t0, long t1,
		long t2, Path probs) {
		Map<String, Object> report = new LinkedHashMap<>(s.provenance());
		report.put("case", c.id());
		report.put("device", deviceUsed);
		report.put("seconds_loading", (t1 - t0) / 1e9);
		report.put("seconds_inference", (t2 - t1) / 1e9);
		long[] h = s.labels().histogram();
		Map<String, Long> voxels = new LinkedHashMap<>();
		for (int label : card.labelMap()) {
			voxels.put(Integer.toString(label), h[label]);
		}
		report.put("voxels_per_label", voxels);
		report.put("output", output.toString());
		if (probs != null) {
			report.put("probabilities", probs.toString());
		}
		return report;
	}

	private String pickModality(ModelCard card) {
		if (modality == null) {
			throw new UsageException("this " + card.role().key() + " model segments one of " + card.modalities()
				+ " at a time: choose one with --modality");
		}
		String m = org.modalitykd.io.Modalities.parseList(modality).get(0);
		if (!card.modalities().contains(m)) {
			throw new UsageException("--modality " + modality + ": the model knows " + card.modalities());
		}
		return m;
	}

	/** OUT.nii.gz -> OUT + suffix + .nii.gz in the same folder. */
	private static Path sibling(Path file, String suffix) {
		String name = file.getFileName().toString();
		String ext = name.endsWith(".nii.gz") ? ".nii.gz" : name.endsWith(".nii") ? ".nii" : "";
		return file.resolveSibling(name.substring(0, name.length() - ext.length()) + suffix + (ext.isEmpty() ? ".nii.gz" : ext));
	}
}

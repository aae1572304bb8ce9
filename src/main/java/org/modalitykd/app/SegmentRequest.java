/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.task.Task;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.volume.Volume;

/**
 * A segmentation described step by step, for scripts and Java; made by
 * {@link ModalityKD#segment}. Every setter returns this request, so a whole run reads
 * as one line:
 *
 * <pre>
 * CaseResult r = ModalityKD.segment(caseFolder).models(modelsFolder).model("auto").tta(true)
 *     .output(labelsFile).run();
 * </pre>
 *
 * Options take their values as enums or as the strings a macro or Jython script has
 * ({@code device("gpu")}, {@code qa("entropy")}); a value that cannot work is refused
 * with one line, when it is set. Options added later get a setter with a default, so
 * a script written today keeps working.
 */
public final class SegmentRequest implements Task<CaseResult> {

	private final Volume images;
	private final Path caseSource;
	private Path models;
	private String model = "auto";
	private String modality;
	private SegmentationOptions options = SegmentationOptions.defaults();
	private SegmentationTool.Qa qa = SegmentationTool.Qa.NONE;
	private Path output;
	private Path probabilities;
	private Path report;
	private boolean overwrite;
	private String overwriteHint = "overwrite(true)";
	private LabelStamp stamp = LabelStamp.CHECKSUM_AND_PROVENANCE;
	private TaskMonitor monitor = TaskMonitor.NONE;

	SegmentRequest(Volume images, Path caseSource) {
		this.images = images;
		this.caseSource = caseSource;
	}

	/** A model bundle, or a folder of bundles to choose from. */
	public SegmentRequest models(Path folder) {
		this.models = folder;
		return this;
	}

	public SegmentRequest models(File folder) {
		return models(folder.toPath());
	}

	public SegmentRequest models(String folder) {
		return models(Path.of(folder));
	}

	/** A bundle name of the models folder, or "auto" (the default): the best model for the modalities present. */
	public SegmentRequest model(String name) {
		this.model = name == null || name.isBlank() ? "auto" : name.trim();
		return this;
	}

	/** Segment only this modality of the case (for a one-modality model, e.g. a student). */
	public SegmentRequest modality(String m) {
		this.modality = m == null || m.isBlank() ? null : Modalities.parseList(m).get(0);
		return this;
	}

	/** Where TensorFlow runs. */
	public SegmentRequest device(org.modalitykd.net.Device d) {
		return options(options.withDevice(d));
	}

	/** {@code cpu}, {@code gpu} or {@code auto}. */
	public SegmentRequest device(String d) {
		return device(SegmentationOptions.parseDevice(d));
	}

	/** Threads per TensorFlow op; 0 (the default) lets TensorFlow choose. */
	public SegmentRequest threads(int n) {
		return options(options.withThreads(n));
	}

	/** Overlap of neighbouring windows, 0 to under 1 (default 0.5). */
	public SegmentRequest overlap(double o) {
		return options(options.withOverlap(o));
	}

	/** Windows per TensorFlow call; by default as many as half the free memory holds, at most 8. */
	public SegmentRequest windowsPerCall(int n) {
		return windowsPerCall(Integer.toString(n));
	}

	/** A number of windows per call, or "auto". */
	public SegmentRequest windowsPerCall(String n) {
		return options(options.withWindowsPerCall(SegmentationOptions.parseWindows(n, "windowsPerCall")));
	}

	/** Average the 8 mirrorings (8x slower). */
	public SegmentRequest tta(boolean on) {
		return options(options.withTta(on));
	}

	/** Voxels at each shared window face that get no weight (default 0). */
	public SegmentRequest margin(int voxels) {
		return options(options.withMargin(voxels));
	}

	/** Predict only inside the box of non-zero voxels (default true). */
	public SegmentRequest cropToNonZero(boolean on) {
		return options(options.withCropToNonZero(on));
	}

	/** Segment even when the channels look like another order of the model's (default false). */
	public SegmentRequest ignoreChannelOrder(boolean on) {
		return options(options.withChannelOrderCheck(!on));
	}

	/** All options at once (e.g. shared by several requests). */
	public SegmentRequest options(SegmentationOptions o) {
		this.options = o;
		return this;
	}

	/** The quality map made beside the labels. */
	public SegmentRequest qa(SegmentationTool.Qa q) {
		this.qa = q;
		return this;
	}

	/** {@code none}, {@code disagreement} or {@code entropy}. */
	public SegmentRequest qa(String q) {
		try {
			return qa(SegmentationTool.Qa.parse(q));
		} catch (IllegalArgumentException e) {
			throw new InvalidSettingException(e.getMessage());
		}
	}

	/** Writes the label map there (a case from files only); with its provenance as a JSON header comment. */
	public SegmentRequest output(Path labels) {
		this.output = labels;
		return this;
	}

	public SegmentRequest output(File labels) {
		return output(labels.toPath());
	}

	public SegmentRequest output(String labels) {
		return output(Path.of(labels));
	}

	/** Also writes the class probabilities (4D float32 NIfTI). */
	public SegmentRequest probabilities(Path file) {
		this.probabilities = file;
		return this;
	}

	/** Also writes the provenance report (JSON: model checksum, tiling, device, timing, voxels per label). */
	public SegmentRequest report(Path file) {
		this.report = file;
		return this;
	}

	/** Replace existing outputs (default false: an existing file is refused and left as it is). */
	public SegmentRequest overwrite(boolean on) {
		this.overwrite = on;
		return this;
	}

	/** How the front end spells "overwrite", for the refusal of an existing file. */
	public SegmentRequest overwriteHint(String hint) {
		this.overwriteHint = hint;
		return this;
	}

	/** How the label map says what made it; only older front ends keep another than the default. */
	public SegmentRequest labelStamp(LabelStamp s) {
		this.stamp = s;
		return this;
	}

	/** Progress and cancel for {@link #run()}. */
	public SegmentRequest monitor(TaskMonitor m) {
		this.monitor = m == null ? TaskMonitor.NONE : m;
		return this;
	}

	/** Segments, blocking until the result (and any file asked for) exists. */
	public CaseResult run() throws IOException {
		return run(monitor);
	}

	@Override
	public CaseResult run(TaskMonitor m) throws IOException {
		if (models == null) {
			throw new InvalidSettingException("no models given: name a model bundle or a folder of bundles with models(...)");
		}
		if (images != null) {
			if (output != null || probabilities != null || report != null) {
				throw new InvalidSettingException("an image in memory is not written to files: segment a case folder "
					+ "for that, or save the labels of the result");
			}
			CaseSegmentation job = CaseSegmentation.withCatalog(ModelCatalog.scan(models), model, options);
			Volume in = modality == null ? images : images.select(List.of(modality));
			return job.segment(in, null, qa, m);
		}
		if (qa != SegmentationTool.Qa.NONE) {
			throw new InvalidSettingException("the quality map is made for an image in memory; open the case first");
		}
		CaseFiles files = CaseLoader.filesOf(caseSource);
		if (modality != null) {
			files = new CaseFiles(files.id(), java.util.Map.of(modality, requireModality(files)), files.labels());
		}
		if (output == null) {
			throw new InvalidSettingException("a case from files is segmented into a file: name it with output(...)");
		}
		SegmentationTargets targets = new SegmentationTargets(output, probabilities, report, stamp, overwrite,
			overwriteHint);
		targets.prepare(files.files(), null);
		return CaseSegmentation.withCatalog(ModelCatalog.scan(models), model, options).segmentFiles(files, targets, m);
	}

	private Path requireModality(CaseFiles files) {
		Path p = files.modalities().get(modality);
		if (p == null) {
			throw new InvalidSettingException("modality " + modality + ": the case has " + files.modalityNames());
		}
		return p;
	}
}

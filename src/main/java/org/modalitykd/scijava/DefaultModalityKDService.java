/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.scijava;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.modalitykd.app.Evaluation;
import org.modalitykd.app.LabelStamp;
import org.modalitykd.app.ModalityKD;
import org.modalitykd.app.StudentDistillation;
import org.modalitykd.app.TeacherTraining;
import org.modalitykd.app.TrainingRequest;
import org.modalitykd.app.UnpairedTraining;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.eval.TumourVolumes;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Manifest;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingParameters;
import org.modalitykd.train.TrainingRun;
import org.modalitykd.volume.Volume;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.app.CaseResult;
import org.modalitykd.app.SegmentRequest;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.task.Task;
import org.scijava.task.TaskService;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** The service over the core operations; holds no state besides its helpers. */
@Plugin(type = Service.class)
public class DefaultModalityKDService extends AbstractService implements ModalityKDService {

	@Parameter(required = false)
	private TaskService tasks;

	private final NiftiReader reader = new NiftiReader();
	private final CaseLoader loader = new CaseLoader();

	@Override
	public MriCase open(Path caseDirOrManifest, List<String> modalities) throws IOException {
		// As it is: segment() screens the channels and leaves an unusable one out, saying so.
		return loader.loadAsIs(caseDirOrManifest, modalities);
	}

	@Override
	public LabelVolume openLabels(Path file) throws IOException {
		return reader.readLabels(file);
	}

	@Override
	public Map<BratsRegion, RegionMetrics> evaluate(LabelVolume prediction, LabelVolume reference) {
		return Evaluation.of(prediction, reference);
	}

	@Override
	public EvaluationReport evaluate(Path predictions, Path references, Path csv, boolean overwrite) throws IOException {
		return new Evaluation(predictions, references, csv, overwrite, "overwrite = true", null).run(TaskMonitor.NONE);
	}

	@Override
	public ModelCatalog.Choice chooseModel(Path models, List<String> modalities) throws IOException {
		return ModelCatalog.scan(models).choose("auto", modalities);
	}

	@Deprecated
	@Override
	public SegmentationTool.Result segment(Volume images, Path models, String model, String device, double overlap,
		boolean tta, String qa) throws IOException {
		return ModalityKD.segment(images).models(models).model(model).device(device).overlap(overlap).tta(tta).qa(qa)
			.run().toToolResult();
	}

	@Deprecated
	@Override
	public SegmentationTool.Result segmentCase(Path caseDirOrManifest, Path models, Path output, boolean overwrite)
		throws IOException {
		return ModalityKD.segment(caseDirOrManifest).models(models).output(output).overwrite(overwrite)
			.overwriteHint("overwrite = true").labelStamp(LabelStamp.MODEL_NAME).run().toToolResult();
	}

	@Override
	public CaseResult run(SegmentRequest request) throws IOException {
		if (tasks == null) {
			return request.run();
		}
		Task task = tasks.createTask("ModalityKD segmentation");
		task.start();
		try {
			return request.run(new SciJavaTaskMonitor(task));
		} finally {
			task.finish();
		}
	}

	@Override
	public Map<String, Double> volumes(LabelVolume labels) {
		return TumourVolumes.of(labels);
	}

	@Override
	public TrainingRun.Outcome train(Path data, List<String> modalities, Path out, TrainingParameters parameters,
		String device, boolean resume, boolean overwrite, TrainingListener listener) throws IOException, InterruptedException {
		TeacherTraining r = ModalityKD.trainTeacher(data);
		if (modalities != null && !modalities.isEmpty()) {
			r.modalities(String.join(",", modalities));
		}
		return run("ModalityKD teacher training", r.parameters(parameters), out, device, resume, overwrite, listener);
	}

	@Override
	public TrainingRun.Outcome distill(Path data, String modality, String method, Path teacher, Path out,
		TrainingParameters parameters, String device, boolean resume, boolean overwrite, TrainingListener listener)
		throws IOException, InterruptedException {
		return distill(data, modality, method, teacher, out, parameters, TrainingJobs.Distillation.DEFAULTS, device,
			resume, overwrite, listener);
	}

	@Override
	public TrainingRun.Outcome distill(Path data, String modality, String method, Path teacher, Path out,
		TrainingParameters parameters, TrainingJobs.Distillation weights, String device, boolean resume,
		boolean overwrite, TrainingListener listener) throws IOException, InterruptedException {
		StudentDistillation r = ModalityKD.distill(data).modality(modality).method(method).teacher(teacher)
			.distillation(weights);
		return run("ModalityKD student training", r.parameters(parameters), out, device, resume, overwrite, listener);
	}

	@Override
	public TrainingRun.Outcome trainUnpaired(Path dataA, String modalityA, Path dataB, String modalityB, Path out,
		TrainingParameters parameters, String device, boolean resume, boolean overwrite, TrainingListener listener)
		throws IOException, InterruptedException {
		UnpairedTraining r = ModalityKD.trainUnpaired(dataA, modalityA).and(dataB, modalityB);
		return run("ModalityKD unpaired training", r.parameters(parameters), out, device, resume, overwrite, listener);
	}

	/** A training request run as a SciJava task when the context has a task service. */
	private TrainingRun.Outcome run(String name, TrainingRequest<?> request, Path out, String device, boolean resume,
		boolean overwrite, TrainingListener listener) throws IOException {
		request.output(out).device(device == null ? "auto" : device).resume(resume).overwrite(overwrite)
			.listener(listener);
		// The service's own spelling of the two flags in the refusal (scripts written for it say resume = true).
		TrainingRun.checkOutput(out, resume, overwrite, "resume = true", "overwrite = true");
		if (tasks == null) {
			return request.run();
		}
		Task task = tasks.createTask(name);
		task.start();
		try {
			return request.run(new SciJavaTaskMonitor(task));
		} finally {
			task.finish();
		}
	}
}

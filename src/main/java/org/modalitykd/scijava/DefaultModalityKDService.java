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
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.eval.TumourVolumes;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Manifest;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.net.Device;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.train.ClassWiseDistillation;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingOption;
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
		List<String> channels = TrainingJobs.modalities(
			String.join(",", modalities == null || modalities.isEmpty() ? Modalities.BRATS : modalities), "modalities");
		SessionOptions session = session(device, out, resume, overwrite);
		return run(TrainingJobs.teacher(data, channels, parameters), out, resume, overwrite, session, listener);
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
		String m = TrainingJobs.modality(modality, "modality");
		TrainingMethod how = TrainingJobs.studentMethod(method, TrainingOption.Spelling.JAVA);
		TrainingJobs.Distillation given = weights == null ? TrainingJobs.Distillation.DEFAULTS : weights;
		// Bad options are refused before the output is looked at or anything is read.
		TrainingJobs.studentObjective(how, teacher != null, given, parameters);
		SessionOptions session = session(device, out, resume, overwrite);
		return run(TrainingJobs.student(data, m, how, teacher, given, parameters), out, resume, overwrite, session,
			listener);
	}

	@Override
	public TrainingRun.Outcome trainUnpaired(Path dataA, String modalityA, Path dataB, String modalityB, Path out,
		TrainingParameters parameters, String device, boolean resume, boolean overwrite, TrainingListener listener)
		throws IOException, InterruptedException {
		String a = TrainingJobs.modality(modalityA, "modalityA");
		String b = TrainingJobs.modality(modalityB, "modalityB");
		SessionOptions session = session(device, out, resume, overwrite);
		return run(TrainingJobs.unpaired(dataA, a, dataB, b, ClassWiseDistillation.DEFAULT_WEIGHT,
			ClassWiseDistillation.DEFAULT_TAU, parameters), out, resume, overwrite, session, listener);
	}

	/** The device, and the checkpoint question settled before data is read: a refusal takes no time. */
	private static SessionOptions session(String device, Path out, boolean resume, boolean overwrite) throws IOException {
		SessionOptions session = new SessionOptions(Device.parse(device), 0, 0);
		TrainingRun.checkOutput(out, resume, overwrite, "resume = true", "overwrite = true");
		return session;
	}

	private static TrainingRun.Outcome run(TrainingJob job, Path out, boolean resume, boolean overwrite,
		SessionOptions session, TrainingListener listener) throws IOException, InterruptedException {
		return TrainingRun.run(job, out, resume, overwrite, session, listener == null ? TrainingListener.NONE : listener);
	}
}

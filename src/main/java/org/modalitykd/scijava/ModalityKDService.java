/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.scijava;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.modalitykd.app.CaseResult;
import org.modalitykd.app.SegmentRequest;
import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingListener;
import org.modalitykd.train.TrainingParameters;
import org.modalitykd.train.TrainingRun;
import org.modalitykd.volume.Volume;
import org.modalitykd.io.MriCase;
import org.modalitykd.volume.LabelVolume;
import org.scijava.service.SciJavaService;

/**
 * ModalityKD for scripts and Java: {@code #@ ModalityKDService kd} in a Jython script
 * gives this service. Every method blocks until its result exists and reports bad input
 * with an exception whose message is one line fit for the user.
 * <p>
 * Training ({@link #train}, {@link #distill}, {@link #trainUnpaired}) writes the bundle
 * {@code out} and beside it {@code out.training/} (checkpoint, {@code training-log.csv});
 * see {@link TrainingRun}. {@code resume} continues the checkpoint there; without it an
 * existing checkpoint or bundle is refused rather than overwritten, unless an
 * {@code overwrite} overload is called with true. The same for the files that
 * {@link #evaluate(Path, Path, Path)} and {@link #segmentCase} write: an existing file is
 * replaced only by the overloads with {@code overwrite} true. The listener overloads report
 * every step and validation and can cancel (a checkpoint and the bundle are written
 * first); listeners are called on the calling thread.
 */
public interface ModalityKDService extends SciJavaService {

	/**
	 * Loads a case from a BraTS folder or a manifest CSV (its first case), as it is: an
	 * empty, constant or NaN modality is kept, and {@link #segment} leaves it out, saying so.
	 *
	 * @param modalities the channels wanted, in order; empty or null for all found
	 */
	MriCase open(Path caseDirOrManifest, List<String> modalities) throws IOException;

	/** Reads a label map (NIfTI, values 0..255). */
	LabelVolume openLabels(Path file) throws IOException;

	/** Dice, HD95, sensitivity, specificity and volumes per BraTS region. */
	Map<BratsRegion, RegionMetrics> evaluate(LabelVolume prediction, LabelVolume reference);

	/**
	 * Evaluates every prediction in {@code predictions} against its reference (matched by
	 * case id) and writes the CSV report.
	 */
	default EvaluationReport evaluate(Path predictions, Path references, Path csv) throws IOException {
		return evaluate(predictions, references, csv, false);
	}

	/** {@link #evaluate(Path, Path, Path)}, replacing an existing {@code csv} only if {@code overwrite}. */
	EvaluationReport evaluate(Path predictions, Path references, Path csv, boolean overwrite) throws IOException;

	/**
	 * The model of {@code models} (a bundle or a folder of bundles) that fits a case with
	 * these modalities; see {@link ModelCatalog#choose}.
	 */
	ModelCatalog.Choice chooseModel(Path models, List<String> modalities) throws IOException;

	/**
	 * Segments an image whose channels are named by modality (as {@link #open} gives).
	 *
	 * @param models  a bundle or a folder of bundles
	 * @param model   a bundle name in that folder, or "auto" for the best fit
	 * @param device  cpu, gpu or auto
	 * @param overlap window overlap in [0, 1), 0.5 usually
	 * @param tta     average the 8 mirrorings (8x slower)
	 * @param qa      none, disagreement or entropy
	 * @deprecated every option in one call breaks each script when an option is added:
	 *             use {@code ModalityKD.segment(images).models(models).model(model)
	 *             .device(device).overlap(overlap).tta(tta).qa(qa).run()}
	 *             ({@link org.modalitykd.app.ModalityKD}), which this calls
	 */
	@Deprecated
	SegmentationTool.Result segment(Volume images, Path models, String model, String device, double overlap, boolean tta,
		String qa) throws IOException;

	/**
	 * Opens a case (all its modalities), segments it with the best model of {@code models}
	 * on the automatic device, and writes the label map to {@code output} atomically
	 * (uint8 NIfTI with the case's geometry).
	 *
	 * @deprecated use {@code ModalityKD.segment(caseDir).models(models).output(output).run()}
	 *             ({@link org.modalitykd.app.ModalityKD}), which this calls
	 */
	@Deprecated
	default SegmentationTool.Result segmentCase(Path caseDirOrManifest, Path models, Path output) throws IOException {
		return segmentCase(caseDirOrManifest, models, output, false);
	}

	/**
	 * {@link #segmentCase(Path, Path, Path)}, replacing an existing {@code output} only if
	 * {@code overwrite}; an output that is one of the case's files is always refused.
	 *
	 * @deprecated use {@code ModalityKD.segment(caseDir).models(models).output(output)
	 *             .overwrite(overwrite).run()} ({@link org.modalitykd.app.ModalityKD}), which this calls
	 */
	@Deprecated
	SegmentationTool.Result segmentCase(Path caseDirOrManifest, Path models, Path output, boolean overwrite)
		throws IOException;

	/**
	 * Runs a segmentation made with {@link org.modalitykd.app.ModalityKD#segment} as a
	 * SciJava task: Fiji lists it with its progress, and cancelling it there stops the
	 * segmentation between window batches (a {@link java.util.concurrent.CancellationException}).
	 */
	CaseResult run(SegmentRequest request) throws IOException;

	/** Volumes in mL: WT, TC, ET, then label_1, label_2, label_4 (and any other label present). */
	Map<String, Double> volumes(LabelVolume labels);

	/**
	 * Trains a teacher on {@code modalities} (null or empty: t1, t1ce, t2, flair) of the
	 * labelled cases under {@code data} (BraTS layout).
	 *
	 * @param device cpu, gpu or auto
	 */
	default TrainingRun.Outcome train(Path data, List<String> modalities, Path out, TrainingParameters parameters,
		String device, boolean resume) throws IOException, InterruptedException {
		return train(data, modalities, out, parameters, device, resume, TrainingListener.NONE);
	}

	/** {@link #train(Path, List, Path, TrainingParameters, String, boolean)} reporting to {@code listener}. */
	default TrainingRun.Outcome train(Path data, List<String> modalities, Path out, TrainingParameters parameters,
		String device, boolean resume, TrainingListener listener) throws IOException, InterruptedException {
		return train(data, modalities, out, parameters, device, resume, false, listener);
	}

	/** As above; {@code overwrite} (without {@code resume}) starts afresh over an existing bundle and checkpoint. */
	TrainingRun.Outcome train(Path data, List<String> modalities, Path out, TrainingParameters parameters, String device,
		boolean resume, boolean overwrite, TrainingListener listener) throws IOException, InterruptedException;

	/**
	 * Trains a one-modality network on {@code modality} of the cases under {@code data}:
	 * method {@code none} (the baseline; {@code teacher} null), or {@code kdnet} /
	 * {@code protokd} distilled from the {@code teacher} bundle (the cases must then hold
	 * the teacher's modalities; the student copies the teacher's levels and filters).
	 */
	default TrainingRun.Outcome distill(Path data, String modality, String method, Path teacher, Path out,
		TrainingParameters parameters, String device, boolean resume) throws IOException, InterruptedException {
		return distill(data, modality, method, teacher, out, parameters, device, resume, TrainingListener.NONE);
	}

	/** {@link #distill(Path, String, String, Path, Path, TrainingParameters, String, boolean)} reporting to {@code listener}. */
	default TrainingRun.Outcome distill(Path data, String modality, String method, Path teacher, Path out,
		TrainingParameters parameters, String device, boolean resume, TrainingListener listener)
		throws IOException, InterruptedException {
		return distill(data, modality, method, teacher, out, parameters, device, resume, false, listener);
	}

	/** As above; {@code overwrite} (without {@code resume}) starts afresh over an existing bundle and checkpoint. */
	TrainingRun.Outcome distill(Path data, String modality, String method, Path teacher, Path out,
		TrainingParameters parameters, String device, boolean resume, boolean overwrite, TrainingListener listener)
		throws IOException, InterruptedException;

	/**
	 * As above with the method's own options in place of its defaults, e.g.
	 * {@code TrainingJobs.Distillation.DEFAULTS.withLatentLoss("kl")} for KD-Net's KL latent
	 * term (parameter names in errors: {@code kdWeight}, {@code latentLoss}, ...). The
	 * segmentation loss of every training is {@code parameters.withSegmentationLoss("official")}.
	 */
	default TrainingRun.Outcome distill(Path data, String modality, String method, Path teacher, Path out,
		TrainingParameters parameters, TrainingJobs.Distillation weights, String device, boolean resume,
		boolean overwrite, TrainingListener listener) throws IOException, InterruptedException {
		if (weights != null && !weights.equals(TrainingJobs.Distillation.DEFAULTS)) {
			throw new UnsupportedOperationException("this service trains with the methods' default options only");
		}
		return distill(data, modality, method, teacher, out, parameters, device, resume, overwrite, listener);
	}

	/**
	 * Trains one network on two unpaired modalities (Dou et al.; default KD weight 0.5,
	 * tau 2): {@code modalityA} of the cases under {@code dataA} and {@code modalityB} of
	 * those under {@code dataB}.
	 */
	default TrainingRun.Outcome trainUnpaired(Path dataA, String modalityA, Path dataB, String modalityB, Path out,
		TrainingParameters parameters, String device, boolean resume) throws IOException, InterruptedException {
		return trainUnpaired(dataA, modalityA, dataB, modalityB, out, parameters, device, resume, TrainingListener.NONE);
	}

	/** {@link #trainUnpaired(Path, String, Path, String, Path, TrainingParameters, String, boolean)} reporting to {@code listener}. */
	default TrainingRun.Outcome trainUnpaired(Path dataA, String modalityA, Path dataB, String modalityB, Path out,
		TrainingParameters parameters, String device, boolean resume, TrainingListener listener)
		throws IOException, InterruptedException {
		return trainUnpaired(dataA, modalityA, dataB, modalityB, out, parameters, device, resume, false, listener);
	}

	/** As above; {@code overwrite} (without {@code resume}) starts afresh over an existing bundle and checkpoint. */
	TrainingRun.Outcome trainUnpaired(Path dataA, String modalityA, Path dataB, String modalityB, Path out,
		TrainingParameters parameters, String device, boolean resume, boolean overwrite, TrainingListener listener)
		throws IOException, InterruptedException;
}

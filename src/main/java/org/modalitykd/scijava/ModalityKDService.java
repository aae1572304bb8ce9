package org.modalitykd.scijava;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.volume.Volume;
import org.modalitykd.io.MriCase;
import org.modalitykd.volume.LabelVolume;
import org.scijava.service.SciJavaService;

/**
 * ModalityKD for scripts and Java: {@code #@ ModalityKDService kd} in a Jython script
 * gives this service. Every method blocks until its result exists and reports bad input
 * with an exception whose message is one line fit for the user.
 */
public interface ModalityKDService extends SciJavaService {

	/**
	 * Loads a case from a BraTS folder or a manifest CSV (its first case).
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
	EvaluationReport evaluate(Path predictions, Path references, Path csv) throws IOException;

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
	 */
	SegmentationTool.Result segment(Volume images, Path models, String model, String device, double overlap, boolean tta,
		String qa) throws IOException;

	/**
	 * Opens a case (all its modalities), segments it with the best model of {@code models}
	 * on the automatic device, and writes the label map to {@code output} atomically
	 * (uint8 NIfTI with the case's geometry).
	 */
	SegmentationTool.Result segmentCase(Path caseDirOrManifest, Path models, Path output) throws IOException;

	/** Volumes in mL: WT, TC, ET, then label_1, label_2, label_4 (and any other label present). */
	Map<String, Double> volumes(LabelVolume labels);
}

package org.modalitykd.scijava;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.RegionMetrics;
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
}

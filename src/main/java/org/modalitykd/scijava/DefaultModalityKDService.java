package org.modalitykd.scijava;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.modalitykd.eval.BratsRegion;
import org.modalitykd.eval.EvaluationReport;
import org.modalitykd.eval.PredictionPairs;
import org.modalitykd.eval.RegionMetrics;
import org.modalitykd.eval.SegmentationEvaluator;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.volume.LabelVolume;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** The service over the core operations; holds no state besides its helpers. */
@Plugin(type = Service.class)
public class DefaultModalityKDService extends AbstractService implements ModalityKDService {

	private final NiftiReader reader = new NiftiReader();
	private final CaseLoader loader = new CaseLoader();
	private final SegmentationEvaluator evaluator = new SegmentationEvaluator();

	@Override
	public MriCase open(Path caseDirOrManifest, List<String> modalities) throws IOException {
		return loader.load(caseDirOrManifest, modalities);
	}

	@Override
	public LabelVolume openLabels(Path file) throws IOException {
		return reader.readLabels(file);
	}

	@Override
	public Map<BratsRegion, RegionMetrics> evaluate(LabelVolume prediction, LabelVolume reference) {
		return evaluator.evaluate(prediction, reference);
	}

	@Override
	public EvaluationReport evaluate(Path predictions, Path references, Path csv) throws IOException {
		PredictionPairs.Result match = PredictionPairs.match(predictions, references);
		if (match.pairs().isEmpty()) {
			throw new NiftiException(predictions, "no prediction matches a reference by case id");
		}
		EvaluationReport report = new EvaluationReport();
		for (PredictionPairs.Pair p : match.pairs()) {
			report.add(p.caseId(), evaluator.evaluate(reader.readLabels(p.prediction()), reader.readLabels(p.reference())));
		}
		report.writeCsv(csv);
		return report;
	}
}

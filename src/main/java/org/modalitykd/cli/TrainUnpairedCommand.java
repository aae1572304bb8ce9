package org.modalitykd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.modalitykd.data.CaseSplit;
import org.modalitykd.net.ModelRole;
import org.modalitykd.train.Objective;
import org.modalitykd.train.TrainingDataset;
import org.modalitykd.train.TrainingJob;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingSchedule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train-unpaired --data-a DIR --modality-a M --data-b DIR --modality-b M --out BUNDLE [--kd-weight 0.5 --tau 2]}. */
@Command(name = "train-unpaired", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Train one network on two unpaired modalities (Dou et al.): shared convolution kernels, "
		+ "per-modality normalisation, Dice + cross-entropy per modality and the symmetric KL between the two "
		+ "modalities' class-wise prediction distributions; both batches in each optimiser step.",
		"Segment with it per modality: segment --model OUT --modality M." })
final class TrainUnpairedCommand implements Callable<Integer> {

	@Option(names = "--data-a", required = true, paramLabel = "DIR", description = "Cases of the first modality, with labels.")
	Path dataA;

	@Option(names = "--modality-a", required = true, paramLabel = "M", description = "The first modality (normalisation slot 0).")
	String modalityA;

	@Option(names = "--data-b", required = true, paramLabel = "DIR", description = "Cases of the second modality, with labels (other subjects are fine).")
	Path dataB;

	@Option(names = "--modality-b", required = true, paramLabel = "M", description = "The second modality (normalisation slot 1).")
	String modalityB;

	@Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "The model bundle folder to write.")
	Path out;

	@Option(names = "--kd-weight", defaultValue = "0.5", description = "Weight of the class-wise KD term (default: ${DEFAULT-VALUE}).")
	double kdWeight;

	@Option(names = "--tau", defaultValue = "2", description = "Softening temperature of the class-wise distributions (default: ${DEFAULT-VALUE}).")
	double tau;

	@Mixin
	TrainingOptions options;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		String a = TrainingCommands.modality(modalityA, "--modality-a");
		String b = TrainingCommands.modality(modalityB, "--modality-b");
		if (a.equals(b)) {
			throw new UsageException("--modality-a and --modality-b are both " + a + "; unpaired training joins two modalities");
		}
		Objective objective;
		try {
			objective = options.objective(Objective.defaults(TrainingMethod.UNPAIRED)).withDistillation(kdWeight, tau);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		options.sessionOptions();
		TrainingDataset first = TrainingDataset.load(dataA, List.of(a));
		TrainingDataset second = TrainingDataset.load(dataB, List.of(b));
		if (!sameSpacing(first.spacing(), second.spacing())) {
			throw new IllegalArgumentException("the two datasets have different voxel sizes ("
				+ java.util.Arrays.toString(first.spacing()) + " and " + java.util.Arrays.toString(second.spacing())
				+ " mm); resample one of them");
		}
		TrainingSchedule schedule = options.schedule(
			CaseSplit.of(first.ids(), options.validationFraction, options.seed).training().size());
		var network = options.network(1).withNormalization(org.modalitykd.net.UNetConfig.defaults(1, 4).normalization(), 2);
		TrainingJob job = TrainingCommands.job(() -> new TrainingJob(ModelRole.UNPAIRED, objective, network,
			List.of(a, b), first, second, null, schedule));
		return TrainingConsole.run(job, out, options, spec.commandLine().getOut());
	}

	private static boolean sameSpacing(double[] x, double[] y) {
		for (int d = 0; d < 3; d++) {
			if (Math.abs(x[d] - y[d]) > 0.05 * x[d]) {
				return false;
			}
		}
		return true;
	}
}

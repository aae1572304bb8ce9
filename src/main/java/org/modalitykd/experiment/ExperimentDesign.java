package org.modalitykd.experiment;

import java.util.ArrayList;
import java.util.List;

import org.modalitykd.io.Modalities;
import org.modalitykd.train.TrainingMethod;

/**
 * What the seed experiment trains and what it reports, after ProtoKD's Table 1: a teacher
 * on all modalities; per modality a baseline, a KD-Net and a ProtoKD student; and the
 * unpaired method on two modalities from disjoint case sets against each modality trained
 * alone on its own set.
 */
public final class ExperimentDesign {

	/** Which cases of the pool a network trains on. */
	public enum Cases {
		/** every pool case */
		ALL,
		/** the first half of the pool (by id), the first unpaired modality's subjects */
		FIRST_HALF,
		/** the second half, the other modality's subjects */
		SECOND_HALF
	}

	/**
	 * A network to train once per seed.
	 *
	 * @param name       its folder name, also the key in the records
	 * @param method     supervised, KD-Net, ProtoKD or unpaired
	 * @param modalities its input channels; for the unpaired network one slot per modality
	 * @param cases      which pool cases it sees (for unpaired: those of the first modality)
	 */
	public record Training(String name, TrainingMethod method, List<String> modalities, Cases cases) {

		public Training {
			modalities = List.copyOf(modalities);
		}

		public boolean isTeacher() {
			return name.equals(TEACHER);
		}
	}

	/**
	 * A line of the results table: a trained network segmenting the test cases.
	 *
	 * @param label    what the table calls it
	 * @param training the network
	 * @param modality the one modality it reads at test time, or null for all of its channels
	 * @param baseline the label of the row it is compared with, or null
	 */
	public record Row(String label, Training training, String modality, String baseline) {
	}

	static final String TEACHER = "teacher";

	private final List<Training> trainings = new ArrayList<>();
	private final List<Row> rows = new ArrayList<>();

	public ExperimentDesign(ExperimentPlan plan) {
		Training teacher = new Training(TEACHER, TrainingMethod.SUPERVISED, Modalities.BRATS, Cases.ALL);
		trainings.add(teacher);
		rows.add(new Row("teacher (all four)", teacher, null, null));
		for (String m : plan.studentModalities()) {
			String base = m + " baseline";
			add(new Training(m + "-baseline", TrainingMethod.SUPERVISED, List.of(m), Cases.ALL), base, null);
			add(new Training(m + "-kdnet", TrainingMethod.KD_NET, List.of(m), Cases.ALL), m + " KD-Net", base);
			add(new Training(m + "-protokd", TrainingMethod.PROTOKD, List.of(m), Cases.ALL), m + " ProtoKD", base);
		}
		String a = plan.unpairedModalities().get(0);
		String b = plan.unpairedModalities().get(1);
		add(new Training(a + "-alone", TrainingMethod.SUPERVISED, List.of(a), Cases.FIRST_HALF), a + " alone (half)", null);
		add(new Training(b + "-alone", TrainingMethod.SUPERVISED, List.of(b), Cases.SECOND_HALF), b + " alone (half)", null);
		Training unpaired = new Training(a + "-" + b + "-unpaired", TrainingMethod.UNPAIRED, List.of(a, b), Cases.FIRST_HALF);
		trainings.add(unpaired);
		rows.add(new Row(a + " unpaired", unpaired, a, a + " alone (half)"));
		rows.add(new Row(b + " unpaired", unpaired, b, b + " alone (half)"));
	}

	private void add(Training t, String label, String baseline) {
		trainings.add(t);
		rows.add(new Row(label, t, t.modalities().size() == 1 ? t.modalities().get(0) : null, baseline));
	}

	/** In training order: the teacher first, as the students need it. */
	public List<Training> trainings() {
		return List.copyOf(trainings);
	}

	public List<Row> rows() {
		return List.copyOf(rows);
	}

	public List<Row> rowsOf(Training t) {
		return rows.stream().filter(r -> r.training().equals(t)).toList();
	}

	public Row row(String label) {
		return rows.stream().filter(r -> r.label().equals(label)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no row " + label));
	}
}

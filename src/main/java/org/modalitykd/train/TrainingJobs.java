package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.modalitykd.data.CaseSplit;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.UNetConfig;

/**
 * Builds the {@link TrainingJob} of each kind of run from folders, modality names and
 * {@link TrainingParameters}: the one place the command line, the Fiji dialogs and the
 * scripting service share, so that they train the same network on the same data for the
 * same settings. Errors are {@link IllegalArgumentException}s whose one-line message
 * names the field ({@code what}) at fault.
 */
public final class TrainingJobs {

	/**
	 * Distillation weights that replace a method's defaults; null keeps the default.
	 *
	 * @param weight          KD-Net lambda_kd or ProtoKD alpha
	 * @param temperature     KD-Net or ProtoKD T
	 * @param featureWeight   KD-Net bottleneck L2 weight
	 * @param prototypeWeight ProtoKD I2FV weight beta
	 */
	public record Distillation(Double weight, Double temperature, Double featureWeight, Double prototypeWeight) {

		/** The method's defaults (METHODS.md). */
		public static final Distillation DEFAULTS = new Distillation(null, null, null, null);

		/** A method's objective with these weights; an error when a weight does not belong to the method. */
		public Objective applyTo(Objective o) {
			TrainingMethod m = o.method();
			if (m == TrainingMethod.SUPERVISED && !equals(DEFAULTS)) {
				throw new IllegalArgumentException("method none has no distillation terms to weigh");
			}
			if ((featureWeight != null && m != TrainingMethod.KD_NET) || (prototypeWeight != null && m != TrainingMethod.PROTOKD)) {
				throw new IllegalArgumentException("the feature weight belongs to kdnet and the prototype weight to protokd");
			}
			if (weight != null || temperature != null) {
				o = o.withDistillation(weight != null ? weight : o.distillationWeight(),
					temperature != null ? temperature : o.temperature());
			}
			if (featureWeight != null) {
				o = o.withFeatureWeight(featureWeight);
			}
			if (prototypeWeight != null) {
				o = o.withPrototypeWeight(prototypeWeight);
			}
			return o;
		}
	}

	private TrainingJobs() {
	}

	/** Known, distinct modality names from a comma-separated list ({@code t1,t1ce}). */
	public static List<String> modalities(String csv, String what) {
		List<String> list = Modalities.parseList(csv == null ? "" : csv);
		if (list.isEmpty()) {
			throw new IllegalArgumentException(what + " names no modality");
		}
		for (String m : list) {
			if (!Modalities.KNOWN.contains(m)) {
				throw new IllegalArgumentException(what + ": unknown modality '" + m + "'; expected "
					+ String.join(", ", Modalities.KNOWN));
			}
		}
		if (list.stream().distinct().count() != list.size()) {
			throw new IllegalArgumentException(what + " names a modality twice: " + csv);
		}
		return list;
	}

	/** One known modality name. */
	public static String modality(String value, String what) {
		List<String> list = modalities(value, what);
		if (list.size() != 1) {
			throw new IllegalArgumentException(what + " takes one modality, got " + value);
		}
		return list.get(0);
	}

	/** A teacher (or any all-modality network): Dice + cross-entropy on {@code modalities}. */
	public static TrainingJob teacher(Path data, List<String> modalities, TrainingParameters p) throws IOException {
		p.check();
		return teacher(TrainingDataset.load(data, modalities), p);
	}

	/** A teacher on cases already read; its inputs are the dataset's modalities. */
	public static TrainingJob teacher(TrainingDataset dataset, TrainingParameters p) {
		return new TrainingJob(ModelRole.TEACHER, p.objective(TrainingMethod.SUPERVISED),
			p.network(dataset.modalities().size()), dataset.modalities(), dataset, null, null, schedule(p, dataset));
	}

	/**
	 * A one-modality network: the baseline ({@code method} SUPERVISED, no teacher) or a
	 * student distilled from the frozen {@code teacher} bundle (KD-Net, ProtoKD). A
	 * student copies its teacher's architecture on one channel (the features it is
	 * compared with must have the same shapes), so {@code p}'s levels and filters apply
	 * to the baseline only.
	 */
	public static TrainingJob student(Path data, String modality, TrainingMethod method, Path teacher,
		Distillation weights, TrainingParameters p) throws IOException {
		checkStudent(method, teacher != null);
		// Bad weights and schedules fail here, before the teacher and the cases are read.
		weights.applyTo(p.objective(method));
		p.schedule(1);
		TeacherModel t = teacher == null ? null : TeacherModel.load(teacher);
		if (t == null) {
			p.check();
		} else {
			t.channelOf(modality);
		}
		return student(TrainingDataset.load(data, t == null ? List.of(modality) : t.modalities()), modality, method, t,
			weights, p);
	}

	/**
	 * The same on cases already read: they hold {@code modality} for a baseline, the
	 * teacher's modalities for a distilled student.
	 */
	public static TrainingJob student(TrainingDataset dataset, String modality, TrainingMethod method, TeacherModel t,
		Distillation weights, TrainingParameters p) {
		checkStudent(method, t != null);
		Objective objective = weights.applyTo(p.objective(method));
		UNetConfig network = t == null ? p.network(1) : t.config().withInputChannels(1).withSeed(p.seed());
		return new TrainingJob(t == null ? ModelRole.BASELINE : ModelRole.STUDENT, objective, network, List.of(modality),
			dataset, null, t, schedule(p, dataset));
	}

	private static void checkStudent(TrainingMethod method, boolean hasTeacher) {
		if (method == TrainingMethod.UNPAIRED) {
			throw new IllegalArgumentException("unpaired training takes two datasets; it is not a student method");
		}
		if (method.needsTeacher() && !hasTeacher) {
			throw new IllegalArgumentException("method " + method.key() + " distils a teacher: give its bundle");
		}
		if (!method.needsTeacher() && hasTeacher) {
			throw new IllegalArgumentException("method none trains without a teacher; leave the teacher out (or use kdnet "
				+ "or protokd)");
		}
	}

	/**
	 * One network on two unpaired modalities (Dou et al.): shared kernels, one
	 * normalisation slot per modality, the class-wise KD term with {@code kdWeight} and
	 * softening temperature {@code tau}.
	 */
	public static TrainingJob unpaired(Path dataA, String modalityA, Path dataB, String modalityB, double kdWeight,
		double tau, TrainingParameters p) throws IOException {
		if (modalityA.equals(modalityB)) {
			throw new IllegalArgumentException("both modalities are " + modalityA
				+ "; unpaired training joins two modalities");
		}
		// Bad weights and parameters fail here, before the cases are read.
		p.objective(TrainingMethod.UNPAIRED).withDistillation(kdWeight, tau);
		p.check();
		return unpaired(TrainingDataset.load(dataA, List.of(modalityA)), TrainingDataset.load(dataB, List.of(modalityB)),
			kdWeight, tau, p);
	}

	/** The same on cases already read, one modality in each dataset. */
	public static TrainingJob unpaired(TrainingDataset first, TrainingDataset second, double kdWeight, double tau,
		TrainingParameters p) {
		Objective objective = p.objective(TrainingMethod.UNPAIRED).withDistillation(kdWeight, tau);
		if (!sameSpacing(first.spacing(), second.spacing())) {
			throw new IllegalArgumentException("the two datasets have different voxel sizes ("
				+ Arrays.toString(first.spacing()) + " and " + Arrays.toString(second.spacing()) + " mm); resample one of them");
		}
		UNetConfig network = p.network(1).withNormalization(UNetConfig.defaults(1, 4).normalization(), 2);
		return new TrainingJob(ModelRole.UNPAIRED, objective, network, List.of(first.modalities().get(0),
			second.modalities().get(0)), first, second, null, schedule(p, first));
	}

	private static TrainingSchedule schedule(TrainingParameters p, TrainingDataset data) {
		return p.schedule(CaseSplit.of(data.ids(), p.validationFraction(), p.seed()).training().size());
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

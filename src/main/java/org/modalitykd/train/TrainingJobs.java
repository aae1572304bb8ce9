/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.data.CaseSplit;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.UNetConfig;

/**
 * Builds the {@link TrainingJob} of each kind of run from folders, modality names and
 * {@link TrainingParameters}: the one place the command line, the Fiji dialogs, the
 * scripting service and the experiment share, so that they train the same network on the
 * same data for the same settings, and the one place that checks the method, its teacher
 * and its weights. A bad option is an {@link InvalidOptionException} whose one-line
 * message names the option as the calling front end spells it ({@link TrainingOption.Spelling});
 * other errors (unreadable data, a teacher without the student's modality) are
 * {@link IllegalArgumentException}s or {@link IOException}s.
 */
public final class TrainingJobs {

	/**
	 * Distillation settings that replace a method's defaults; null keeps the default.
	 *
	 * @param weight             KD-Net lambda_kd or ProtoKD alpha ({@link TrainingOption#KD_WEIGHT})
	 * @param temperature        KD-Net or ProtoKD T ({@link TrainingOption#TEMPERATURE})
	 * @param featureWeight      KD-Net bottleneck L2 weight ({@link TrainingOption#FEATURE_WEIGHT})
	 * @param prototypeWeight    ProtoKD I2FV weight beta ({@link TrainingOption#PROTO_WEIGHT})
	 * @param latentLoss         KD-Net's latent term, mse or kl ({@link TrainingOption#LATENT_LOSS})
	 * @param temperatureSquared KD-Net: the logit KL times T^2 or not ({@link TrainingOption#TEMPERATURE_SQUARED})
	 * @param warmup             share of the steps over which the distillation weights rise
	 *                           from 0 ({@link TrainingOption#KD_WARMUP})
	 */
	public record Distillation(Double weight, Double temperature, Double featureWeight, Double prototypeWeight,
		String latentLoss, Boolean temperatureSquared, Double warmup) {

		/** The method's defaults (METHODS.md). */
		public static final Distillation DEFAULTS = new Distillation(null, null, null, null, null, null, null);

		/** These weights, KD-Net's latent term left at its default. */
		public Distillation(Double weight, Double temperature, Double featureWeight, Double prototypeWeight) {
			this(weight, temperature, featureWeight, prototypeWeight, null, null, null);
		}

		/** These weights and KD-Net latent term. */
		public Distillation(Double weight, Double temperature, Double featureWeight, Double prototypeWeight,
			String latentLoss) {
			this(weight, temperature, featureWeight, prototypeWeight, latentLoss, null, null);
		}

		/** The same with the logit term's weight (KD-Net lambda, ProtoKD alpha; null: the default). */
		public Distillation withWeight(Double w) {
			return new Distillation(w, temperature, featureWeight, prototypeWeight, latentLoss, temperatureSquared, warmup);
		}

		/** The same with the softening temperature T (null: the default). */
		public Distillation withTemperature(Double t) {
			return new Distillation(weight, t, featureWeight, prototypeWeight, latentLoss, temperatureSquared, warmup);
		}

		/** The same with KD-Net's latent term weight (null: the default). */
		public Distillation withFeatureWeight(Double w) {
			return new Distillation(weight, temperature, w, prototypeWeight, latentLoss, temperatureSquared, warmup);
		}

		/** The same with ProtoKD's prototype term weight beta (null: the default). */
		public Distillation withPrototypeWeight(Double w) {
			return new Distillation(weight, temperature, featureWeight, w, latentLoss, temperatureSquared, warmup);
		}

		/** The same with KD-Net's latent term {@code value} (mse or kl; null: the default). */
		public Distillation withLatentLoss(String value) {
			return new Distillation(weight, temperature, featureWeight, prototypeWeight, value, temperatureSquared, warmup);
		}

		/** The same with KD-Net's logit term times T^2 or not (null: the default, on). */
		public Distillation withTemperatureSquared(Boolean on) {
			return new Distillation(weight, temperature, featureWeight, prototypeWeight, latentLoss, on, warmup);
		}

		/** The same with the distillation weights warmed up over {@code share} of the steps (null: none). */
		public Distillation withWarmup(Double share) {
			return new Distillation(weight, temperature, featureWeight, prototypeWeight, latentLoss, temperatureSquared,
				share);
		}

		/** The options given, by option. */
		public Map<TrainingOption, Double> given() {
			Map<TrainingOption, Double> m = new EnumMap<>(TrainingOption.class);
			put(m, TrainingOption.KD_WEIGHT, weight);
			put(m, TrainingOption.TEMPERATURE, temperature);
			put(m, TrainingOption.FEATURE_WEIGHT, featureWeight);
			put(m, TrainingOption.PROTO_WEIGHT, prototypeWeight);
			return m;
		}

		private static void put(Map<TrainingOption, Double> m, TrainingOption o, Double v) {
			if (v != null) {
				m.put(o, v);
			}
		}

		/**
		 * A method's objective with these settings.
		 *
		 * @throws InvalidOptionException when a setting does not belong to the method or is bad
		 */
		public Objective applyTo(Objective o) {
			MethodLosses m = MethodLosses.of(o.method(), given());
			if (latentLoss != null) {
				LatentLoss l = LatentLoss.parse(latentLoss);
				m = kdNet(m, TrainingOption.LATENT_LOSS, "latent term").withLatentLoss(l);
			}
			if (temperatureSquared != null) {
				m = kdNet(m, TrainingOption.TEMPERATURE_SQUARED, "T^2 factor").withTemperatureSquared(temperatureSquared);
			}
			Objective out = o.withMethodLosses(m);
			return warmup == null ? out : out.withDistillationWarmup(warmup);
		}

		private static KdNetLosses kdNet(MethodLosses m, TrainingOption option, String what) {
			if (!(m instanceof KdNetLosses kdNet)) {
				throw new InvalidOptionException(option, "method " + m.method().optionValue() + " has no " + what
					+ " (it is kdnet's); leave it out");
			}
			return kdNet;
		}
	}

	private TrainingJobs() {
	}

	/**
	 * The method of a one-modality network from its option value (none, kdnet, protokd).
	 *
	 * @throws InvalidOptionException naming the method option as {@code s} spells it
	 */
	public static TrainingMethod studentMethod(String value, TrainingOption.Spelling s) {
		try {
			return TrainingMethod.parseStudentMethod(value);
		} catch (InvalidOptionException e) {
			throw e.spelled(s);
		}
	}

	/**
	 * The objective of a one-modality network: the method's terms with {@code weights}, the
	 * parameters' segmentation weights and weight decay. This is the check of a student's
	 * options: the method takes a teacher exactly when it distils one, and each weight
	 * belongs to the method and has a usable value.
	 *
	 * @throws InvalidOptionException naming the option at fault (Java spelling)
	 */
	public static Objective studentObjective(TrainingMethod method, boolean hasTeacher, Distillation weights,
		TrainingParameters p) {
		if (method.twoModalities()) {
			throw new InvalidOptionException(TrainingOption.METHOD,
				"unpaired training takes two datasets; it is not a student method");
		}
		if (method.needsTeacher() && !hasTeacher) {
			throw new InvalidOptionException(TrainingOption.TEACHER, "method " + method.optionValue()
				+ " distils a teacher: give its bundle");
		}
		if (!method.needsTeacher() && hasTeacher) {
			throw new InvalidOptionException(TrainingOption.TEACHER, "method " + method.optionValue()
				+ " trains without a teacher; leave the teacher out (or use kdnet or protokd)");
		}
		requireSharedNormalization(p);
		return weights.applyTo(p.objective(method));
	}

	/**
	 * The objective of an unpaired network on modalities {@code a} and {@code b}.
	 *
	 * @throws InvalidOptionException naming the option at fault (Java spelling)
	 */
	public static Objective unpairedObjective(String a, String b, double kdWeight, double tau, TrainingParameters p) {
		if (a.equals(b)) {
			throw new InvalidOptionException(TrainingOption.MODALITY_B, "both modalities are " + a
				+ "; unpaired training joins two modalities");
		}
		return p.objective(TrainingMethod.UNPAIRED).withMethodLosses(MethodLosses.of(TrainingMethod.UNPAIRED,
			Map.of(TrainingOption.KD_WEIGHT, kdWeight, TrainingOption.TAU, tau)));
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
		requireSharedNormalization(p);
		return teacher(TrainingDataset.load(data, modalities), p);
	}

	/** A teacher on cases already read; its inputs are the dataset's modalities. */
	public static TrainingJob teacher(TrainingDataset dataset, TrainingParameters p) {
		requireSharedNormalization(p);
		UNetConfig network = p.network(dataset.modalities().size());
		if (p.normalization() != null) {
			network = p.normalization().applyTo(network, 1);
		}
		return new TrainingJob(ModelRole.TEACHER, p.objective(TrainingMethod.SUPERVISED), network, dataset.modalities(),
			dataset.withCache(p.cache()), null, null, schedule(p, dataset));
	}

	/**
	 * Refuses a per-modality normalisation outside unpaired training: a network that reads
	 * its modalities as channels of one image has no modality per sample to pick a slot by.
	 */
	private static void requireSharedNormalization(TrainingParameters p) {
		if (p.normalization() != null && p.normalization().perModality()) {
			throw new InvalidOptionException(TrainingOption.NORMALIZATION, p.normalization().key()
				+ " is for unpaired training (one network, one modality at a time); choose instance or batch");
		}
	}

	/**
	 * A one-modality network: the baseline ({@code method} SUPERVISED, no teacher) or a
	 * student distilled from the frozen {@code teacher} bundle (KD-Net, ProtoKD). A
	 * student copies its teacher's architecture on one channel (the features it is
	 * compared with must have the same shapes), so {@code p}'s levels and filters apply
	 * to the baseline only; its upsampling is the teacher's unless {@code p} names one. Option errors name the option in the Java spelling.
	 */
	public static TrainingJob student(Path data, String modality, TrainingMethod method, Path teacher,
		Distillation weights, TrainingParameters p) throws IOException {
		return student(data, modality, method, teacher, weights, p, TrainingOption.Spelling.JAVA);
	}

	/** The same, with option errors spelled as front end {@code s} names its options. */
	public static TrainingJob student(Path data, String modality, TrainingMethod method, Path teacher,
		Distillation weights, TrainingParameters p, TrainingOption.Spelling s) throws IOException {
		try {
			// Bad options and schedules fail here, before the teacher and the cases are read.
			studentObjective(method, teacher != null, weights, p);
		} catch (InvalidOptionException e) {
			throw e.spelled(s);
		}
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
		Objective objective = studentObjective(method, t != null, weights, p);
		UNetConfig network = t == null ? p.network(1) : t.config().withInputChannels(1).withSeed(p.seed());
		if (t != null && p.upsampling() != null) {
			// The upsampling changes neither the bottleneck nor the decoder features the
			// distillation terms compare, so a student may choose its own.
			network = network.withUpsampling(p.upsampling());
		}
		if (p.normalization() != null) {
			network = p.normalization().applyTo(network, 1);
		}
		return new TrainingJob(t == null ? ModelRole.BASELINE : ModelRole.STUDENT, objective, network, List.of(modality),
			dataset.withCache(p.cache()), null, t, schedule(p, dataset));
	}

	/**
	 * One network on two unpaired modalities (Dou et al.): shared kernels, by default one
	 * batch-normalisation slot per modality ({@link NetworkNormalization#MODALITY_BATCH}), the class-wise KD term with {@code kdWeight} and
	 * softening temperature {@code tau}. Option errors name the option in the Java spelling.
	 */
	public static TrainingJob unpaired(Path dataA, String modalityA, Path dataB, String modalityB, double kdWeight,
		double tau, TrainingParameters p) throws IOException {
		return unpaired(dataA, modalityA, dataB, modalityB, kdWeight, tau, p, TrainingOption.Spelling.JAVA);
	}

	/** The same, with option errors spelled as front end {@code s} names its options. */
	public static TrainingJob unpaired(Path dataA, String modalityA, Path dataB, String modalityB, double kdWeight,
		double tau, TrainingParameters p, TrainingOption.Spelling s) throws IOException {
		try {
			// Bad options fail here, before the cases are read.
			unpairedObjective(modalityA, modalityB, kdWeight, tau, p);
		} catch (InvalidOptionException e) {
			throw e.spelled(s);
		}
		p.check();
		return unpaired(TrainingDataset.load(dataA, List.of(modalityA)), TrainingDataset.load(dataB, List.of(modalityB)),
			kdWeight, tau, p);
	}

	/** The same on cases already read, one modality in each dataset. */
	public static TrainingJob unpaired(TrainingDataset first, TrainingDataset second, double kdWeight, double tau,
		TrainingParameters p) {
		Objective objective = unpairedObjective(first.modalities().get(0), second.modalities().get(0), kdWeight, tau, p);
		if (!sameSpacing(first.spacing(), second.spacing())) {
			throw new IllegalArgumentException("the two datasets have different voxel sizes ("
				+ Arrays.toString(first.spacing()) + " and " + Arrays.toString(second.spacing()) + " mm); resample one of them");
		}
		NetworkNormalization n = p.normalization() == null ? NetworkNormalization.MODALITY_BATCH : p.normalization();
		UNetConfig network = n.applyTo(p.network(1), 2);
		return new TrainingJob(ModelRole.UNPAIRED, objective, network, List.of(first.modalities().get(0),
			second.modalities().get(0)), first.withCache(p.cache()), second.withCache(p.cache()), null, schedule(p, first));
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

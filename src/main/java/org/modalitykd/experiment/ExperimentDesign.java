/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.util.ArrayList;
import java.util.List;

import org.modalitykd.data.AugmentationLevel;
import org.modalitykd.io.Modalities;
import org.modalitykd.train.NetworkNormalization;
import org.modalitykd.train.SegmentationLossForm;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingMethod;

/**
 * What an experiment trains and what it reports. {@link ExperimentPlan.Kind#MAIN} follows
 * ProtoKD's Table 1: a teacher on all modalities; per modality a baseline, a KD-Net and a
 * ProtoKD student with the code's defaults; ablations of each distillation term (for
 * ProtoKD, whose default has no prototype term: that term added, and the pixel KL removed
 * from the result) and the
 * baseline with nnU-Net's augmentation; and,
 * when the plan names two modalities, the unpaired method on disjoint case sets against
 * each modality trained alone on its own set. {@link ExperimentPlan.Kind#UNPAIRED} is that
 * comparison for each pair of the plan, with the joint network's ablations (no KL term,
 * shared batch norm, per-modality instance norm) compared with the full joint network and
 * with the modality alone, and no teacher. {@link ExperimentPlan.Kind#SWEEP} trains the points of {@link SweepPoints} per
 * modality, to be scored on validation cases.
 */
public final class ExperimentDesign {

	/** ProtoKD's prototype weight in its official code, for the ablations of a default without the term. */
	static final double OFFICIAL_BETA = 0.1;

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
	 * @param name         its folder name, also the key in the records
	 * @param method       supervised, KD-Net, ProtoKD or unpaired
	 * @param modalities   its input channels; for the unpaired network one slot per modality
	 * @param cases        which pool cases it sees (for unpaired: those of the first modality)
	 * @param distillation  the distillation settings that replace the method's defaults (for the
	 *                      unpaired method: its weight is the class-wise KL's)
	 * @param segLoss       the segmentation loss, or null for the default
	 * @param normalization the network's normalisation, or null for the method's default
	 * @param augmentation  the training augmentation, or null for the default
	 */
	public record Training(String name, TrainingMethod method, List<String> modalities, Cases cases,
		TrainingJobs.Distillation distillation, SegmentationLossForm segLoss, NetworkNormalization normalization,
		AugmentationLevel augmentation) {

		public Training {
			modalities = List.copyOf(modalities);
			if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
				throw new IllegalArgumentException("a training name is a folder name of letters, digits, '.', '_' and '-': "
					+ name);
			}
		}

		/** With the default augmentation. */
		public Training(String name, TrainingMethod method, List<String> modalities, Cases cases,
			TrainingJobs.Distillation distillation, SegmentationLossForm segLoss, NetworkNormalization normalization) {
			this(name, method, modalities, cases, distillation, segLoss, normalization, null);
		}

		/** With the method's default normalisation and the default augmentation. */
		public Training(String name, TrainingMethod method, List<String> modalities, Cases cases,
			TrainingJobs.Distillation distillation, SegmentationLossForm segLoss) {
			this(name, method, modalities, cases, distillation, segLoss, null);
		}

		/** With the method's default settings. */
		public Training(String name, TrainingMethod method, List<String> modalities, Cases cases) {
			this(name, method, modalities, cases, TrainingJobs.Distillation.DEFAULTS, null);
		}

		public boolean isTeacher() {
			return name.equals(TEACHER);
		}
	}

	/**
	 * A line of the results table: a trained network segmenting the evaluation cases.
	 *
	 * @param label    what the table calls it
	 * @param training the network
	 * @param modality the one modality it reads at test time, or null for all of its channels
	 * @param baseline  the label of the row it is compared with, or null
	 * @param reference the label of the row a variant is judged against in the end, when that
	 *                  is not {@code baseline}: an ablation is compared with its full method
	 *                  (what the removed term contributes) and also with the modality's
	 *                  baseline, or the modality alone (whether the variant still wins); or null
	 */
	public record Row(String label, Training training, String modality, String baseline, String reference) {
	}

	static final String TEACHER = "teacher";

	private final List<Training> trainings = new ArrayList<>();
	private final List<Row> rows = new ArrayList<>();

	public ExperimentDesign(ExperimentPlan plan) {
		this(plan, null);
	}

	/**
	 * @param sweepPoints the names of the sweep points to train ({@link SweepPoints.Point#name()}),
	 *                    or null for all; ignored by the main experiment
	 * @throws IllegalArgumentException for an unknown point
	 */
	public ExperimentDesign(ExperimentPlan plan, java.util.Collection<String> sweepPoints) {
		if (sweepPoints != null) {
			List<String> known = SweepPoints.all().stream().map(SweepPoints.Point::name).toList();
			for (String name : sweepPoints) {
				if (!known.contains(name)) {
					throw new IllegalArgumentException("no sweep point '" + name + "'; the points are " + String.join(", ", known));
				}
			}
		}
		if (plan.kind() == ExperimentPlan.Kind.UNPAIRED) {
			for (int i = 0; i < plan.unpairedModalities().size(); i += 2) {
				addPair(plan.unpairedModalities().get(i), plan.unpairedModalities().get(i + 1), true);
			}
			return;
		}
		Training teacher = new Training(TEACHER, TrainingMethod.SUPERVISED, Modalities.BRATS, Cases.ALL);
		trainings.add(teacher);
		rows.add(new Row("teacher (all four)", teacher, null, null, null));
		if (plan.kind() == ExperimentPlan.Kind.SWEEP) {
			// Point by point, each on every modality: a sweep stopped halfway has whole points.
			for (SweepPoints.Point p : SweepPoints.all()) {
				if (sweepPoints != null && !sweepPoints.contains(p.name())) {
					continue;
				}
				for (String m : plan.studentModalities()) {
					Training t = new Training(m + "-" + p.name(), p.method(), List.of(m), Cases.ALL, p.distillation(),
						p.segLoss());
					SweepPoints.Point reference = SweepPoints.referenceOf(p);
					add(t, m + " " + p.label(), reference == null ? null : m + " " + reference.label(), null);
				}
			}
			return;
		}
		for (String m : plan.studentModalities()) {
			String base = m + " baseline";
			add(new Training(m + "-baseline", TrainingMethod.SUPERVISED, List.of(m), Cases.ALL), base, null, null);
			add(new Training(m + "-kdnet", TrainingMethod.KD_NET, List.of(m), Cases.ALL), m + " KD-Net", base, null);
			add(new Training(m + "-protokd", TrainingMethod.PROTOKD, List.of(m), Cases.ALL), m + " ProtoKD", base, null);
		}
		for (String m : plan.ablationModalities()) {
			String base = m + " baseline";
			// Augmentation is judged where it should matter, on the shifted test set as well: the
			// baseline with nnU-Net's intensity transforms against the baseline (issue 15, item 6).
			add(new Training(m + "-baseline-nnunet", TrainingMethod.SUPERVISED, List.of(m), Cases.ALL,
				TrainingJobs.Distillation.DEFAULTS, null, null, AugmentationLevel.NNUNET),
				base + " with nnU-Net augmentation", base, null);
			// Each ablation is compared with its full method (the difference is what the removed term
			// contributes) and with the baseline (does the method without the term still win?).
			// ProtoKD's defaults leave the prototype term out (beta 0, the sweep's choice): its
			// ablation is the term added at the official beta, and the pixel KL's is that
			// network without it (the prototype term alone).
			add(new Training(m + "-protokd-proto", TrainingMethod.PROTOKD, List.of(m), Cases.ALL,
				new TrainingJobs.Distillation(null, null, null, OFFICIAL_BETA), null), m + " ProtoKD with prototype term",
				m + " ProtoKD", base);
			add(new Training(m + "-protokd-protoonly", TrainingMethod.PROTOKD, List.of(m), Cases.ALL,
				new TrainingJobs.Distillation(0.0, null, null, OFFICIAL_BETA), null),
				m + " ProtoKD prototype term without pixel KL", m + " ProtoKD with prototype term", base);
			add(new Training(m + "-kdnet-nolatent", TrainingMethod.KD_NET, List.of(m), Cases.ALL,
				new TrainingJobs.Distillation(null, null, 0.0, null), null), m + " KD-Net without latent term",
				m + " KD-Net", base);
		}
		if (!plan.unpairedModalities().isEmpty()) {
			addPair(plan.unpairedModalities().get(0), plan.unpairedModalities().get(1), false);
		}
	}

	/**
	 * Modality {@code a} of the first half of the pool and {@code b} of the second: each alone
	 * on its half, and the joint network read through each. With {@code ablations}, also the
	 * joint network without its KL term, with one batch norm for both modalities and with
	 * per-modality instance norm, each compared with the full joint network and with the
	 * modality alone; the rows then name their pair, as a modality may be in two pairs.
	 */
	private void addPair(String a, String b, boolean ablations) {
		addAlone(a, Cases.FIRST_HALF);
		addAlone(b, Cases.SECOND_HALF);
		String pair = ablations ? " (" + a + "+" + b + ")" : "";
		String name = a + "-" + b + "-unpaired";
		addJoint(new Training(name, TrainingMethod.UNPAIRED, List.of(a, b), Cases.FIRST_HALF), " unpaired" + pair, null);
		if (!ablations) {
			return;
		}
		addJoint(new Training(name + "-kd0", TrainingMethod.UNPAIRED, List.of(a, b), Cases.FIRST_HALF,
			new TrainingJobs.Distillation(0.0, null, null, null), null), " unpaired without KL" + pair, " unpaired" + pair);
		addJoint(new Training(name + "-sharedbn", TrainingMethod.UNPAIRED, List.of(a, b), Cases.FIRST_HALF,
			TrainingJobs.Distillation.DEFAULTS, null, NetworkNormalization.BATCH), " unpaired with shared batch norm" + pair,
			" unpaired" + pair);
		addJoint(new Training(name + "-instance", TrainingMethod.UNPAIRED, List.of(a, b), Cases.FIRST_HALF,
			TrainingJobs.Distillation.DEFAULTS, null, NetworkNormalization.MODALITY_INSTANCE),
			" unpaired with instance norm" + pair, " unpaired" + pair);
	}

	/** One modality on its half of the pool, once however many pairs it is in. */
	private void addAlone(String m, Cases half) {
		String name = m + "-alone";
		for (Training t : trainings) {
			if (t.name().equals(name)) {
				if (t.cases() != half) {
					throw new IllegalArgumentException(m + " is the first modality of one unpaired pair and the second of "
						+ "another: the halves of the pool would mix");
				}
				return;
			}
		}
		add(new Training(name, TrainingMethod.SUPERVISED, List.of(m), half), m + " alone (half)", null, null);
	}

	/**
	 * A joint network, one row per modality: {@code suffix} makes the row's label after the
	 * modality; the baseline is the modality alone, or the row of {@code baselineSuffix} and
	 * then the modality alone is the reference (does the ablated joint network still beat it?).
	 */
	private void addJoint(Training joint, String suffix, String baselineSuffix) {
		register(joint);
		for (String m : joint.modalities()) {
			String alone = m + " alone (half)";
			rows.add(baselineSuffix == null ? new Row(m + suffix, joint, m, alone, null)
				: new Row(m + suffix, joint, m, m + baselineSuffix, alone));
		}
	}

	private ExperimentDesign() {
	}

	/**
	 * This design with only the named trainings, in their order, and their rows; the
	 * teacher stays whenever the design has one, since the students need it (recorded, it
	 * is not trained again). A run of part of a design lets the rows that decide a claim
	 * get their seeds first; a later run of the whole design adds the rest, since the
	 * records say what is done.
	 *
	 * @throws IllegalArgumentException naming an unknown training and the known ones
	 */
	public ExperimentDesign only(java.util.Collection<String> names) {
		List<String> known = trainings.stream().map(Training::name).toList();
		for (String name : names) {
			if (!known.contains(name)) {
				throw new IllegalArgumentException("no training '" + name + "' in this experiment; its trainings are "
					+ String.join(", ", known));
			}
		}
		ExperimentDesign part = new ExperimentDesign();
		for (Training t : trainings) {
			if (t.isTeacher() || names.contains(t.name())) {
				part.trainings.add(t);
				part.rows.addAll(rowsOf(t));
			}
		}
		return part;
	}

	private void add(Training t, String label, String baseline, String reference) {
		register(t);
		rows.add(new Row(label, t, t.modalities().size() == 1 ? t.modalities().get(0) : null, baseline, reference));
	}

	private void register(Training t) {
		if (trainings.stream().anyMatch(o -> o.name().equals(t.name()))) {
			throw new IllegalArgumentException("two trainings are called " + t.name());
		}
		trainings.add(t);
	}

	/** In training order: the teacher first, as the students need it. */
	public List<Training> trainings() {
		return List.copyOf(trainings);
	}

	public List<Training> training(String name) {
		return trainings.stream().filter(t -> t.name().equals(name)).toList();
	}

	public List<Row> rows() {
		return List.copyOf(rows);
	}

	public List<Row> rowsOf(Training t) {
		return rows.stream().filter(r -> r.training().equals(t)).toList();
	}

	public Row row(String label) {
		return findRow(label).orElseThrow(() -> new IllegalArgumentException("no row " + label));
	}

	/** The row called {@code label}, or empty where this design (e.g. a part of one) has none. */
	public java.util.Optional<Row> findRow(String label) {
		return rows.stream().filter(r -> r.label().equals(label)).findFirst();
	}
}

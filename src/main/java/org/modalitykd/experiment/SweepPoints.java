/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.experiment;

import java.util.ArrayList;
import java.util.List;

import org.modalitykd.keys.OptionNumbers;

import org.modalitykd.train.SegmentationLossForm;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingOption;
import org.modalitykd.train.TrainingMethod;

/**
 * The settings the sweep of issue 15 tries, one factor at a time around a reference point
 * per method, so that each point differs from its reference in one setting and its effect
 * is a difference paired by seed and modality. KD-Net's reference is lambda_kd = 0.1 (a
 * pilot run found the customary 1 with T^2 at T = 4 swamping Dice + CE in short runs),
 * T = 4 with T^2, MSE latent term 0.1, no warm-up; ProtoKD's is the official code's
 * alpha = 10, T = 10, beta = 0.1 (the defaults before the sweep); the baseline's is the
 * default segmentation loss.
 * Interactions between factors are explored only where several factors of one method win:
 * a last point combines them ({@code protokd-winners}), so that the defaults are checked
 * together before the code adopts them.
 */
public final class SweepPoints {

	/**
	 * A setting of one method.
	 *
	 * @param name         folder-name part, e.g. {@code kdnet-kd0.3}
	 * @param label        table label, e.g. {@code KD-Net kd_weight 0.3}
	 * @param method       the training method
	 * @param distillation its settings (the reference's, with one changed)
	 * @param segLoss      the segmentation loss, null for the default
	 * @param reference    the name of the point it differs from in one setting, or null for a reference
	 * @param factor       the setting it changes, or null for a reference
	 */
	public record Point(String name, String label, TrainingMethod method, TrainingJobs.Distillation distillation,
		SegmentationLossForm segLoss, String reference, TrainingOption factor) {
	}

	static final double KD_REFERENCE_WEIGHT = 0.1;

	private SweepPoints() {
	}

	/** Every point, references first (a partial sweep then has what the others are compared with). */
	public static List<Point> all() {
		List<Point> p = new ArrayList<>();
		TrainingJobs.Distillation none = TrainingJobs.Distillation.DEFAULTS;
		TrainingJobs.Distillation kd = new TrainingJobs.Distillation(KD_REFERENCE_WEIGHT, 4.0, 0.1, null);
		TrainingJobs.Distillation proto = proto(10.0, 10.0, 0.1);
		p.add(new Point("baseline", "baseline", TrainingMethod.SUPERVISED, none, null, null, null));
		p.add(new Point("kdnet", "KD-Net reference", TrainingMethod.KD_NET, kd, null, null, null));
		p.add(new Point("protokd", "ProtoKD reference", TrainingMethod.PROTOKD, proto, null, null, null));
		for (double w : new double[] { 0.03, 0.3, 1 }) {
			p.add(kdNet("kd" + OptionNumbers.plain(w), "kd_weight " + OptionNumbers.plain(w), TrainingOption.KD_WEIGHT,
				new TrainingJobs.Distillation(w, 4.0, 0.1, null)));
		}
		for (double a : new double[] { 1, 3, 30 }) {
			p.add(protoKd("alpha" + OptionNumbers.plain(a), "alpha " + OptionNumbers.plain(a), TrainingOption.KD_WEIGHT,
				proto(a, 10.0, 0.1)));
		}
		p.add(kdNet("t2", "T 2", TrainingOption.TEMPERATURE,
			new TrainingJobs.Distillation(KD_REFERENCE_WEIGHT, 2.0, 0.1, null)));
		p.add(kdNet("nosq", "without T^2", TrainingOption.TEMPERATURE_SQUARED, kd.withTemperatureSquared(false)));
		p.add(kdNet("warm", "warm-up 0.2", TrainingOption.KD_WARMUP, kd.withWarmup(0.2)));
		p.add(kdNet("latentkl", "latent KL", TrainingOption.LATENT_LOSS, kd.withLatentLoss("kl")));
		p.add(protoKd("beta0", "beta 0", TrainingOption.PROTO_WEIGHT,
			proto(10.0, 10.0, 0.0)));
		p.add(protoKd("beta1", "beta 1", TrainingOption.PROTO_WEIGHT,
			proto(10.0, 10.0, 1.0)));
		p.add(protoKd("t4", "T 4", TrainingOption.TEMPERATURE, proto(10.0, 4.0, 0.1)));
		p.add(protoKd("warm", "warm-up 0.2", TrainingOption.KD_WARMUP, proto.withWarmup(0.2)));
		p.add(new Point("baseline-official", "baseline official seg loss", TrainingMethod.SUPERVISED, none,
			SegmentationLossForm.OFFICIAL, "baseline", TrainingOption.SEG_LOSS));
		p.add(new Point("protokd-official", "ProtoKD official seg loss", TrainingMethod.PROTOKD, proto,
			SegmentationLossForm.OFFICIAL, "protokd", TrainingOption.SEG_LOSS));
		// The factors that beat ProtoKD's reference one at a time (sweep.md's winners, two seeds).
		p.add(new Point("protokd-winners", "ProtoKD alpha 1 + beta 0 + warm-up 0.2",
			TrainingMethod.PROTOKD, proto(1.0, 10.0, 0.0).withWarmup(0.2), null, "protokd",
			null));
		return List.copyOf(p);
	}

	/** The point {@code p} is compared with, or null for a reference. */
	static Point referenceOf(Point p) {
		return p.reference() == null ? null
			: all().stream().filter(o -> o.name().equals(p.reference())).findFirst().orElseThrow();
	}

	private static Point kdNet(String name, String label, TrainingOption factor, TrainingJobs.Distillation d) {
		return new Point("kdnet-" + name, "KD-Net " + label, TrainingMethod.KD_NET, d, null, "kdnet", factor);
	}

	private static Point protoKd(String name, String label, TrainingOption factor, TrainingJobs.Distillation d) {
		return new Point("protokd-" + name, "ProtoKD " + label, TrainingMethod.PROTOKD, d, null, "protokd", factor);
	}

	/**
	 * ProtoKD's settings with no warm-up given as 0, not left to the code's default, so that
	 * a point keeps what it was trained with when the defaults move.
	 */
	private static TrainingJobs.Distillation proto(double alpha, double temperature, double beta) {
		return new TrainingJobs.Distillation(alpha, temperature, null, beta).withWarmup(0.0);
	}
}

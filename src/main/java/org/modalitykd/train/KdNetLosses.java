/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Map;
import java.util.Set;

/**
 * KD-Net (Hu et al. 2020): {@code kd} = T^2 (or, with temperatureSquared off, 1) x KL(softmax(z_T / T) || softmax(z_S / T))
 * ({@link HintonDistillation}) weighted by kdWeight, and {@code feature_l2} = mean squared
 * difference of the teacher's and the student's bottlenecks ({@link FeatureDistance})
 * weighted by featureWeight, or with {@link LatentLoss#KL} {@code feature_kl} = the KL
 * between the bottlenecks' channel-wise softmax distributions in its place. METHODS.md
 * fixes no numbers; the defaults are the sweep's winners on validation cases
 * (docs/results/sweep/sweep.md): lambda_kd = 0.1 (Hinton's customary 1 was the worst
 * weight tried), Hinton's T = 4 with T^2, lambda_lat = 0.1 on the MSE, no warm-up.
 *
 * @param kdWeight      lambda_kd ({@link TrainingOption#KD_WEIGHT})
 * @param temperature   T ({@link TrainingOption#TEMPERATURE})
 * @param featureWeight lambda_lat ({@link TrainingOption#FEATURE_WEIGHT})
 * @param latentLoss    the reading of the latent term ({@link TrainingOption#LATENT_LOSS})
 * @param temperatureSquared whether the logit KL is multiplied by T^2, as Hinton et al.
 *                      do to keep its gradient independent of T ({@link TrainingOption#TEMPERATURE_SQUARED})
 */
public record KdNetLosses(double kdWeight, double temperature, double featureWeight, LatentLoss latentLoss,
	boolean temperatureSquared) implements MethodLosses {

	public static final double DEFAULT_WEIGHT = 0.1;
	public static final double DEFAULT_TEMPERATURE = 4;
	public static final double DEFAULT_FEATURE_WEIGHT = 0.1;
	public static final LatentLoss DEFAULT_LATENT_LOSS = LatentLoss.MSE;
	public static final boolean DEFAULT_TEMPERATURE_SQUARED = true;

	public KdNetLosses {
		InvalidOptionException.weight(TrainingOption.KD_WEIGHT, kdWeight);
		InvalidOptionException.temperature(TrainingOption.TEMPERATURE, temperature);
		InvalidOptionException.weight(TrainingOption.FEATURE_WEIGHT, featureWeight);
		if (latentLoss == null) {
			throw new InvalidOptionException(TrainingOption.LATENT_LOSS, "choose mse or kl");
		}
	}

	/** The MSE reading of the latent term, times T^2. */
	public KdNetLosses(double kdWeight, double temperature, double featureWeight) {
		this(kdWeight, temperature, featureWeight, DEFAULT_LATENT_LOSS, DEFAULT_TEMPERATURE_SQUARED);
	}

	/** The given latent term, times T^2. */
	public KdNetLosses(double kdWeight, double temperature, double featureWeight, LatentLoss latentLoss) {
		this(kdWeight, temperature, featureWeight, latentLoss, DEFAULT_TEMPERATURE_SQUARED);
	}

	public KdNetLosses withLatentLoss(LatentLoss l) {
		return new KdNetLosses(kdWeight, temperature, featureWeight, l, temperatureSquared);
	}

	public KdNetLosses withTemperatureSquared(boolean on) {
		return new KdNetLosses(kdWeight, temperature, featureWeight, latentLoss, on);
	}

	public static KdNetLosses defaults() {
		return of(Map.of());
	}

	static KdNetLosses of(Map<TrainingOption, Double> given) {
		return new KdNetLosses(given.getOrDefault(TrainingOption.KD_WEIGHT, DEFAULT_WEIGHT),
			given.getOrDefault(TrainingOption.TEMPERATURE, DEFAULT_TEMPERATURE),
			given.getOrDefault(TrainingOption.FEATURE_WEIGHT, DEFAULT_FEATURE_WEIGHT));
	}

	@Override
	public TrainingMethod method() {
		return TrainingMethod.KD_NET;
	}

	@Override
	public Set<TrainingOption> options() {
		return Set.of(TrainingOption.KD_WEIGHT, TrainingOption.TEMPERATURE, TrainingOption.FEATURE_WEIGHT,
			TrainingOption.LATENT_LOSS, TrainingOption.TEMPERATURE_SQUARED);
	}

	@Override
	public void addTerms(LossInputs in, DiceCrossEntropy segmentation, LossTerms terms) {
		terms.addDistillation("kd", kdWeight, HintonDistillation.loss(terms.ops(), in.teacher().logits(),
			in.student().logits(), temperature, temperatureSquared));
		terms.addDistillation(latentLoss.term(), featureWeight, FeatureDistance.of(latentLoss, terms.ops(),
			in.teacher().bottleneck(), in.student().bottleneck()));
	}

	@Override
	public void describe(Map<String, Double> card) {
		card.put("kd", kdWeight);
		card.put("temperature", temperature);
		card.put(latentLoss.term(), featureWeight);
	}

	@Override
	public void describeOptions(Map<String, String> card) {
		card.put(TrainingOption.LATENT_LOSS.spelled(TrainingOption.Spelling.MACRO), latentLoss.value());
		// Only when off: a card without the key means Hinton's T^2, as every card written before the option.
		if (!temperatureSquared) {
			card.put(TrainingOption.TEMPERATURE_SQUARED.spelled(TrainingOption.Spelling.MACRO), "false");
		}
	}
}

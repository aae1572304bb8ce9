/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.util.Map;
import java.util.Set;

/**
 * What a training method adds to the segmentation loss, with its own weights and
 * temperatures: one implementation per {@link TrainingMethod}. An implementation checks
 * its parameters when it is made ({@link InvalidOptionException} naming the option),
 * builds its terms into the training graph and lists them for the model card, so a new
 * term or option of a method is a change to its class alone.
 */
public interface MethodLosses {

	TrainingMethod method();

	/** The options a front end may set for this method; {@link #of} refuses the others. */
	Set<TrainingOption> options();

	/**
	 * Adds this method's terms to the loss, after the first batch's Dice and cross-entropy.
	 *
	 * @param segmentation the run's Dice + cross-entropy, for methods that segment a second batch
	 */
	void addTerms(LossInputs in, DiceCrossEntropy segmentation, LossTerms terms);

	/** This method's weights and temperature for the model card, in the order of its terms. */
	void describe(Map<String, Double> card);

	/**
	 * This method's choices that are not numbers (e.g. KD-Net's {@code latent_loss}) for the
	 * model card's {@code loss_options}, by macro key; none by default.
	 */
	default void describeOptions(Map<String, String> card) {
	}

	/**
	 * The share of the steps over which this method's distillation terms rise from 0 when
	 * no warm-up is given ({@link TrainingOption#KD_WARMUP}); none by default.
	 */
	default double defaultWarmup() {
		return 0;
	}

	/** The method's losses with its defaults. */
	static MethodLosses defaults(TrainingMethod method) {
		return of(method, Map.of());
	}

	/**
	 * The method's losses with the {@code given} options in place of its defaults.
	 *
	 * @throws InvalidOptionException for an option the method does not have or a bad value
	 */
	static MethodLosses of(TrainingMethod method, Map<TrainingOption, Double> given) {
		MethodLosses defaults = switch (method) {
			case SUPERVISED -> new NoDistillation();
			case KD_NET -> KdNetLosses.defaults();
			case PROTOKD -> ProtoKdLosses.defaults();
			case UNPAIRED -> UnpairedLosses.defaults();
		};
		for (TrainingOption o : given.keySet()) {
			if (!defaults.options().contains(o)) {
				throw new InvalidOptionException(o, method == TrainingMethod.SUPERVISED
					? "method " + method.optionValue() + " has no distillation terms to weigh"
					: "method " + method.optionValue() + " has no such term; leave it out");
			}
		}
		return switch (method) {
			case SUPERVISED -> defaults;
			case KD_NET -> KdNetLosses.of(given);
			case PROTOKD -> ProtoKdLosses.of(given);
			case UNPAIRED -> UnpairedLosses.of(given);
		};
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.ij;

import java.util.Locale;

import org.modalitykd.keys.OptionNumbers;
import org.modalitykd.train.InvalidOptionException;
import org.modalitykd.train.KdNetLosses;
import org.modalitykd.train.LatentLoss;
import org.modalitykd.train.ProtoKdLosses;
import org.modalitykd.train.TrainingJobs;
import org.modalitykd.train.TrainingMethod;
import org.modalitykd.train.TrainingOption;

import ij.gui.GenericDialog;

/**
 * The Distill Student dialog's distillation fields, with their macro keys:
 * {@code kd_weight temperature feature_weight proto_weight} (empty: the method's default),
 * {@code latent_loss} (mse or kl), {@code temperature_squared} (true or false) and
 * {@code kd_warmup} (a share of the steps; empty: the method's default). Each belongs to some methods only; a value
 * for another method is refused by {@link TrainingJobs}, so fields left at their shown
 * default count as not given.
 */
final class DistillationFields {

	static final String[] LATENT_LOSSES = java.util.Arrays.stream(LatentLoss.values()).map(LatentLoss::value)
		.toArray(String[]::new);
	static final String[] BOOLEANS = { "true", "false" };

	private final GenericDialog gd;

	DistillationFields(GenericDialog gd) {
		this.gd = gd;
	}

	void add() {
		gd.addStringField("kd_weight", "", 8);
		gd.addStringField("temperature", "", 8);
		gd.addStringField("feature_weight", "", 8);
		gd.addStringField("proto_weight", "", 8);
		gd.addChoice("latent_loss", LATENT_LOSSES, KdNetLosses.DEFAULT_LATENT_LOSS.value());
		gd.addChoice("temperature_squared", BOOLEANS, Boolean.toString(KdNetLosses.DEFAULT_TEMPERATURE_SQUARED));
		gd.addStringField("kd_warmup", "", 8);
		gd.addMessage("empty fields: the method's defaults (kdnet: kd_weight " + OptionNumbers.plain(KdNetLosses.DEFAULT_WEIGHT)
			+ ", temperature " + OptionNumbers.plain(KdNetLosses.DEFAULT_TEMPERATURE) + ", feature_weight "
			+ OptionNumbers.plain(KdNetLosses.DEFAULT_FEATURE_WEIGHT) + ", kd_warmup 0; protokd: kd_weight = alpha "
			+ OptionNumbers.plain(ProtoKdLosses.DEFAULT_ALPHA) + ", temperature " + OptionNumbers.plain(ProtoKdLosses.DEFAULT_TEMPERATURE)
			+ ", proto_weight = beta " + OptionNumbers.plain(ProtoKdLosses.DEFAULT_BETA) + ", kd_warmup "
			+ OptionNumbers.plain(ProtoKdLosses.DEFAULT_WARMUP) + ")\n"
			+ "latent_loss, temperature_squared, feature_weight: kdnet only; proto_weight: protokd only\n"
			+ "kd_warmup: distillation weights rise from 0 over this share of the steps");
	}

	/** The settings in the fields, for {@code method}; reads them in the order {@link #add} made them. */
	TrainingJobs.Distillation read(TrainingMethod method) {
		Double weight = optionalNumber(TrainingOption.KD_WEIGHT, gd.getNextString());
		Double temperature = optionalNumber(TrainingOption.TEMPERATURE, gd.getNextString());
		Double feature = optionalNumber(TrainingOption.FEATURE_WEIGHT, gd.getNextString());
		Double proto = optionalNumber(TrainingOption.PROTO_WEIGHT, gd.getNextString());
		// ImageJ puts back the default for a choice value it does not list; read what the macro wrote.
		String latent = TrainingFields.macroChoice("latent_loss", gd.getNextChoice());
		String squared = TrainingFields.macroChoice("temperature_squared", gd.getNextChoice()).trim()
			.toLowerCase(Locale.ROOT);
		Double warmup = optionalNumber(TrainingOption.KD_WARMUP, gd.getNextString());
		boolean kdNet = method == TrainingMethod.KD_NET;
		if (!squared.equals("true") && !squared.equals("false")) {
			throw new InvalidOptionException(TrainingOption.TEMPERATURE_SQUARED, "give true or false, got '" + squared + "'")
				.spelled(TrainingOption.Spelling.MACRO);
		}
		boolean squaredOn = Boolean.parseBoolean(squared);
		return new TrainingJobs.Distillation(weight, temperature, feature, proto,
			kdNet || !latent.equals(KdNetLosses.DEFAULT_LATENT_LOSS.value()) ? latent : null,
			kdNet || squaredOn != KdNetLosses.DEFAULT_TEMPERATURE_SQUARED ? squaredOn : null,
			warmup);
	}

	private static Double optionalNumber(TrainingOption option, String text) {
		String t = text.trim();
		if (t.isEmpty()) {
			return null;
		}
		try {
			return Double.valueOf(t);
		} catch (NumberFormatException e) {
			throw new InvalidOptionException(option, "not a number: '" + t + "' (leave it empty for the method's default)")
				.spelled(TrainingOption.Spelling.MACRO);
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

/**
 * The options of a training run that {@link TrainingJobs} checks, by meaning rather than
 * by spelling: each front end names them its own way ({@link Spelling}), and an
 * {@link InvalidOptionException} names the option as the user typed it. A new option is
 * one constant here; its three spellings follow from its macro key.
 */
public enum TrainingOption {
	METHOD("method"),
	MODALITY("modality"),
	MODALITIES("modalities"),
	TEACHER("teacher"),
	MODALITY_A("modality_a"),
	MODALITY_B("modality_b"),
	DICE_WEIGHT("dice_weight"),
	CE_WEIGHT("ce_weight"),
	/** KD-Net lambda_kd, ProtoKD alpha, the unpaired class-wise KD weight. */
	KD_WEIGHT("kd_weight"),
	/** KD-Net and ProtoKD T. */
	TEMPERATURE("temperature"),
	/** KD-Net's bottleneck term weight. */
	FEATURE_WEIGHT("feature_weight"),
	/** ProtoKD's prototype (I2FV) term weight beta. */
	PROTO_WEIGHT("proto_weight"),
	/** The unpaired method's softening temperature. */
	TAU("tau"),
	/** KD-Net's latent term: mse or kl ({@link LatentLoss}). */
	LATENT_LOSS("latent_loss"),
	/** The segmentation loss of every training: default or official ({@link SegmentationLossForm}). */
	SEG_LOSS("seg_loss"),
	/** The augmentation level of the training patches (light, nnunet). */
	AUGMENTATION("augmentation"),
	/** Share of the steps over which the distillation terms' weights rise linearly from 0 (0: none). */
	KD_WARMUP("kd_warmup"),
	/** KD-Net: whether the logit KL is multiplied by T^2 (Hinton) or not. */
	TEMPERATURE_SQUARED("temperature_squared"),
	/** How the U-Net decoder upsamples: transposed or resize ({@link org.modalitykd.net.Upsampling}). */
	UPSAMPLING("upsampling"),
	/** The network's normalisation ({@link NetworkNormalization}). */
	NORMALIZATION("normalization"),
	/** MB of prepared training cases held in memory ({@link CaseCacheSettings}). */
	CACHE_MB("cache_mb");

	/** How a front end names its options. */
	public enum Spelling {
		/** command-line flags: {@code --kd-weight} */
		CLI,
		/** Fiji dialog fields and macro keys: {@code kd_weight} */
		MACRO,
		/** parameters of the scripting service and the Java API: {@code kdWeight} */
		JAVA
	}

	private final String key;

	TrainingOption(String key) {
		this.key = key;
	}

	/** The option's name in a front end. */
	public String spelled(Spelling s) {
		return switch (s) {
			case CLI -> "--" + key.replace('_', '-');
			case MACRO -> key;
			case JAVA -> {
				StringBuilder b = new StringBuilder();
				boolean upper = false;
				for (char c : key.toCharArray()) {
					if (c == '_') {
						upper = true;
					} else {
						b.append(upper ? Character.toUpperCase(c) : c);
						upper = false;
					}
				}
				yield b.toString();
			}
		};
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model bundle needs besides its weights to be used correctly: the JSON
 * {@code model-card.json} next to the SavedModel (format: {@link ModelCardJson}).
 *
 * @param formatVersion   the card format it was read from ({@code format_version}; 1 for a
 *                        card without the key); {@link #FORMAT_VERSION} for a new card
 * @param role            teacher, student, unpaired or baseline
 * @param modalities      input modalities in channel order; for an unpaired model, the
 *                        modality of each normalisation slot (one channel in)
 * @param labelMap        BraTS label of each internal class index, e.g. {0, 1, 2, 4}
 * @param classNames      a name per internal class
 * @param normalization   intensity normalisation applied to each channel before the
 *                        network (see {@link IntensityNormalization})
 * @param patchSize       training patch size {x, y, z} in voxels (also the inference window)
 * @param spacing         voxel size {x, y, z} in mm the model was trained at
 * @param architecture    the network, as exported (without deep-supervision heads)
 * @param provenance      how it was trained
 * @param validation      validation metrics by name (e.g. {@code dice_wt}); may be empty
 * @param channelSignature what the normalised input channels of the training data look
 *                        like, in channel order, to notice a case whose channels are
 *                        swapped; null when unknown (older cards, per-modality models)
 */
public record ModelCard(int formatVersion, ModelRole role, List<String> modalities, int[] labelMap,
	List<String> classNames, IntensityNormalization normalization, int[] patchSize, double[] spacing,
	UNetConfig architecture, Provenance provenance, Map<String, Double> validation,
	ChannelSignature channelSignature) {

	/**
	 * The card format this version writes, and the newest it reads. Raise it when a
	 * change to the card would be misread by an older ModalityKD (a key renamed, a
	 * meaning changed); a new optional key that older readers may ignore needs none.
	 */
	public static final int FORMAT_VERSION = 1;

	/** BraTS: background, necrotic/non-enhancing core, edema, enhancing tumour (label 4 stored as class 3). */
	public static final int[] BRATS_LABELS = { 0, 1, 2, 4 };
	public static final List<String> BRATS_CLASS_NAMES = List.of("background", "necrotic core", "edema",
		"enhancing tumour");

	/**
	 * How the model was made.
	 *
	 * @param method      e.g. {@code supervised}, {@code kd-net}, {@code protokd}, {@code unpaired-kd}
	 * @param lossWeights weight of each loss term
	 * @param data        the training data (folder, split, number of cases)
	 * @param seed        random seed of the run
	 * @param steps       optimiser steps taken
	 * @param software    versions, e.g. {@code modalitykd}, {@code tensorflow}, {@code java}
	 * @param date        ISO-8601 time of export
	 * @param lossOptions the loss's choices that are not numbers, by macro key (e.g.
	 *                    {@code seg_loss: default}, {@code latent_loss: kl}); empty on cards
	 *                    written before they existed
	 * @param augmentation augmentation level of the training patches ({@code light} or
	 *                    {@code nnunet}; cards written before the levels existed say light)
	 */
	public record Provenance(String method, Map<String, Double> lossWeights, String data, long seed, long steps,
		Map<String, String> software, String date, Map<String, String> lossOptions, String augmentation) {

		/** The level every run had before there were levels. */
		public static final String DEFAULT_AUGMENTATION = "light";

		public Provenance {
			lossOptions = lossOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(
				new java.util.LinkedHashMap<>(lossOptions));
			augmentation = augmentation == null ? DEFAULT_AUGMENTATION : augmentation;
		}

		/** With the default ({@code light}) augmentation. */
		public Provenance(String method, Map<String, Double> lossWeights, String data, long seed, long steps,
			Map<String, String> software, String date, Map<String, String> lossOptions) {
			this(method, lossWeights, data, seed, steps, software, date, lossOptions, DEFAULT_AUGMENTATION);
		}

		/** Without loss options. */
		public Provenance(String method, Map<String, Double> lossWeights, String data, long seed, long steps,
			Map<String, String> software, String date, String augmentation) {
			this(method, lossWeights, data, seed, steps, software, date, Map.of(), augmentation);
		}

		/** Without loss options, with the default ({@code light}) augmentation. */
		public Provenance(String method, Map<String, Double> lossWeights, String data, long seed, long steps,
			Map<String, String> software, String date) {
			this(method, lossWeights, data, seed, steps, software, date, Map.of(), DEFAULT_AUGMENTATION);
		}
	}

	/**
	 * Per-channel intensity normalisation.
	 *
	 * @param method    {@link #ZSCORE_NONZERO} (each channel minus its mean, divided by its
	 *                  standard deviation, both over the non-zero voxels; zeros stay zero),
	 *                  {@link #HU_WINDOW} (each {@code ct} channel clipped to
	 *                  [windowMin, windowMax] HU and scaled to [0, 1]; any other channel
	 *                  z-scored as by zscore-nonzero) or {@link #NONE}
	 * @param windowMin bottom of the Hounsfield window; NaN unless hu-window
	 * @param windowMax top of the Hounsfield window; NaN unless hu-window
	 */
	public record IntensityNormalization(String method, double windowMin, double windowMax) {
		public static final String ZSCORE_NONZERO = "zscore-nonzero";
		public static final String HU_WINDOW = "hu-window";
		public static final String NONE = "none";
		/** The default Hounsfield window (data.HuWindowNormalizer says why). */
		public static final double DEFAULT_WINDOW_MIN = -100;
		public static final double DEFAULT_WINDOW_MAX = 200;

		public IntensityNormalization {
			if (!ZSCORE_NONZERO.equals(method) && !NONE.equals(method) && !HU_WINDOW.equals(method)) {
				throw new IllegalArgumentException("unknown intensity normalisation '" + method + "'; expected "
					+ ZSCORE_NONZERO + ", " + HU_WINDOW + " or " + NONE);
			}
			if (HU_WINDOW.equals(method)) {
				if (!(Double.isFinite(windowMin) && Double.isFinite(windowMax) && windowMax > windowMin)) {
					throw new IllegalArgumentException("the Hounsfield window needs min < max: " + windowMin + ", " + windowMax);
				}
			} else {
				windowMin = Double.NaN;
				windowMax = Double.NaN;
			}
		}

		/** {@code method} with the default window where it has one. */
		public IntensityNormalization(String method) {
			this(method, DEFAULT_WINDOW_MIN, DEFAULT_WINDOW_MAX);
		}

		/** hu-window (default window) when a modality is CT, else zscore-nonzero. */
		public static IntensityNormalization forModalities(List<String> modalities) {
			return new IntensityNormalization(modalities.contains("ct") ? HU_WINDOW : ZSCORE_NONZERO);
		}

		/** Whether the network expects Hounsfield units in its {@code ct} channels. */
		public boolean readsHounsfield() {
			return HU_WINDOW.equals(method);
		}
	}

	/** A card without a channel signature. */
	public ModelCard(int formatVersion, ModelRole role, List<String> modalities, int[] labelMap,
		List<String> classNames, IntensityNormalization normalization, int[] patchSize, double[] spacing,
		UNetConfig architecture, Provenance provenance, Map<String, Double> validation) {
		this(formatVersion, role, modalities, labelMap, classNames, normalization, patchSize, spacing, architecture,
			provenance, validation, null);
	}

	public ModelCard {
		if (modalities.isEmpty()) {
			throw new IllegalArgumentException("a model needs at least one modality");
		}
		boolean oneAtATime = role == ModelRole.UNPAIRED || architecture.normSlots() > 1;
		int expectedChannels = oneAtATime ? 1 : modalities.size();
		if (architecture.normSlots() > 1 && architecture.normSlots() != modalities.size()) {
			throw new IllegalArgumentException("an unpaired model names one modality per normalisation slot: "
				+ architecture.normSlots() + " slots, modalities " + modalities);
		}
		if (architecture.inputChannels() != expectedChannels) {
			throw new IllegalArgumentException("the network reads " + architecture.inputChannels()
				+ " channels but the card lists the modalities " + modalities);
		}
		if (labelMap.length != architecture.classes() || classNames.size() != architecture.classes()) {
			throw new IllegalArgumentException("the network has " + architecture.classes() + " classes but the label map "
				+ Arrays.toString(labelMap) + " and names " + classNames + " do not match");
		}
		checkLabelMap(labelMap);
		// A one-at-a-time model's signature has a row per modality slot.
		int signatureRows = oneAtATime ? modalities.size() : architecture.inputChannels();
		if (channelSignature != null && channelSignature.channels() != signatureRows) {
			throw new IllegalArgumentException("the channel signature describes " + channelSignature.channels()
				+ (oneAtATime ? " modalities but the model reads one of " + modalities
					: " channels but the network reads " + architecture.inputChannels()));
		}
		if (new java.util.HashSet<>(modalities).size() != modalities.size()) {
			throw new IllegalArgumentException("the modalities " + modalities + " name a channel twice");
		}
		if (patchSize.length != 3 || spacing.length != 3) {
			throw new IllegalArgumentException("patch size and spacing need 3 values each");
		}
		for (int p : patchSize) {
			if (p < 1 || p % architecture.sizeMultiple() != 0) {
				throw new IllegalArgumentException("patch size " + Arrays.toString(patchSize) + " is not a multiple of "
					+ architecture.sizeMultiple() + " on every axis");
			}
		}
		modalities = List.copyOf(modalities);
		classNames = List.copyOf(classNames);
		labelMap = labelMap.clone();
		patchSize = patchSize.clone();
		spacing = spacing.clone();
		validation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validation));
	}

	/**
	 * A label map writes BraTS labels: class 0 is background (0), and every class is a
	 * distinct BraTS label, so that the regions (WT, TC, ET), the colours and the
	 * evaluation mean what they say.
	 */
	private static void checkLabelMap(int[] labelMap) {
		if (labelMap.length == 0 || labelMap[0] != 0) {
			throw new IllegalArgumentException("label_map " + Arrays.toString(labelMap)
				+ " must start with 0 (background) for class 0");
		}
		java.util.Set<Integer> seen = new java.util.HashSet<>();
		for (int label : labelMap) {
			if (Arrays.stream(BRATS_LABELS).noneMatch(b -> b == label)) {
				throw new IllegalArgumentException("label_map " + Arrays.toString(labelMap) + " has " + label
					+ ", which is not a BraTS label " + Arrays.toString(BRATS_LABELS)
					+ "; ModalityKD writes BraTS label maps: fix the card or retrain");
			}
			if (!seen.add(label)) {
				throw new IllegalArgumentException("label_map " + Arrays.toString(labelMap) + " gives the label " + label
					+ " to two classes");
			}
		}
	}

	@Override
	public int[] labelMap() {
		return labelMap.clone();
	}

	@Override
	public int[] patchSize() {
		return patchSize.clone();
	}

	@Override
	public double[] spacing() {
		return spacing.clone();
	}

	/**
	 * Whether this is a one-network-several-modalities model (unpaired training) that reads
	 * one modality of a case at a time, with or without a normalisation slot per modality.
	 */
	public boolean perModality() {
		return role == ModelRole.UNPAIRED || architecture.normSlots() > 1;
	}

	/** Whether each modality has its own normalisation slot, chosen by the graph's {@code norm_slot} input. */
	public boolean hasNormSlots() {
		return architecture.normSlots() > 1;
	}

	/** A copy with other validation metrics. */
	public ModelCard withValidation(Map<String, Double> metrics) {
		return new ModelCard(formatVersion, role, modalities, labelMap, classNames, normalization, patchSize, spacing,
			architecture, provenance, metrics, channelSignature);
	}

	/** A copy with a channel signature (null for none). */
	public ModelCard withChannelSignature(ChannelSignature signature) {
		return new ModelCard(formatVersion, role, modalities, labelMap, classNames, normalization, patchSize, spacing,
			architecture, provenance, validation, signature);
	}
}

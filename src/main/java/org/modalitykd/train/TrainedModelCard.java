/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.infer.IntensityNormalizer;
import org.modalitykd.net.ChannelSignature;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.tensorflow.TensorFlow;

/**
 * The model card that a training run writes with its bundle: role, modalities, the
 * intensity normalisation the network was trained with, the channel signature of its
 * training cases, and the provenance (method, loss weights, data, teacher, software).
 */
final class TrainedModelCard {

	private TrainedModelCard() {
	}

	/** Training cases whose channels describe the model's input in its card (enough for a stable mean). */
	static final int SIGNATURE_CASES = 8;

	/**
	 * The channel signature of the training cases (at most {@link #SIGNATURE_CASES}),
	 * normalised as the network sees them; null for a per-modality network, whose one
	 * channel is chosen by the case's modality.
	 */
	static ChannelSignature channelSignature(TrainingJob job, List<String> trainingIds) throws IOException {
		if (job.role() == ModelRole.UNPAIRED || job.network().normSlots() > 1) {
			return null;
		}
		List<ChannelSignature> cases = new ArrayList<>();
		for (TrainingCases.CaseReader reader : TrainingCases.readers(job.data(), trainingIds)) {
			if (cases.size() == SIGNATURE_CASES) {
				break;
			}
			LabelledCase c = reader.read();
			// A student's data hold the teacher's modalities too; the signature is of the student's input.
			org.modalitykd.volume.Volume input = c.images().select(job.modalities());
			float[][] channels = new float[input.channelCount()][];
			for (int k = 0; k < channels.length; k++) {
				channels[k] = input.channel(k);
			}
			ChannelSignature one = ChannelSignature.of(IntensityNormalizer.apply(normalization(job), input.channelNames(),
				channels));
			if (one != null) {
				cases.add(one);
			}
		}
		return cases.isEmpty() ? null : ChannelSignature.mean(cases);
	}

	/** Hounsfield window for a network that reads CT (also an unpaired one with a CT slot), else z-score. */
	static ModelCard.IntensityNormalization normalization(TrainingJob job) {
		return ModelCard.IntensityNormalization.forModalities(job.modalities());
	}

	static ModelCard of(TrainingJob job, TrainingSplit split, long steps, Map<String, Double> validation) {
		StringBuilder data = new StringBuilder(job.data().source() + " (" + job.data().size() + " cases)");
		if (job.dataB() != null) {
			data.append(" and ").append(job.dataB().source()).append(" (").append(job.dataB().size()).append(" cases)");
		}
		data.append("; ").append(split.describe());
		if (job.teacher() != null) {
			data.append("; teacher ").append(job.teacher().bundle()).append(" sha256 ").append(job.teacher().checksum());
		}
		Map<String, String> software = new LinkedHashMap<>();
		String version = TrainingRun.class.getPackage().getImplementationVersion();
		software.put("modalitykd", version == null ? "development build" : version);
		software.put("tensorflow", TensorFlow.version());
		software.put("java", System.getProperty("java.version"));
		ModelCard.Provenance provenance = new ModelCard.Provenance(job.objective().method().key(),
			job.objective().describe(), data.toString(), job.schedule().seed(), steps, software,
			Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), job.objective().describeOptions(),
			job.schedule().augmentation().key());
		return new ModelCard(ModelCard.FORMAT_VERSION, job.role(), job.modalities(), ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, normalization(job), job.schedule().patchSize(), job.data().spacing(), job.network(),
			provenance, validation);
	}
}

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
	 * normalised as the network sees them; for a one-modality-at-a-time network one row per
	 * modality slot, from that slot's own training cases ({@link ChannelSignature#perSlot}).
	 *
	 * @param trainingIds  the training cases of the (first) dataset
	 * @param trainingIdsB those of the unpaired method's second dataset, else ignored
	 */
	static ChannelSignature channelSignature(TrainingJob job, List<String> trainingIds, List<String> trainingIdsB)
		throws IOException {
		if (job.role() != ModelRole.UNPAIRED) {
			return signature(job, job.data(), trainingIds, job.modalities());
		}
		List<ChannelSignature> slots = new ArrayList<>();
		for (int m = 0; m < job.modalities().size(); m++) {
			ChannelSignature slot = signature(job, m == 0 ? job.data() : job.dataB(), m == 0 ? trainingIds : trainingIdsB,
				job.modalities().subList(m, m + 1));
			if (slot == null) {
				return null;
			}
			slots.add(slot);
		}
		return ChannelSignature.perSlot(slots);
	}

	private static ChannelSignature signature(TrainingJob job, TrainingDataset data, List<String> ids, List<String> input)
		throws IOException {
		List<ChannelSignature> cases = new ArrayList<>();
		for (TrainingCases.CaseReader reader : TrainingCases.readers(data, ids)) {
			if (cases.size() == SIGNATURE_CASES) {
				break;
			}
			// A student's data hold the teacher's modalities too; the signature is of the network's input.
			org.modalitykd.volume.Volume images = reader.read().images().select(input);
			float[][] channels = new float[images.channelCount()][];
			for (int k = 0; k < channels.length; k++) {
				channels[k] = images.channel(k);
			}
			ChannelSignature one = ChannelSignature.of(IntensityNormalizer.apply(normalization(job), images.channelNames(),
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

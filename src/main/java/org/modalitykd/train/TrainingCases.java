/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.modalitykd.data.CaseCache;
import org.modalitykd.data.CaseStore;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.data.VolumeNormalizer;
import org.modalitykd.infer.IntensityNormalizer;

/**
 * Where a training run's cases come from: the training cases prepared once on disk and
 * read through a bounded cache ({@link PreparedCases}, {@link CaseCache}), and the
 * validation cases read one at a time when they are validated.
 */
final class TrainingCases {

	private TrainingCases() {
	}

	/** A case read when it is needed (a validation case). */
	interface CaseReader {
		LabelledCase read() throws IOException;
	}

	static List<CaseReader> readers(TrainingDataset data, List<String> ids) {
		return data.ids().stream().filter(ids::contains).map(id -> (CaseReader) () -> data.read(id)).toList();
	}

	/**
	 * The training cases {@code ids} of {@code data}, normalised as the card records and
	 * inference applies: prepared on disk, or in memory for cases given in memory. Every
	 * case of {@code data}, validation cases too, is prepared (and so read and checked)
	 * here, so that a bad case stops the run before its first step; a later run with
	 * another split finds them ready.
	 */
	static CaseStore store(TrainingJob job, TrainingDataset data, List<String> ids, Path work, TrainingListener listener)
		throws IOException {
		List<String> all = data.ids();
		List<Integer> training = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (ids.contains(all.get(i))) {
				training.add(i);
			}
		}
		if (all.stream().allMatch(id -> data.files(id).isPresent())) {
			return CaseStore.subset(PreparedCases.open(data, all, TrainedModelCard.normalization(job), data.cache().preparedRoot(work),
				listener::message), training);
		}
		VolumeNormalizer normalizer = IntensityNormalizer.of(TrainedModelCard.normalization(job));
		List<TrainingCase> cases = new ArrayList<>();
		for (String id : all) {
			LabelledCase c = data.read(id);
			if (ids.contains(id)) {
				cases.add(TrainingCase.of(c.id(), c.images(), c.labels(), normalizer));
			}
		}
		return CaseStore.of(cases);
	}

	/** {@code 1024 MB for 20 training cases of 1100 MB} */
	static String describeCache(TrainingDataset data, CaseStore store) {
		long bytes = 0;
		for (int i = 0; i < store.size(); i++) {
			bytes += store.shape(i).bytes();
		}
		return data.cache().cacheMb() + " MB for " + store.size() + " training cases of " + (bytes + (1 << 20) - 1) / (1 << 20)
			+ " MB";
	}

	static CaseCache cache(TrainingDataset data, CaseStore store) {
		return new CaseCache(store, CaseCache.bytesOfMb(data.cache().cacheMb()), true);
	}
}

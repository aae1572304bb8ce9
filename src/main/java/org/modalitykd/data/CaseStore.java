/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.io.IOException;
import java.util.List;

/**
 * Training cases read on demand: what patch sampling needs to know of every case without
 * its voxel data ({@link Shape}), and the case itself when a patch is cut from it.
 */
public interface CaseStore {

	/**
	 * What is known of a case without reading it.
	 *
	 * @param grid       the whole grid {x, y, z} the sampler places patches in
	 * @param foreground voxels whose class is not background
	 * @param channels   image channels
	 * @param bytes      what the case takes in memory ({@link TrainingCase#bytes()})
	 */
	record Shape(int[] grid, int foreground, int channels, long bytes) {
	}

	int size();

	Shape shape(int index);

	/** Reads case {@code index}; each call reads it afresh. */
	TrainingCase load(int index) throws IOException;

	/** The cases {@code indices} of {@code store}, in that order. */
	static CaseStore subset(CaseStore store, List<Integer> indices) {
		List<Integer> copy = List.copyOf(indices);
		return new CaseStore() {
			@Override
			public int size() {
				return copy.size();
			}

			@Override
			public Shape shape(int index) {
				return store.shape(copy.get(index));
			}

			@Override
			public TrainingCase load(int index) throws IOException {
				return store.load(copy.get(index));
			}
		};
	}

	/** Cases already in memory. */
	static CaseStore of(List<TrainingCase> cases) {
		List<TrainingCase> copy = List.copyOf(cases);
		return new CaseStore() {
			@Override
			public int size() {
				return copy.size();
			}

			@Override
			public Shape shape(int index) {
				TrainingCase c = copy.get(index);
				return new Shape(c.grid(), c.foreground().length, c.channels(), c.bytes());
			}

			@Override
			public TrainingCase load(int index) {
				return copy.get(index);
			}
		};
	}
}

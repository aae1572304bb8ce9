/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

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

		/** The shape of a case in memory. */
		public static Shape of(TrainingCase c) {
			return new Shape(c.grid(), c.foreground().length, c.channels(), c.bytes());
		}

		/**
		 * The shape of a case on {@code grid} cropped to {@code voxels} voxels, its bytes
		 * counted as {@link TrainingCase#bytes()} counts them once it is read.
		 */
		public static Shape of(int[] grid, long voxels, int channels, int foreground) {
			return new Shape(grid, foreground, channels, TrainingCase.bytes(voxels, channels, foreground));
		}
	}

	int size();

	Shape shape(int index);

	/** Reads case {@code index}; each call reads it afresh. */
	TrainingCase load(int index) throws IOException;

	/** The cases {@code indices} of {@code store}, in that order. */
	static CaseStore subset(CaseStore store, List<Integer> indices) {
		List<Integer> copy = List.copyOf(indices);
		return indexed(copy.size(), i -> store.shape(copy.get(i)), i -> store.load(copy.get(i)));
	}

	/** Cases already in memory. */
	static CaseStore of(List<TrainingCase> cases) {
		List<TrainingCase> copy = List.copyOf(cases);
		return indexed(copy.size(), i -> Shape.of(copy.get(i)), copy::get);
	}

	/** Reads a case by its index (a {@link CaseStore#load} that a lambda can be). */
	@FunctionalInterface
	interface Loader {
		TrainingCase load(int index) throws IOException;
	}

	/** A store of {@code size} cases whose shapes and contents {@code shape} and {@code load} give by index. */
	private static CaseStore indexed(int size, IntFunction<Shape> shape, Loader load) {
		return new CaseStore() {
			@Override
			public int size() {
				return size;
			}

			@Override
			public Shape shape(int index) {
				return shape.apply(index);
			}

			@Override
			public TrainingCase load(int index) throws IOException {
				return load.load(index);
			}
		};
	}
}

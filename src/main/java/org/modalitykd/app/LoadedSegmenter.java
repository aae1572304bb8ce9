/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Path;

import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * One bundle, loaded once, segmenting many volumes already in memory and nothing
 * written: how the experiment scores every evaluation case with each network it trained
 * (the default inference settings, the same way for every row), and how the benchmarks
 * time a segmentation.
 */
public final class LoadedSegmenter implements AutoCloseable {

	private final ModelBundle bundle;
	private final Segmenter segmenter;

	private LoadedSegmenter(ModelBundle bundle, InferenceSettings settings) throws IOException {
		this.bundle = bundle;
		this.segmenter = new Segmenter(bundle, settings);
	}

	/** Loads {@code bundle} into a TensorFlow session with {@code options}, to segment with the default settings. */
	public static LoadedSegmenter open(Path bundle, SessionOptions options) throws IOException {
		return open(bundle, options, InferenceSettings.defaults());
	}

	/** Loads {@code bundle} into a TensorFlow session with {@code options}, to segment with {@code settings}. */
	public static LoadedSegmenter open(Path bundle, SessionOptions options, InferenceSettings settings)
		throws IOException {
		ModelBundle loaded = ModelBundle.load(bundle, options);
		try {
			return new LoadedSegmenter(loaded, settings);
		} catch (IOException | RuntimeException e) {
			loaded.close();
			throw e;
		}
	}

	/** The number of trained weights. */
	public long parameters() {
		return bundle.weights().size();
	}

	/** The labels of {@code images}, which hold the bundle's modalities in its order. */
	public LabelVolume labels(Volume images) {
		return segment(images, false, Progress.NONE).labels();
	}

	/**
	 * The labels, probabilities and provenance of {@code images}.
	 *
	 * @param ignoreSpacing segment at the image's own spacing even where it differs from the model's
	 */
	public Segmentation segment(Volume images, boolean ignoreSpacing, Progress progress) {
		return segmenter.segment(images, ignoreSpacing, progress);
	}

	@Override
	public void close() {
		bundle.close();
	}
}

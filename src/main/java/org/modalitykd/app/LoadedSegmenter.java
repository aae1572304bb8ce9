/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Path;

import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * One bundle, loaded once, segmenting many volumes already in memory with the default
 * inference settings and nothing written: how the experiment scores every evaluation
 * case with each network it trained, the same way for every row.
 */
public final class LoadedSegmenter implements AutoCloseable {

	private final ModelBundle bundle;
	private final Segmenter segmenter;

	private LoadedSegmenter(ModelBundle bundle) throws IOException {
		this.bundle = bundle;
		this.segmenter = new Segmenter(bundle, InferenceSettings.defaults());
	}

	/** Loads {@code bundle} into a TensorFlow session with {@code options}. */
	public static LoadedSegmenter open(Path bundle, SessionOptions options) throws IOException {
		ModelBundle loaded = ModelBundle.load(bundle, options);
		try {
			return new LoadedSegmenter(loaded);
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
		return segmenter.segment(images, false, Progress.NONE).labels();
	}

	@Override
	public void close() {
		bundle.close();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.Weights;

/**
 * A trained teacher read from its bundle: what a distillation graph needs to rebuild
 * and freeze it.
 *
 * @param bundle     where it was read from
 * @param checksum   the bundle's SHA-256 (recorded in the student's card)
 * @param config     its architecture
 * @param modalities its input channels, in order
 * @param weights    its parameters by name
 */
public record TeacherModel(Path bundle, String checksum, UNetConfig config, List<String> modalities, Weights weights) {

	/**
	 * @throws IOException              when the bundle cannot be read
	 * @throws IllegalArgumentException when it is a per-modality (unpaired) model
	 */
	public static TeacherModel load(Path bundle) throws IOException {
		ModelCard card = ModelBundle.readCard(bundle);
		if (card.perModality()) {
			throw new IllegalArgumentException(bundle + " is a per-modality " + card.role().key()
				+ " model; a teacher reads all its modalities at once (train one with train-teacher)");
		}
		try (ModelBundle b = ModelBundle.load(bundle, SessionOptions.cpu())) {
			return new TeacherModel(bundle, ModelBundle.checksum(bundle), card.architecture(), card.modalities(),
				b.weights());
		}
	}

	/** The channel index of a modality, or an error naming what the teacher has. */
	public int channelOf(String modality) {
		int i = modalities.indexOf(modality);
		if (i < 0) {
			throw new IllegalArgumentException("the teacher " + bundle.getFileName() + " was trained on " + modalities
				+ ", not on " + modality + "; a student learns from a teacher that saw its modality");
		}
		return i;
	}
}

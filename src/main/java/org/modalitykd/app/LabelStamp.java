/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.util.List;

import org.modalitykd.infer.Segmentation;
import org.modalitykd.io.NiftiExtension;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.ModelCard;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * How a written label map says what made it: the 80-character header description, and
 * whether a NIfTI comment extension carries the whole provenance as JSON. Each use case
 * keeps the form its files had in earlier versions, so that outputs stay byte for byte
 * the same; a new use case takes {@link #CHECKSUM_AND_PROVENANCE}.
 */
public enum LabelStamp {
	/** "ModalityKD role sha256:(12 hex) modalities" and the provenance JSON: a single case. */
	CHECKSUM_AND_PROVENANCE,
	/** "ModalityKD role sha256:(12 hex) modalities" only: a cohort's label maps. */
	CHECKSUM,
	/** "ModalityKD role card-modalities" and the provenance JSON: a comparison of models. */
	MODALITIES_AND_PROVENANCE,
	/** "ModalityKD role bundle-name" only: the script service's case. */
	MODEL_NAME;

	/** Compact, nulls kept, as every JSON ModalityKD writes. */
	static final Gson JSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

	/** The header description for {@code s}, made by {@code model}. */
	String description(Segmentation s, ModelCatalog.Entry model) {
		ModelCard card = model.card();
		return switch (this) {
		case CHECKSUM_AND_PROVENANCE, CHECKSUM -> String.format("ModalityKD %s sha256:%.12s %s", card.role().key(),
			s.provenance().get("model_sha256"), s.provenance().get("modalities"));
		case MODALITIES_AND_PROVENANCE -> "ModalityKD " + card.role().key() + " " + String.join(",", card.modalities());
		case MODEL_NAME -> "ModalityKD " + card.role().key() + " " + model.name();
		};
	}

	/** The header extensions for {@code s}: the provenance as a JSON comment, or none. */
	List<NiftiExtension> extensions(Segmentation s) {
		return this == CHECKSUM_AND_PROVENANCE || this == MODALITIES_AND_PROVENANCE
			? List.of(NiftiExtension.comment(JSON.toJson(s.provenance())))
			: List.of();
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;

/**
 * A bundle's {@code saved_model.pb} parsed as data: every meta graph (for the safety
 * scan) and the one tagged {@code serve} with its {@code serving_default} signature
 * (for the loader). Parsing runs nothing.
 */
record SavedModelFile(Path bundleDir, SavedModel model, MetaGraphDef serving, ServingSignature signature) {

	static final String SERVE_TAG = "serve";

	static SavedModelFile read(Path bundleDir) throws IOException {
		SavedModel model;
		try (InputStream in = Files.newInputStream(bundleDir.resolve("saved_model.pb"))) {
			model = SavedModel.parseFrom(in);
		} catch (com.google.protobuf.InvalidProtocolBufferException e) {
			throw new ModelMismatchException(bundleDir + ": saved_model.pb is not a TensorFlow SavedModel ("
				+ e.getMessage() + ")");
		}
		MetaGraphDef serving = null;
		for (MetaGraphDef meta : model.getMetaGraphsList()) {
			if (meta.getMetaInfoDef().getTagsList().contains(SERVE_TAG)) {
				if (serving != null) {
					throw new ModelMismatchException(bundleDir + ": saved_model.pb holds several graphs tagged '" + SERVE_TAG
						+ "'; a ModalityKD bundle has one");
				}
				serving = meta;
			}
		}
		if (serving == null) {
			throw new ModelMismatchException(bundleDir + ": saved_model.pb has no graph tagged '" + SERVE_TAG
				+ "'; only load bundles made by ModalityKD");
		}
		SignatureDef sig = serving.getSignatureDefMap().get(ModelCardJson.SIGNATURE_KEY);
		if (sig == null) {
			throw new ModelMismatchException(bundleDir + ": the SavedModel has no '" + ModelCardJson.SIGNATURE_KEY
				+ "' signature");
		}
		return new SavedModelFile(bundleDir, model, serving, ServingSignature.of(sig));
	}
}

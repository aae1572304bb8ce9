/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.util.Map;

import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The {@code serving_default} signature of a bundle as written in {@code saved_model.pb}:
 * which graph tensors are fed and fetched. Read from the protocol buffer, so that
 * nothing of the bundle runs to learn it.
 */
record ServingSignature(Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs) {

	static ServingSignature of(SignatureDef def) {
		return new ServingSignature(Map.copyOf(def.getInputsMap()), Map.copyOf(def.getOutputsMap()));
	}

	/** Graph tensor name ({@code node:index}) of an input key, or null when the signature lacks it. */
	String inputTensor(String key) {
		TensorInfo info = inputs.get(key);
		return info == null ? null : info.getName();
	}

	/** Graph tensor name of an output key, or null when the signature lacks it. */
	String outputTensor(String key) {
		TensorInfo info = outputs.get(key);
		return info == null ? null : info.getName();
	}

	/** Size of the last axis of a rank-5 tensor, or -1 when the rank or the size is not fixed. */
	static long lastAxisOfRank5(TensorInfo info) {
		TensorShapeProto shape = info.getTensorShape();
		if (shape.getUnknownRank() || shape.getDimCount() != 5) {
			return -1;
		}
		return shape.getDim(4).getSize();
	}
}

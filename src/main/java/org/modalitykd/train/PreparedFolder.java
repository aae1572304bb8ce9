/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.modalitykd.io.CaseFiles;
import org.modalitykd.net.ModelCard;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The folder where the cases of {@code data} are kept prepared with {@code normalization}
 * ({@link PreparedCases}): what {@link PreparedCaseWriter} records in each case's manifest
 * and {@link PreparedCaseCheck} expects to find there, said once for both.
 */
record PreparedFolder(TrainingDataset data, ModelCard.IntensityNormalization normalization, Path folder) {

	/** The manifest entries that say what case {@code id} was prepared as: format, version, id, modalities, normalisation. */
	JsonObject identity(String id) {
		JsonObject m = new JsonObject();
		m.addProperty("format", PreparedCases.FORMAT);
		m.addProperty("version", PreparedCases.FORMAT_VERSION);
		m.addProperty("id", id);
		m.add("modalities", PreparedCaseJson.array(data.modalities()));
		m.addProperty("normalization", PreparedCaseJson.describe(normalization));
		return m;
	}

	/** Whether {@code manifest} holds the {@link #identity} of case {@code id}, entry by entry. */
	boolean isIdentity(JsonObject manifest, String id) {
		return identity(id).entrySet().stream().allMatch(e -> e.getValue().equals(manifest.get(e.getKey())));
	}

	/** The image files of case {@code files}' modalities of the dataset, then its labels. */
	List<Path> sources(CaseFiles files) {
		List<Path> out = new ArrayList<>();
		for (String mod : data.modalities()) {
			out.add(files.modalities().get(mod));
		}
		out.add(files.labels().orElseThrow());
		return out;
	}

	/** What a manifest records of a source file, to tell later whether it changed: path, size, time and SHA-256. */
	static JsonObject sourceRecord(Path file) throws IOException {
		JsonObject r = new JsonObject();
		r.addProperty("path", file.toAbsolutePath().normalize().toString());
		r.addProperty("bytes", Files.size(file));
		r.addProperty("modified", Files.getLastModifiedTime(file).toMillis());
		r.addProperty("sha256", PreparedCaseJson.sha256(file));
		return r;
	}

	/** The source records of case {@code id}, taken now. */
	JsonArray sourceRecords(String id) throws IOException {
		JsonArray recorded = new JsonArray();
		for (Path file : sources(data.files(id).orElseThrow())) {
			recorded.add(sourceRecord(file));
		}
		return recorded;
	}
}

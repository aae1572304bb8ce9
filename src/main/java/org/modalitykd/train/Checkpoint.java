/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.modalitykd.io.AtomicDirectory;
import org.tensorflow.Session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;

/**
 * A training checkpoint: a folder with every variable of the session's graph (network
 * weights, optimiser moments, step counter) in TensorFlow's checkpoint format, and
 * {@code checkpoint.json} with the caller's metadata (e.g. the data sampler's RNG
 * state, the configuration). Written atomically: a crash leaves the previous
 * checkpoint intact. Restoring into a graph built the same way continues bit-identically.
 */
public final class Checkpoint {

	public static final String FORMAT = "modalitykd-checkpoint-1";
	private static final String VARIABLES = "variables";
	private static final String METADATA = "checkpoint.json";
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private Checkpoint() {
	}

	/** Saves all variables and {@code metadata} (plus {@code format}) to {@code dir}. */
	public static void save(Session session, Path dir, Map<String, String> metadata) throws IOException {
		try (AtomicDirectory out = AtomicDirectory.create(dir)) {
			session.save(out.path().resolve(VARIABLES).toString());
			Map<String, String> all = new LinkedHashMap<>();
			all.put("format", FORMAT);
			all.putAll(metadata);
			Files.writeString(out.path().resolve(METADATA), GSON.toJson(all), StandardCharsets.UTF_8);
			out.commit();
		}
	}

	/**
	 * Restores every variable from {@code dir} into the session and returns the
	 * metadata.
	 *
	 * @throws IOException when the folder is not a checkpoint
	 */
	public static Map<String, String> restore(Session session, Path dir) throws IOException {
		Path meta = dir.resolve(METADATA);
		if (!Files.isRegularFile(meta)) {
			throw new NoSuchFileException(meta.toString(), null, "not a ModalityKD checkpoint (no " + METADATA + ")");
		}
		Map<String, String> metadata = GSON.fromJson(Files.readString(meta, StandardCharsets.UTF_8),
			new TypeToken<LinkedHashMap<String, String>>() {
			}.getType());
		if (!FORMAT.equals(metadata.get("format"))) {
			throw new IOException(dir + ": checkpoint format " + metadata.get("format") + " is not " + FORMAT);
		}
		try {
			session.restore(dir.resolve(VARIABLES).toString());
		} catch (RuntimeException e) {
			throw new IOException(dir + ": the checkpoint does not fit this network (" + firstLine(e.getMessage()) + ")", e);
		}
		return metadata;
	}

	private static String firstLine(String s) {
		return s == null ? "" : s.strip().lines().findFirst().orElse("");
	}
}

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
import java.util.List;
import java.util.function.Consumer;

import org.modalitykd.data.CaseStore;
import org.modalitykd.io.AtomicFile;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Decides from a prepared case's manifest whether it is still current
 * ({@link PreparedCases}): same format, modalities and normalisation, complete arrays,
 * and unchanged sources (size; modification time, or else SHA-256).
 */
final class PreparedCaseCheck {

	private final PreparedFolder prepared;
	private final Consumer<String> messages;

	PreparedCaseCheck(PreparedFolder prepared, Consumer<String> messages) {
		this.prepared = prepared;
		this.messages = messages;
	}

	/**
	 * The prepared case {@code id} if it is complete and its sources are unchanged; null
	 * (after saying why) when it must be prepared again.
	 */
	PreparedCase check(String id) throws IOException {
		Path dir = prepared.folder().resolve(id);
		Path manifest = dir.resolve(PreparedCases.MANIFEST);
		if (!Files.isRegularFile(manifest)) {
			return null;
		}
		JsonObject m;
		try {
			m = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
			if (!prepared.isIdentity(m, id)) {
				messages.accept("case " + id + ": " + dir + " was prepared by another version or for other settings; "
					+ "preparing it again");
				return null;
			}
		} catch (RuntimeException e) {
			messages.accept("case " + id + ": " + manifest + " is unreadable; preparing the case again");
			return null;
		}
		List<Path> now = prepared.sources(prepared.data().files(id).orElseThrow());
		JsonArray recorded = m.getAsJsonArray("sources");
		if (recorded.size() != now.size()) {
			messages.accept("case " + id + ": its files differ from those it was prepared from; preparing it again");
			return null;
		}
		boolean touched = false;
		for (int i = 0; i < now.size(); i++) {
			JsonObject r = recorded.get(i).getAsJsonObject();
			Path file = now.get(i);
			if (!file.toAbsolutePath().normalize().toString().equals(r.get("path").getAsString())) {
				messages.accept("case " + id + ": its files differ from those it was prepared from; preparing it again");
				return null;
			}
			long size;
			long modified;
			try {
				size = Files.size(file);
				modified = Files.getLastModifiedTime(file).toMillis();
			} catch (NoSuchFileException e) {
				throw new NoSuchFileException(file.toString(), null, "the file of case " + id
					+ " is gone; restore it, or move the case out of the dataset folder");
			}
			if (size != r.get("bytes").getAsLong()) {
				messages.accept("case " + id + ": " + file + " changed since it was prepared (" + size + " bytes, was "
					+ r.get("bytes").getAsLong() + "); preparing it again");
				return null;
			}
			if (modified != r.get("modified").getAsLong()) {
				if (!PreparedCaseJson.sha256(file).equals(r.get("sha256").getAsString())) {
					messages.accept("case " + id + ": " + file + " changed since it was prepared (its content); "
						+ "preparing it again");
					return null;
				}
				r.addProperty("modified", modified);
				touched = true;
			}
		}
		JsonObject grid = m.getAsJsonObject("grid");
		int[] dims = PreparedCaseJson.ints(grid.getAsJsonArray("dims"));
		int[] box = PreparedCaseJson.ints(m.getAsJsonObject("box").getAsJsonArray("size"));
		int[] origin = PreparedCaseJson.ints(m.getAsJsonObject("box").getAsJsonArray("origin"));
		int channels = prepared.data().modalities().size();
		long voxels = (long) box[0] * box[1] * box[2];
		JsonObject images = m.getAsJsonObject("images");
		JsonObject classes = m.getAsJsonObject("classes");
		if (size(dir.resolve(PreparedCases.IMAGES)) != 4 * voxels * channels || size(dir.resolve(PreparedCases.CLASSES)) != voxels
			|| images.get("bytes").getAsLong() != 4 * voxels * channels || classes.get("bytes").getAsLong() != voxels) {
			messages.accept("case " + id + ": the prepared arrays in " + dir + " are incomplete; preparing it again");
			return null;
		}
		if (touched) {
			// Same content, newer time: record it, so that the checksum is not taken every time.
			AtomicFile.writeString(manifest, m.toString());
		}
		int foreground = m.get("foreground").getAsInt();
		return new PreparedCase(id, CaseStore.Shape.of(dims, voxels, channels, foreground),
			box, origin, Long.parseLong(images.get("crc32c").getAsString(), 16),
			Long.parseLong(classes.get("crc32c").getAsString(), 16));
	}

	private static long size(Path file) throws IOException {
		return Files.isRegularFile(file) ? Files.size(file) : -1;
	}
}

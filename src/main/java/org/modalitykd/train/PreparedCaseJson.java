/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.modalitykd.net.ModelCard;

import com.google.gson.JsonArray;

/** The values of a prepared case's manifest ({@link PreparedCases}): checksums, settings, JSON arrays. */
final class PreparedCaseJson {

	private PreparedCaseJson() {
	}

	static String reason(IOException e) {
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	static String describe(ModelCard.IntensityNormalization n) {
		return ModelCard.IntensityNormalization.HU_WINDOW.equals(n.method())
			? String.format(Locale.ROOT, "%s [%s, %s]", n.method(), n.windowMin(), n.windowMax()) : n.method();
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest md = digest();
			byte[] buffer = new byte[PreparedCases.CHUNK];
			for (int n; (n = in.read(buffer)) > 0;) {
				md.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(md.digest());
		}
	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JVM lacks SHA-256", e);
		}
	}

	static JsonArray array(List<String> values) {
		JsonArray a = new JsonArray();
		values.forEach(a::add);
		return a;
	}

	static JsonArray array(int[] values) {
		JsonArray a = new JsonArray();
		for (int v : values) {
			a.add(v);
		}
		return a;
	}

	static List<String> strings(JsonArray a) {
		List<String> out = new ArrayList<>();
		a.forEach(e -> out.add(e.getAsString()));
		return out;
	}

	static int[] ints(JsonArray a) {
		int[] out = new int[a.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = a.get(i).getAsInt();
		}
		return out;
	}
}

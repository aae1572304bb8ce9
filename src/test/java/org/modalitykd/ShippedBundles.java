/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modalitykd.io.FolderCopy;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The bundles release 1 shipped, kept as they were (src/test/resources/bundles/v1, whose
 * README says how the stored label maps were made), and copies of them with the card in
 * another format, for the tests that old bundles keep loading and newer ones are refused.
 */
public final class ShippedBundles {

	/** Release 1's bundles (card format 1), its sample case and the labels they made of it. */
	public static final Path V1 = Path.of("src/test/resources/bundles/v1");
	/** The release-1 teacher. */
	public static final Path V1_TEACHER = V1.resolve("teacher");
	/** The one line a card of the next format gets. */
	public static final String NEWER = "model card format " + (ModelCard.FORMAT_VERSION + 1)
		+ " is newer than this ModalityKD reads (up to " + ModelCard.FORMAT_VERSION + "): update ModalityKD";

	private ShippedBundles() {
	}

	/** A copy of the release-1 teacher in {@code dir} whose card has {@code format_version} removed. */
	public static Path withoutFormatVersion(Path dir) throws IOException {
		FolderCopy.copy(V1_TEACHER, dir);
		JsonObject card = card(dir);
		if (card.remove("format_version") == null) {
			throw new IllegalStateException("the shipped card should say its format");
		}
		writeCard(dir, card);
		return dir;
	}

	/**
	 * A copy of the release-1 teacher in {@code dir} whose card claims the next format, with
	 * a key this version does not know instead of one it needs (as a newer format may
	 * have), and a SavedModel that is not one: only a refusal before the graph is read
	 * names the format.
	 */
	public static Path newerFormat(Path dir) throws IOException {
		FolderCopy.copy(V1_TEACHER, dir);
		JsonObject card = card(dir);
		card.addProperty("format_version", ModelCard.FORMAT_VERSION + 1);
		card.add("roles", card.remove("role"));
		writeCard(dir, card);
		Files.writeString(dir.resolve("saved_model.pb"), "not a SavedModel");
		return dir;
	}

	/** A data folder in {@code dir} holding a copy of the sample case (training must not write beside the fixtures). */
	public static Path sampleData(Path dir) throws IOException {
		FolderCopy.copy(V1.resolve("synth_0001"), dir.resolve("synth_0001"));
		return dir;
	}

	/**
	 * What the tests of a newer card's refusal share: a models folder holding one bundle
	 * whose card is of a newer format, the sample cases, one case folder and the line every
	 * front end refuses the bundle with.
	 */
	public record NewerCard(Path models, Path bundle, Path data, Path caseDir, String refusal) {

		/** Made under {@code dir}. */
		public static NewerCard in(Path dir) throws IOException {
			Path models = Files.createDirectories(dir.resolve("models"));
			Path bundle = newerFormat(models.resolve("teacher"));
			Path data = sampleData(dir.resolve("data"));
			return new NewerCard(models, bundle, data, data.resolve("synth_0001"),
				bundle.resolve(ModelBundle.CARD_FILE) + ": " + NEWER);
		}
	}

	private static JsonObject card(Path dir) throws IOException {
		return JsonParser.parseString(Files.readString(dir.resolve(ModelBundle.CARD_FILE))).getAsJsonObject();
	}

	private static void writeCard(Path dir, JsonObject card) throws IOException {
		Files.writeString(dir.resolve(ModelBundle.CARD_FILE), card.toString(), StandardCharsets.UTF_8);
	}
}

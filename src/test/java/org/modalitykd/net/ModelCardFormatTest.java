/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.ShippedBundles;
import org.modalitykd.TestDevice;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Model cards say their format ({@code format_version}): a card without it is format 1 and
 * loads; a card of a newer format is refused with one line at load time, before anything
 * of the bundle's graph is read.
 */
class ModelCardFormatTest {

	@TempDir
	Path tmp;

	@Test
	void aCardWithoutFormatVersionIsFormat1AndLoads() throws IOException {
		Path dir = ShippedBundles.withoutFormatVersion(tmp.resolve("teacher"));
		assertFalse(Files.readString(dir.resolve(ModelBundle.CARD_FILE)).contains("format_version"));
		ModelCard shipped = ModelBundle.readCard(ShippedBundles.V1_TEACHER);
		try (ModelBundle b = ModelBundle.load(dir, TestDevice.session())) {
			ModelCard c = b.card();
			assertEquals(1, c.formatVersion());
			assertEquals(shipped.modalities(), c.modalities());
			assertArrayEquals(shipped.labelMap(), c.labelMap());
			assertEquals(shipped.architecture(), c.architecture());
			assertEquals(shipped.provenance(), c.provenance());
			assertEquals(ModelCardJson.write(shipped), ModelCardJson.write(c), "the same card, with or without the key");
		}
		assertEquals(1, shipped.formatVersion());
	}

	@Test
	void aNewerFormatIsRefusedWithOneLineBeforeTheGraphIsRead() throws IOException {
		Path dir = ShippedBundles.newerFormat(tmp.resolve("teacher"));
		IOException loaded = assertThrows(IOException.class, () -> ModelBundle.load(dir, TestDevice.session()));
		assertEquals(dir.resolve(ModelBundle.CARD_FILE) + ": " + ShippedBundles.NEWER, loaded.getMessage());
		IOException read = assertThrows(IOException.class, () -> ModelBundle.readCard(dir));
		assertEquals(loaded.getMessage(), read.getMessage());
		IOException scanned = assertThrows(IOException.class, () -> ModelCatalog.scan(tmp));
		assertEquals(loaded.getMessage(), scanned.getMessage(), "a models folder holding it says the same");
	}

	@Test
	void formatsThatNeverExistedAreRefused() {
		for (String v : new String[] { "0", "-1" }) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ModelCardJson.read("{\"format_version\": " + v + ", \"role\": \"teacher\"}"));
			assertEquals("model card format " + v + " does not exist (ModalityKD reads 1 to " + ModelCard.FORMAT_VERSION
				+ "): the card is damaged", e.getMessage());
		}
		for (String v : new String[] { "1.5", "\"one\"", "[]", "{}" }) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ModelCardJson.read("{\"format_version\": " + v + ", \"role\": \"teacher\"}"));
			assertTrue(e.getMessage().startsWith("the model card's format_version "), e.getMessage());
			assertTrue(e.getMessage().endsWith(" is not a format number (a whole number, e.g. 1)"), e.getMessage());
		}
	}

	@Test
	void theWriterWritesTheCurrentFormat() throws IOException {
		ModelCard c = ModelBundle.readCard(ShippedBundles.withoutFormatVersion(tmp.resolve("teacher")));
		JsonObject written = JsonParser.parseString(ModelCardJson.write(c)).getAsJsonObject();
		assertEquals(ModelCard.FORMAT_VERSION, written.get("format_version").getAsInt());
	}
}

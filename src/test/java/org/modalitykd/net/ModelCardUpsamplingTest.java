/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The model card's {@code architecture.upsampling}: written as it always was
 * ({@code transposed_conv}, {@code resize_conv}), read in either spelling, and a card
 * without it means the transposed convolution; the shipped bundles read as transposed.
 */
class ModelCardUpsamplingTest {

	private static JsonObject cardJson(Upsampling u) {
		ModelCard c = ModelBundleTest.card(ModelBundleTest.CONFIG.withUpsampling(u), List.of("t1", "t1ce", "t2", "flair"),
			ModelRole.TEACHER);
		return JsonParser.parseString(ModelCardJson.write(c)).getAsJsonObject();
	}

	@Test
	void writtenAndReadBack() {
		JsonObject o = cardJson(Upsampling.RESIZE_CONV);
		assertEquals("resize_conv", o.getAsJsonObject("architecture").get("upsampling").getAsString());
		assertEquals(Upsampling.RESIZE_CONV, ModelCardJson.read(o.toString()).architecture().upsampling());
		o.getAsJsonObject("architecture").addProperty("upsampling", "resize");
		assertEquals(Upsampling.RESIZE_CONV, ModelCardJson.read(o.toString()).architecture().upsampling(),
			"the option's spelling too");
	}

	@Test
	void aCardWithoutTheKeyIsTransposed() {
		JsonObject o = cardJson(Upsampling.RESIZE_CONV);
		o.getAsJsonObject("architecture").remove("upsampling");
		assertEquals(Upsampling.TRANSPOSED_CONV, ModelCardJson.read(o.toString()).architecture().upsampling());
	}

	@Test
	void anUnknownValueSaysWhatIsAllowed() {
		JsonObject o = cardJson(Upsampling.TRANSPOSED_CONV);
		o.getAsJsonObject("architecture").addProperty("upsampling", "pixel_shuffle");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCardJson.read(o.toString()));
		assertEquals("the model card's upsampling: unknown upsampling 'pixel_shuffle': choose transposed or resize",
			e.getMessage());
	}

	@Test
	void theShippedBundlesUpsampleByResizeAndTheFirstReleasesByTransposedConvolution() throws IOException {
		for (String m : List.of("teacher", "student-t1ce", "student-flair", "baseline-t1ce", "baseline-flair")) {
			Path card = Path.of("sample-data/models", m, ModelBundle.CARD_FILE);
			assertTrue(Files.readString(card, StandardCharsets.UTF_8).contains("\"upsampling\": \"resize_conv\""), m);
			assertEquals(Upsampling.RESIZE_CONV, ModelBundle.readCard(card.getParent()).architecture().upsampling(), m);
			Path first = Path.of("src/test/resources/bundles/v1", m);
			if (Files.isDirectory(first)) {
				assertEquals(Upsampling.TRANSPOSED_CONV, ModelBundle.readCard(first).architecture().upsampling(), "v1 " + m);
			}
		}
	}
}

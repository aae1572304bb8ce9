/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The model card's {@code provenance.loss_options}: written, read back, and optional for older cards. */
class ModelCardLossOptionsTest {

	private static ModelCard card(Map<String, String> options) {
		ModelCard c = ModelBundleTest.card(ModelBundleTest.CONFIG, List.of("t1", "t1ce", "t2", "flair"), ModelRole.TEACHER);
		ModelCard.Provenance p = c.provenance();
		return new ModelCard(c.formatVersion(), c.role(), c.modalities(), c.labelMap(), c.classNames(), c.normalization(),
			c.patchSize(), c.spacing(), c.architecture(), new ModelCard.Provenance(p.method(), p.lossWeights(), p.data(),
				p.seed(), p.steps(), p.software(), p.date(), options), c.validation());
	}

	@Test
	void lossOptionsRoundTrip() {
		Map<String, String> options = Map.of("seg_loss", "official", "latent_loss", "kl");
		String json = ModelCardJson.write(card(options));
		JsonObject prov = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("provenance");
		assertEquals("kl", prov.getAsJsonObject("loss_options").get("latent_loss").getAsString());
		assertEquals(options, ModelCardJson.read(json).provenance().lossOptions());
	}

	@Test
	void aCardWrittenBeforeLossOptionsReadsAsNone() {
		JsonObject o = JsonParser.parseString(ModelCardJson.write(card(Map.of("seg_loss", "default")))).getAsJsonObject();
		o.getAsJsonObject("provenance").remove("loss_options");
		assertTrue(ModelCardJson.read(o.toString()).provenance().lossOptions().isEmpty());
	}
}

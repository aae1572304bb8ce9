/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modality-aware choice, from cards alone (no TensorFlow). */
class ModelCatalogTest {

	@TempDir
	Path tmp;

	private void card(String name, ModelRole role, List<String> modalities, int slots, double dice) throws IOException {
		UNetConfig config = UNetConfig.defaults(slots > 1 ? 1 : modalities.size(), 4).withLevels(3).withBaseFilters(4);
		if (slots > 1) {
			config = config.withNormalization(Normalization.INSTANCE, slots);
		}
		ModelCard c = new ModelCard(ModelCard.FORMAT_VERSION, role, modalities, ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.NONE),
			new int[] { 16, 16, 16 }, new double[] { 1, 1, 1 }, config,
			new ModelCard.Provenance("kd-net", Map.of(), "x", 1, 1, Map.of(), "2026"), Map.of("dice_wt", dice));
		Path dir = Files.createDirectories(tmp.resolve(name));
		Files.writeString(dir.resolve(ModelBundle.CARD_FILE), ModelCardJson.write(c));
	}

	@Test
	void thePresentModalitiesDecide() throws IOException {
		card("teacher", ModelRole.TEACHER, List.of("t1", "t1ce", "t2", "flair"), 1, 0.9);
		card("student_t1", ModelRole.STUDENT, List.of("t1"), 1, 0.7);
		card("student_t1_old", ModelRole.STUDENT, List.of("t1"), 1, 0.6);
		card("student_flair", ModelRole.STUDENT, List.of("flair"), 1, 0.8);
		card("baseline_t1_flair", ModelRole.BASELINE, List.of("t1", "flair"), 1, 0.75);
		Files.createDirectories(tmp.resolve("not-a-model"));
		ModelCatalog catalog = ModelCatalog.scan(tmp);
		assertEquals(5, catalog.entries().size(), "folders without a card are skipped");

		assertEquals("teacher", catalog.choose("auto", List.of("t1", "t1ce", "t2", "flair")).entry().name());
		assertEquals("student_t1", catalog.choose("auto", List.of("t1")).entry().name(), "the better of two T1 students");
		assertEquals("baseline_t1_flair", catalog.choose("auto", List.of("t1", "flair")).entry().name(),
			"two modalities read beat one");
		ModelCatalog.Choice fallback = catalog.choose("teacher", List.of("flair"));
		assertTrue(fallback.fallback());
		assertEquals("student_flair", fallback.entry().name());
		assertEquals("teacher needs t1, t1ce, t2, which the image lacks; using student_flair: student (flair) instead",
			fallback.reason());
		ModelCatalog.Choice asked = catalog.choose("student_t1_old", List.of("t1", "t1ce", "t2", "flair"));
		assertFalse(asked.fallback());
		assertEquals("student_t1_old", asked.entry().name(), "a model that fits is taken as asked");
		assertThrows(IllegalArgumentException.class, () -> catalog.choose("nope", List.of("t1")));
		IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
			() -> catalog.choose("auto", List.of("t2")));
		assertTrue(none.getMessage().startsWith("no model fits an image with [t2]"), none.getMessage());
		assertEquals(1, ModelCatalog.scan(tmp.resolve("teacher")).entries().size(), "a bundle is a catalog of one");
	}

	@Test
	void anUnpairedModelFitsAnyOneOfItsModalities() throws IOException {
		card("unpaired", ModelRole.UNPAIRED, List.of("t1", "t2"), 2, 0.5);
		ModelCatalog catalog = ModelCatalog.scan(tmp);
		assertEquals("unpaired", catalog.choose("auto", List.of("t2")).entry().name());
		assertThrows(IllegalArgumentException.class, () -> catalog.choose("auto", List.of("flair")));
	}

	@Test
	void anEmptyFolderSaysWhatABundleIs() {
		IOException e = assertThrows(IOException.class, () -> ModelCatalog.scan(tmp));
		assertTrue(e.getMessage().contains("no model bundle here"), e.getMessage());
	}
}

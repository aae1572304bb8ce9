/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TestDevice;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

class ModelBundleTest {

	@TempDir
	Path tmp;

	static final UNetConfig CONFIG = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);

	static ModelCard card(UNetConfig config, List<String> modalities, ModelRole role) {
		return new ModelCard(ModelCard.FORMAT_VERSION, role, modalities, ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO),
			new int[] { 16, 16, 16 }, new double[] { 1, 1, 1 }, config,
			new ModelCard.Provenance("supervised", Map.of("dice", 1.0, "cross_entropy", 1.0), "synthetic", 7, 3,
				Map.of("tensorflow", org.tensorflow.TensorFlow.version()), "2026-01-01T00:00:00Z"),
			Map.of("dice_wt", 0.5));
	}

	/** Trained-looking weights: a network built with another seed than the card's. */
	static Weights weights(UNetConfig config) {
		try (org.tensorflow.Graph g = new org.tensorflow.Graph(); org.tensorflow.Session s = new org.tensorflow.Session(g)) {
			org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
			VariableStore store = new VariableStore(tf, "student", 12345);
			UNet.build(tf, config, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.TRAINING);
			return store.read(s);
		}
	}

	static float[] random(int n, long seed) {
		java.util.Random r = new java.util.Random(seed);
		float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) r.nextGaussian();
		}
		return v;
	}

	/** Probabilities of a reference inference graph built directly with the weights. */
	static float[] reference(UNetConfig config, Weights w, long[] shape, float[] image) {
		try (org.tensorflow.Graph g = new org.tensorflow.Graph(); org.tensorflow.Session s = new org.tensorflow.Session(g)) {
			org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
			var x = tf.placeholder(TFloat32.class);
			VariableStore store = new VariableStore(tf, "", 1);
			UNet<TFloat32> net = UNet.build(tf, config, store, TFloat32.class, x, NetMode.INFERENCE);
			store.assign(s, w);
			try (TFloat32 in = Tensors.floats(shape, image); Result r = s.runner().feed(x, in).fetch(net.probabilities()).run()) {
				return Tensors.toFloats(r.get(0));
			}
		}
	}

	@Test
	void saveLoadGivesIdenticalOutputs() throws IOException {
		Weights w = weights(CONFIG);
		Path dir = tmp.resolve("models/teacher");
		ModelBundle.save(dir, card(CONFIG, org.modalitykd.io.Modalities.BRATS, ModelRole.TEACHER), w);
		try (Stream<Path> files = Files.list(dir.getParent())) {
			assertEquals(List.of(dir), files.toList(), "only the bundle, no temporary folder");
		}
		assertTrue(Files.isRegularFile(dir.resolve("saved_model.pb")));
		long[] shape = { 2, 8, 16, 8, 4 };
		float[] image = random(2 * 8 * 16 * 8 * 4, 3);
		float[] expected = reference(CONFIG, w, shape, image);
		try (ModelBundle b = ModelBundle.load(dir, TestDevice.session()); TFloat32 in = Tensors.floats(shape, image);
			Result r = b.session().runner().feed(b.inputName(), in).fetch(b.outputName()).run()) {
			assertArrayEquals(expected, Tensors.toFloats(r.get(0)), "bit-identical after save and load");
			assertEquals(card(CONFIG, org.modalitykd.io.Modalities.BRATS, ModelRole.TEACHER).provenance(),
				b.card().provenance());
			Weights loaded = b.weights();
			for (String name : loaded.tensors().keySet()) {
				assertArrayEquals(w.get(name).values(), loaded.get(name).values(), name);
			}
			assertEquals(w.tensors().keySet(), loaded.tensors().keySet());
		}
	}

	@Test
	void cardRoundTripsThroughJson() {
		ModelCard c = card(CONFIG.withNormalization(Normalization.BATCH, 2).withDownsampling(Downsampling.STRIDED_CONV)
			.withUpsampling(Upsampling.RESIZE_CONV).withInputChannels(1), List.of("t1", "t2"), ModelRole.UNPAIRED);
		String json = ModelCardJson.write(c);
		ModelCard back = ModelCardJson.read(json);
		assertEquals(c.architecture(), back.architecture());
		assertEquals(c.modalities(), back.modalities());
		assertArrayEquals(c.labelMap(), back.labelMap());
		assertArrayEquals(c.patchSize(), back.patchSize());
		assertArrayEquals(c.spacing(), back.spacing());
		assertEquals(c.provenance(), back.provenance());
		assertEquals(c.validation(), back.validation());
		assertEquals(ModelRole.UNPAIRED, back.role());
		assertTrue(json.contains("\"role\": \"unpaired\"") && json.contains("\"normalization\": \"batch\""), json);
		assertEquals(json, ModelCardJson.write(back), "writing is stable");
	}

	@Test
	void badBundlesAreRefusedWithOneClearLine() throws IOException {
		IOException none = assertThrows(NoSuchFileException.class, () -> ModelBundle.load(tmp.resolve("nope"),
			TestDevice.session()));
		assertTrue(none.getMessage().contains("no such model bundle"), none.getMessage());

		Path dir = tmp.resolve("m");
		ModelBundle.save(dir, card(CONFIG, org.modalitykd.io.Modalities.BRATS, ModelRole.TEACHER), weights(CONFIG));
		Path cardFile = dir.resolve(ModelBundle.CARD_FILE);
		String good = Files.readString(cardFile);

		Files.writeString(cardFile, good.replace("\"format_version\": 1", "\"format_version\": 99"));
		IOException newer = assertThrows(IOException.class, () -> ModelBundle.load(dir, TestDevice.session()));
		assertTrue(newer.getMessage().contains("update ModalityKD"), newer.getMessage());

		Files.writeString(cardFile, good.replace("\"modalities\": [\n    \"t1\",\n    \"t1ce\",\n    \"t2\",\n    \"flair\"\n  ]",
			"\"modalities\": [\"t1\", \"t2\"]").replace("\"input_channels\": 4", "\"input_channels\": 2"));
		ModelMismatchException channels = assertThrows(ModelMismatchException.class,
			() -> ModelBundle.load(dir, TestDevice.session()));
		assertTrue(channels.getMessage().contains("reads 4 channels but the card says 2"), channels.getMessage());

		Files.writeString(cardFile, good.replace("\"role\": \"teacher\",", ""));
		IOException missing = assertThrows(IOException.class, () -> ModelBundle.load(dir, TestDevice.session()));
		assertTrue(missing.getMessage().contains("lacks 'role'"), missing.getMessage());
		Files.writeString(cardFile, good);
	}

	@Test
	void casesThatDoNotFitAreRefused() throws IOException {
		Path dir = tmp.resolve("m");
		ModelBundle.save(dir, card(CONFIG, org.modalitykd.io.Modalities.BRATS, ModelRole.TEACHER), weights(CONFIG));
		try (ModelBundle b = ModelBundle.load(dir, TestDevice.session())) {
			double[] mm1 = { 1, 1, 1 };
			b.checkCase(List.of("t1", "t1ce", "t2", "flair"), mm1, false);
			ModelMismatchException missing = assertThrows(ModelMismatchException.class,
				() -> b.checkCase(List.of("t1", "t2", "flair"), mm1, false));
			assertTrue(missing.getMessage().startsWith("the model needs t1ce"), missing.getMessage());
			assertThrows(ModelMismatchException.class, () -> b.checkCase(List.of("t1ce", "t1", "t2", "flair"), mm1, false));
			ModelMismatchException spacing = assertThrows(ModelMismatchException.class,
				() -> b.checkCase(List.of("t1", "t1ce", "t2", "flair"), new double[] { 0.5, 0.5, 2 }, false));
			assertTrue(spacing.getMessage().contains("trained at 1x1x1 mm") && spacing.getMessage().contains("0.5x0.5x2"),
				spacing.getMessage());
			b.checkCase(List.of("t1", "t1ce", "t2", "flair"), new double[] { 0.5, 0.5, 2 }, true);
			b.checkCase(List.of("t1", "t1ce", "t2", "flair"), new double[] { 1.02, 0.98, 1 }, false);
		}
	}

	@Test
	void aFailedSaveLeavesNothingAndChecksumsIdentifyBundles() throws IOException {
		Path dir = tmp.resolve("m");
		Weights wrong = weights(CONFIG.withBaseFilters(8));
		assertThrows(IllegalArgumentException.class,
			() -> ModelBundle.save(dir, card(CONFIG, org.modalitykd.io.Modalities.BRATS, ModelRole.TEACHER), wrong));
		try (Stream<Path> files = Files.list(tmp)) {
			assertEquals(0, files.count(), "neither the bundle nor a temporary folder");
		}
		ModelBundle.save(dir, card(CONFIG, org.modalitykd.io.Modalities.BRATS, ModelRole.TEACHER), weights(CONFIG));
		String first = ModelBundle.checksum(dir);
		assertEquals(first, ModelBundle.checksum(dir));
		ModelBundle.save(dir, card(CONFIG, org.modalitykd.io.Modalities.BRATS, ModelRole.STUDENT), weights(CONFIG));
		assertNotEquals(first, ModelBundle.checksum(dir), "another card, another checksum");
		assertFalse(Files.exists(tmp.resolve("m.old")));
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TestDevice;
import org.modalitykd.io.Modalities;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The loader that runs only the serving subgraph, with the weights read by its own
 * restore op as constants, holds exactly the weights TensorFlow's own SavedModel loader
 * restores and computes what that loader computes (the reference) up to float rounding,
 * for the shipped bundles and every normalisation option.
 */
class SafeLoaderTest {

	/**
	 * TensorFlow's loader runs the network's instance norms as separate ops; ours, with
	 * the weights as constants, lets oneDNN fuse each into one kernel that sums in another
	 * order. Measured: probabilities differ by at most 8.4e-5 (shipped bundles, random
	 * input); batch norm and per-modality slots are not fused and agree exactly.
	 */
	private static final float PROBABILITY_TOLERANCE = 2.5e-4f;

	@TempDir
	Path tmp;

	private static float[] run(Session session, String input, String output, String slotInput, long[] shape,
		float[] image) {
		List<Tensor> open = new ArrayList<>();
		try {
			TFloat32 x = Tensors.floats(shape, image);
			open.add(x);
			Session.Runner r = session.runner().feed(input, x).fetch(output);
			if (slotInput != null) {
				TInt32 slot = TInt32.scalarOf(1);
				open.add(slot);
				r.feed(slotInput, slot);
			}
			try (Result res = r.run()) {
				return Tensors.toFloats((TFloat32) res.get(0));
			}
		} finally {
			open.forEach(Tensor::close);
		}
	}

	private static void assertSameAsTensorFlowsLoader(Path dir) throws IOException {
		ModelCard card = ModelBundle.readCard(dir);
		int[] p = card.patchSize();
		long[] shape = { 1, p[2], p[1], p[0], card.architecture().inputChannels() };
		float[] image = ModelBundleTest.random(Math.toIntExact(shape[1] * shape[2] * shape[3] * shape[4]), 5);
		float[] ours;
		Weights ourWeights;
		try (ModelBundle b = ModelBundle.load(dir, TestDevice.session())) {
			ours = run(b.session(), b.inputName(), b.outputName(), b.normSlotName(), shape, image);
			ourWeights = b.weights();
			assertTrue(noVariables(b.graph()),
				"the served graph holds its weights as constants");
		}
		float[] reference;
		try (SavedModelBundle tf = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG)) {
			var sig = tf.function(ModelCardJson.SIGNATURE_KEY).signature();
			String slot = card.perModality() ? sig.getInputs().get(ModelCardJson.NORM_SLOT).name : null;
			reference = run(tf.session(), sig.getInputs().get(ModelCardJson.INPUT).name,
				sig.getOutputs().get(ModelCardJson.OUTPUT).name, slot, shape, image);
			assertSameWeights(tf, ourWeights, dir);
		}
		assertEquals(shape[1] * shape[2] * shape[3] * card.architecture().classes(), ours.length);
		assertArrayEquals(reference, ours, PROBABILITY_TOLERANCE, dir.toString());
	}

	/** Every weight bit for bit as TensorFlow's loader restores it into its variables. */
	private static void assertSameWeights(SavedModelBundle tf, Weights ours, Path dir) {
		List<String> names = new ArrayList<>();
		tf.graph().operations().forEachRemaining(op -> {
			if (op.type().equals("VariableV2")) {
				names.add(op.name());
			}
		});
		assertEquals(new java.util.TreeSet<>(names), new java.util.TreeSet<>(ours.tensors().keySet()), dir + ": weight names");
		Session.Runner r = tf.session().runner();
		names.forEach(r::fetch);
		try (Result res = r.run()) {
			for (int i = 0; i < names.size(); i++) {
				TFloat32 t = (TFloat32) res.get(i);
				assertArrayEquals(t.shape().asArray(), ours.get(names.get(i)).shape(), names.get(i));
				assertArrayEquals(Tensors.toFloats(t), ours.get(names.get(i)).values(), dir + ": " + names.get(i));
			}
		}
	}

	private static boolean noVariables(Graph g) {
		boolean[] none = { true };
		g.operations().forEachRemaining(op -> none[0] &= !op.type().startsWith("Variable"));
		return none[0];
	}

	@Test
	void theShippedBundlesGiveTheSameProbabilitiesAsTensorFlowsLoader() throws IOException {
		List<Path> shipped;
		try (Stream<Path> dirs = Files.list(Path.of("sample-data/models"))) {
			shipped = dirs.filter(d -> Files.isRegularFile(d.resolve(ModelBundle.CARD_FILE))).sorted().toList();
		}
		assertTrue(shipped.size() >= 3, "the shipped bundles: " + shipped);
		for (Path dir : shipped) {
			assertSameAsTensorFlowsLoader(dir);
		}
	}

	@Test
	void everyNormalisationGivesTheSameProbabilitiesAsTensorFlowsLoader() throws IOException {
		UNetConfig base = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);
		List<UNetConfig> configs = List.of(base.withNormalization(Normalization.BATCH, 1),
			base.withInputChannels(1).withNormalization(Normalization.BATCH, 2),
			base.withInputChannels(1).withNormalization(Normalization.INSTANCE, 2));
		int i = 0;
		for (UNetConfig config : configs) {
			assertSameAsTensorFlowsLoader(saveTrainedLooking("net" + i++, config));
		}
	}

	@Test
	void resizeUpsamplingGivesTheSameProbabilitiesAsTensorFlowsLoader() throws IOException {
		UNetConfig base = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4).withUpsampling(Upsampling.RESIZE_CONV);
		assertSameAsTensorFlowsLoader(saveTrainedLooking("resize", base));
		assertSameAsTensorFlowsLoader(saveTrainedLooking("resize_strided_slots", base.withInputChannels(1)
			.withDownsampling(Downsampling.STRIDED_CONV).withNormalization(Normalization.BATCH, 2)));
	}

	private Path saveTrainedLooking(String name, UNetConfig config) throws IOException {
		Path dir = tmp.resolve(name);
		boolean slots = config.normSlots() > 1;
		ModelBundle.save(dir, new ModelCard(ModelCard.FORMAT_VERSION, slots ? ModelRole.UNPAIRED : ModelRole.TEACHER,
			slots ? List.of("t1", "t2") : Modalities.BRATS, ModelCard.BRATS_LABELS, ModelCard.BRATS_CLASS_NAMES,
			new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO),
			new int[] { 16, 16, 16 }, new double[] { 1, 1, 1 }, config,
			new ModelCard.Provenance("test", Map.of(), "none", 1, 1, Map.of(), "2026-01-01T00:00:00Z"), Map.of()),
			trainedLooking(config));
		return dir;
	}

	/** Weights with non-trivial batch-norm statistics too (a fresh network's are 0 and 1). */
	private static Weights trainedLooking(UNetConfig config) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			VariableStore store = new VariableStore(tf, "", 99);
			UNet.build(tf, config, store, TFloat32.class, tf.placeholder(TFloat32.class), NetMode.TRAINING);
			Weights w = store.read(s);
			Map<String, Weights.Tensor> shifted = new java.util.LinkedHashMap<>();
			java.util.Random r = new java.util.Random(3);
			w.tensors().forEach((name, t) -> {
				float[] v = t.values().clone();
				for (int k = 0; k < v.length; k++) {
					v[k] += 0.1f + 0.05f * (float) r.nextGaussian();
				}
				shifted.put(name, new Weights.Tensor(t.shape(), v));
			});
			return new Weights(shifted);
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modalitykd.TestDevice;
import org.modalitykd.TinyModels;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCardJson;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.NetMode;
import org.modalitykd.net.Normalization;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.net.Tensors;
import org.modalitykd.net.UNet;
import org.modalitykd.net.UNetConfig;
import org.modalitykd.net.VariableStore;
import org.modalitykd.net.Weights;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Sliding-window inference through real TensorFlow models loaded from bundles. */
class TfInferenceTest {

	@TempDir
	Path tmp;

	private static final float[] KERNEL = { 0.5f, -1f, 2f, 1.5f, 0.3f, -0.7f }; // [2 channels][3 classes]

	private static ModelCard card(UNetConfig config, List<String> modalities, int[] patch) {
		int[] labels = config.classes() == 4 ? ModelCard.BRATS_LABELS : new int[] { 0, 1, 2 };
		List<String> names = config.classes() == 4 ? ModelCard.BRATS_CLASS_NAMES : List.of("a", "b", "c");
		return new ModelCard(ModelCard.FORMAT_VERSION, ModelRole.TEACHER, modalities, labels, names,
			new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.NONE), patch, new double[] { 1, 1, 1 },
			config, new ModelCard.Provenance("test", Map.of(), "none", 1, 0, Map.of(), "now"), Map.of());
	}

	/** An untrained BraTS teacher (3 levels, 4 base filters, 16x16x8 patches) saved as {@code tmp/name}. */
	private Path tinyTeacher(String name, long seed) throws IOException {
		UNetConfig config = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);
		Path bundle = tmp.resolve(name);
		ModelBundle.save(bundle, card(config, org.modalitykd.io.Modalities.BRATS, new int[] { 16, 16, 8 }),
			TinyModels.untrainedWeights(config, seed));
		return bundle;
	}

	/** A SavedModel whose network is pointwise: softmax of a 1x1x1 convolution (so tiling cannot change it). */
	private Path pointwiseBundle() throws IOException {
		Path dir = tmp.resolve("pointwise");
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(-1, -1, -1, -1, 2)));
			var kernel = tf.constant(Shape.of(1, 1, 1, 2, 3), org.tensorflow.ndarray.buffer.DataBuffers.of(KERNEL, true, false));
			var p = tf.withName("probabilities").nn.softmax(tf.nn.conv3d(image, kernel, List.of(1L, 1L, 1L, 1L, 1L), "SAME"));
			SavedModelBundle.exporter(dir.toString()).withSession(s).withSignature(Signature.builder()
				.key(ModelCardJson.SIGNATURE_KEY).input("image", image).output("probabilities", p).build()).export();
		}
		UNetConfig described = UNetConfig.defaults(2, 3).withLevels(3);
		Files.writeString(dir.resolve(ModelBundle.CARD_FILE), ModelCardJson.write(card(described, List.of("t1", "t2"),
			new int[] { 8, 8, 4 })));
		return dir;
	}

	private static float[] pointwise(float a, float b) {
		double[] z = new double[3];
		double max = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < 3; k++) {
			z[k] = a * KERNEL[k] + b * KERNEL[3 + k];
			max = Math.max(max, z[k]);
		}
		double sum = 0;
		for (int k = 0; k < 3; k++) {
			z[k] = Math.exp(z[k] - max);
			sum += z[k];
		}
		return new float[] { (float) (z[0] / sum), (float) (z[1] / sum), (float) (z[2] / sum) };
	}

	private static float[][] random(int channels, int voxels, long seed) {
		Random r = new Random(seed);
		float[][] v = new float[channels][voxels];
		for (float[] c : v) {
			for (int i = 0; i < voxels; i++) {
				c[i] = (float) r.nextGaussian();
			}
		}
		return v;
	}

	@Test
	void tfPredictorTilesPadsAndMirrorsExactly() throws IOException {
		int[] dims = { 19, 13, 6 };
		int n = 19 * 13 * 6;
		float[][] volume = random(2, n, 1);
		try (ModelBundle b = ModelBundle.load(pointwiseBundle(), TestDevice.session())) {
			for (boolean mirror : new boolean[] { false, true }) {
				float[][] p = new SlidingWindow(new TfPatchPredictor(b, 0), b.card().patchSize(),
					InferenceSettings.defaults().withCropToNonZero(false).withMirror(mirror).withBatchSize(3))
					.probabilities(volume, dims, Progress.NONE);
				for (int v = 0; v < n; v++) {
					float[] e = pointwise(volume[0][v], volume[1][v]);
					for (int k = 0; k < 3; k++) {
						assertEquals(e[k], p[k][v], 1e-5, "voxel " + v + " class " + k + " mirror " + mirror);
					}
				}
			}
		}
	}

	/** The network applied once to the whole volume (NDHWC built with plain loops: a test). */
	private static float[][] untiled(UNetConfig config, Weights w, float[][] volume, int[] dims) {
		int n = dims[0] * dims[1] * dims[2];
		int channels = volume.length;
		float[] ndhwc = new float[n * channels];
		for (int c = 0; c < channels; c++) {
			for (int v = 0; v < n; v++) {
				ndhwc[v * channels + c] = volume[c][v];
			}
		}
		return forward(config, w, ndhwc, dims, channels, -1);
	}

	/**
	 * A direct forward of the whole volume, {@code ndhwc} holding its {@code channels}
	 * channels last; a per-modality network gets {@code slot} fed as its norm_slot (-1: none).
	 */
	private static float[][] forward(UNetConfig config, Weights w, float[] ndhwc, int[] dims, int channels, int slot) {
		int n = dims[0] * dims[1] * dims[2];
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			var x = tf.placeholder(TFloat32.class);
			VariableStore store = new VariableStore(tf, "", 1);
			UNet<TFloat32> net = UNet.build(tf, config, store, TFloat32.class, x, NetMode.INFERENCE);
			store.assign(s, w);
			try (TFloat32 in = Tensors.floats(new long[] { 1, dims[2], dims[1], dims[0], channels }, ndhwc);
				org.tensorflow.types.TInt32 sl = org.tensorflow.types.TInt32.scalarOf(Math.max(slot, 0))) {
				Session.Runner runner = s.runner().feed(x, in);
				if (slot >= 0) {
					runner.feed(net.normSlot(), sl);
				}
				try (Result r = runner.fetch(net.probabilities()).run()) {
					float[] p = Tensors.toFloats(r.get(0));
					float[][] out = new float[config.classes()][n];
					for (int k = 0; k < config.classes(); k++) {
						for (int v = 0; v < n; v++) {
							out[k][v] = p[v * config.classes() + k];
						}
					}
					return out;
				}
			}
		}
	}

	@Test
	void aVolumeOfPatchSizeGivesTheDirectForwardPass() throws IOException {
		UNetConfig config = UNetConfig.defaults(4, 4).withLevels(3).withBaseFilters(4);
		Weights w = TinyModels.untrainedWeights(config, 3);
		int[] dims = { 16, 12, 8 };
		ModelBundle.save(tmp.resolve("unet"), card(config, org.modalitykd.io.Modalities.BRATS, dims), w);
		float[][] volume = random(4, 16 * 12 * 8, 2);
		float[][] expected = untiled(config, w, volume, dims);
		try (ModelBundle b = ModelBundle.load(tmp.resolve("unet"), TestDevice.session())) {
			float[][] p = new SlidingWindow(new TfPatchPredictor(b, 0), dims, InferenceSettings.defaults()
				.withCropToNonZero(false)).probabilities(volume, dims, Progress.NONE);
			for (int k = 0; k < 4; k++) {
				assertArrayEquals(expected[k], p[k], 1e-6f, "class " + k);
			}
		}
	}

	@Test
	void tiledUNetEqualsUntiledWithAlignedWindowsAndAMargin() throws IOException {
		// Batch norm with fixed statistics makes the network local; its receptive field
		// is 44 voxels (radius 22). With window starts on multiples of 4 (one pooling
		// grid) and no weight within 24 voxels of a shared face, every blended prediction
		// is one the whole-volume network makes too.
		UNetConfig config = UNetConfig.defaults(2, 3).withLevels(3).withBaseFilters(4)
			.withNormalization(Normalization.BATCH, 1);
		Weights w = TinyModels.untrainedWeights(config, 5);
		int[] dims = { 96, 80, 64 };
		int[] patch = { 64, 64, 64 };
		ModelBundle.save(tmp.resolve("unet"), card(config, List.of("t1", "t2"), patch), w);
		float[][] volume = random(2, 96 * 80 * 64, 4);
		float[][] whole = untiled(config, w, volume, dims);
		try (ModelBundle b = ModelBundle.load(tmp.resolve("unet"), TestDevice.session())) {
			SlidingWindow exact = new SlidingWindow(new TfPatchPredictor(b, 0), patch, config.sizeMultiple(),
				InferenceSettings.defaults().withCropToNonZero(false).withMargin(24));
			assertEquals(6, exact.windows(BoundingBox.whole(dims)).size(), "3 x 2 x 1 windows");
			float[][] tiled = exact.probabilities(volume, dims, Progress.NONE);
			double max = 0;
			for (int k = 0; k < 3; k++) {
				for (int v = 0; v < tiled[k].length; v++) {
					max = Math.max(max, Math.abs(tiled[k][v] - whole[k][v]));
				}
			}
			assertTrue(max < 1e-5, "largest difference " + max);
			// The plain Gaussian (no margin) blends predictions made near window faces,
			// where the network saw zero padding: close, but not equal.
			float[][] gaussian = new SlidingWindow(new TfPatchPredictor(b, 0), patch, config.sizeMultiple(),
				InferenceSettings.defaults().withCropToNonZero(false)).probabilities(volume, dims, Progress.NONE);
			double maxGaussian = 0;
			for (int k = 0; k < 3; k++) {
				for (int v = 0; v < gaussian[k].length; v++) {
					maxGaussian = Math.max(maxGaussian, Math.abs(gaussian[k][v] - whole[k][v]));
				}
			}
			System.out.printf("tiled vs untiled U-Net: margin 24: max |dp| %.2e; plain Gaussian: %.2e%n", max, maxGaussian);
		}
	}

	@Test
	void perModalityModelUsesTheSlotOfTheGivenModality() throws IOException {
		UNetConfig config = UNetConfig.defaults(1, 4).withLevels(3).withBaseFilters(4)
			.withNormalization(Normalization.INSTANCE, 2);
		Weights init = TinyModels.untrainedWeights(config, 9);
		// Give the two modalities different normalisation shifts, so that the slot matters.
		Map<String, Weights.Tensor> changed = new java.util.LinkedHashMap<>(init.tensors());
		Random r = new Random(1);
		for (String name : init.tensors().keySet()) {
			if (name.endsWith("beta_slot1")) {
				float[] v = init.get(name).values().clone();
				for (int i = 0; i < v.length; i++) {
					v[i] = (float) r.nextGaussian();
				}
				changed.put(name, new Weights.Tensor(init.get(name).shape(), v));
			}
		}
		Weights w = new Weights(changed);
		ModelCard c = new ModelCard(ModelCard.FORMAT_VERSION, ModelRole.UNPAIRED, List.of("t1", "t2"), ModelCard.BRATS_LABELS,
			ModelCard.BRATS_CLASS_NAMES, new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.NONE),
			new int[] { 16, 16, 8 }, new double[] { 1, 1, 1 }, config,
			new ModelCard.Provenance("unpaired-kd", Map.of(), "none", 1, 0, Map.of(), "now"), Map.of());
		ModelBundle.save(tmp.resolve("unpaired"), c, w);
		Geometry g = Geometry.axisAligned(16, 16, 8, 1, 1, 1);
		float[] image = random(1, 16 * 16 * 8, 6)[0];
		try (ModelBundle b = ModelBundle.load(tmp.resolve("unpaired"), TestDevice.session())) {
			Segmenter segmenter = new Segmenter(b, InferenceSettings.defaults().withCropToNonZero(false));
			float[] asT1 = segmenter.segment(Volume.of(g, "t1", image), false, Progress.NONE).probabilities().channel(1);
			float[] asT2 = segmenter.segment(Volume.of(g, "t2", image), false, Progress.NONE).probabilities().channel(1);
			float[][] direct = forward(config, w, image, new int[] { 16, 16, 8 }, 1, 1);
			assertArrayEquals(direct[1], asT2, 1e-6f, "t2 runs with slot 1");
			assertTrue(Math.abs(asT1[0] - asT2[0]) > 1e-4 || Math.abs(asT1[100] - asT2[100]) > 1e-4, "slot 0 differs");
			ModelMismatchException e = assertThrows(ModelMismatchException.class,
				() -> segmenter.segment(Volume.of(g, "flair", image), false, Progress.NONE));
			assertTrue(e.getMessage().contains("one of [t1, t2]"), e.getMessage());
		}
	}

	@Test
	void segmenterMapsLabelsKeepsGeometryAndRefusesMisfits() throws IOException {
		tinyTeacher("teacher", 7);
		Geometry g = Geometry.axisAligned(20, 18, 10, 1, 1, 1);
		float[][] channels = random(5, 20 * 18 * 10, 3);
		Volume images = new Volume(g, List.of("flair", "t1", "t1ce", "t2", "other"), channels);
		try (ModelBundle b = ModelBundle.load(tmp.resolve("teacher"), TestDevice.session())) {
			Segmenter segmenter = new Segmenter(b, InferenceSettings.defaults());
			Segmentation s = segmenter.segment(images, false, Progress.NONE);
			assertEquals(g, s.labels().geometry());
			assertEquals(ModelCard.BRATS_CLASS_NAMES, s.probabilities().channelNames());
			long[] h = s.labels().histogram();
			assertEquals(20 * 18 * 10, h[0] + h[1] + h[2] + h[4], "only BraTS labels");
			assertEquals(0, h[3]);
			byte[] expected = Segmenter.argmax(new float[][] { s.probabilities().channel(0), s.probabilities().channel(1),
				s.probabilities().channel(2), s.probabilities().channel(3) }, ModelCard.BRATS_LABELS);
			assertArrayEquals(expected, s.labels().labels());
			assertEquals(ModelBundle.checksum(tmp.resolve("teacher")), s.provenance().get("model_sha256"));

			Volume noT1ce = images.select(List.of("t1", "t2", "flair"));
			ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> segmenter.segment(noT1ce, false,
				Progress.NONE));
			assertTrue(e.getMessage().contains("needs t1ce"), e.getMessage());
			// Another voxel size is resampled to the training spacing and the result comes back.
			Geometry fineGrid = Geometry.axisAligned(20, 18, 10, 0.5, 0.5, 1);
			Segmentation fine = segmenter.segment(new Volume(fineGrid, images.channelNames(), channels), false, Progress.NONE);
			assertEquals(fineGrid, fine.labels().geometry());
			assertTrue(fine.provenance().get("resampled").contains("10x9x10 @ 1.000x1.000x1.000 mm"),
				fine.provenance().toString());
		}
	}

	@Test
	void twoSegmentationsAtOnceEqualTheSameRunOneAfterTheOther() throws Exception {
		// Fiji users start a second segmentation while the first runs; both share one session.
		tinyTeacher("shared", 11);
		Geometry g = Geometry.axisAligned(22, 19, 12, 1, 1, 1);
		Volume a = new Volume(g, org.modalitykd.io.Modalities.BRATS, random(4, 22 * 19 * 12, 21));
		Volume b = new Volume(g, org.modalitykd.io.Modalities.BRATS, random(4, 22 * 19 * 12, 22));
		try (ModelBundle bundle = ModelBundle.load(tmp.resolve("shared"), TestDevice.session())) {
			Segmenter segmenter = new Segmenter(bundle, InferenceSettings.defaults());
			Segmentation aAlone = segmenter.segment(a, false, Progress.NONE);
			Segmentation bAlone = segmenter.segment(b, false, Progress.NONE);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 3; round++) {
					var fa = pool.submit(() -> segmenter.segment(a, false, Progress.NONE));
					var fb = pool.submit(() -> segmenter.segment(b, false, Progress.NONE));
					assertArrayEquals(aAlone.labels().labels(), fa.get().labels().labels(), "round " + round);
					assertArrayEquals(bAlone.labels().labels(), fb.get().labels().labels(), "round " + round);
					assertArrayEquals(aAlone.probabilities().channel(3), fa.get().probabilities().channel(3), "round " + round);
				}
			} finally {
				pool.shutdownNow();
			}
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.modalitykd.TestDevice;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.Modalities;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.Volume;

/**
 * Mirrored test-time augmentation kept inside TensorFlow ({@link TfPatchPredictor#predictMirrored})
 * gives what the per-mirroring path gives: on a sample case with the shipped teacher, the
 * mean of eight unmirrored sliding-window runs, each with one fixed mirroring (the path
 * that ran every mirroring as its own call and blended it), has the same labels and
 * probabilities within 1e-5; and so has the Java-side default of {@link PatchPredictor}.
 */
class MirroredPredictionTest {

	/** Predicts every call with one fixed mirroring, whatever it is asked. */
	private static final class FixedFlip extends FakePredictors.Forwarding {
		private final boolean[] flip;

		FixedFlip(PatchPredictor inner, boolean[] flip) {
			super(inner);
			this.flip = flip;
		}

		@Override
		public float[] predict(float[] patches, int count, int[] size, boolean[] ignored) {
			return super.predict(patches, count, size, flip);
		}
	}

	@Test
	void inGraphMirroringMatchesEightSeparateMirrorings() throws IOException {
		Volume images = new CaseLoader().load(Path.of("sample-data", "synth_0001"), Modalities.BRATS).images();
		try (ModelBundle bundle = ModelBundle.load(Path.of("sample-data/models/teacher"), TestDevice.session())) {
			Volume input = images.select(bundle.card().modalities());
			int[] dims = input.geometry().dims();
			float[][] channels = new float[input.channelCount()][];
			for (int c = 0; c < channels.length; c++) {
				channels[c] = input.channel(c);
			}
			float[][] normalised = IntensityNormalizer.apply(bundle.card().normalization(), input.channelNames(), channels);
			int[] patch = bundle.card().patchSize();
			int alignment = bundle.card().architecture().sizeMultiple();
			InferenceSettings plain = InferenceSettings.defaults();
			TfPatchPredictor tf = new TfPatchPredictor(bundle, 0);

			float[][] reference = null;
			for (boolean[] flip : SlidingWindow.allFlips()) {
				float[][] p = new SlidingWindow(new FixedFlip(tf, flip), patch, alignment, plain)
					.probabilities(normalised, dims, Progress.NONE);
				if (reference == null) {
					reference = p;
				} else {
					for (int k = 0; k < p.length; k++) {
						for (int v = 0; v < p[k].length; v++) {
							reference[k][v] += p[k][v];
						}
					}
				}
			}
			for (float[] r : reference) {
				for (int v = 0; v < r.length; v++) {
					r[v] /= 8;
				}
			}
			InferenceSettings mirrored = plain.withMirror(true);
			float[][] inGraph = new SlidingWindow(tf, patch, alignment, mirrored).probabilities(normalised, dims,
				Progress.NONE);
			float[][] inJava = new SlidingWindow(new FakePredictors.Forwarding(tf), patch, alignment, mirrored)
				.probabilities(normalised, dims, Progress.NONE);
			assertAgree(reference, inGraph, "in-graph mirroring");
			assertAgree(reference, inJava, "Java-side mirroring");
		}
	}

	private static void assertAgree(float[][] expected, float[][] actual, String what) {
		int labelDifferences = 0;
		double largest = 0;
		for (int v = 0; v < expected[0].length; v++) {
			if (argmax(expected, v) != argmax(actual, v)) {
				labelDifferences++;
			}
			for (int k = 0; k < expected.length; k++) {
				largest = Math.max(largest, Math.abs(expected[k][v] - actual[k][v]));
			}
		}
		assertEquals(0, labelDifferences, what + ": voxels with another label");
		assertEquals(0, largest, 1e-5, what + ": largest probability difference");
	}

	private static int argmax(float[][] p, int v) {
		int best = 0;
		for (int k = 1; k < p.length; k++) {
			if (p[k][v] > p[best][v]) {
				best = k;
			}
		}
		return best;
	}
}

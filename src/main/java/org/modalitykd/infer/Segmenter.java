/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Resampler;
import org.modalitykd.volume.Volume;

/**
 * Segments cases with one loaded model: checks the case against the model card,
 * normalises intensities as the card says, predicts by sliding window and maps the
 * argmax to BraTS labels on the case's grid. Build one per model and reuse it for many
 * cases (the graph and session are built once, in the {@link ModelBundle}).
 */
public final class Segmenter {

	private final ModelBundle bundle;
	private final InferenceSettings settings;
	private final String checksum;

	public Segmenter(ModelBundle bundle, InferenceSettings settings) throws IOException {
		this.bundle = bundle;
		this.settings = settings;
		this.checksum = ModelBundle.checksum(bundle.directory());
	}

	/**
	 * @param images        the case, with at least the card's modalities as named channels
	 *                      (others are ignored); for a per-modality model, exactly one of them
	 * @param ignoreSpacing segment at the case's own voxel size even when it differs from the
	 *                      training spacing; otherwise such a case is resampled (linear) to the
	 *                      training spacing and the probabilities back (linear) to its grid
	 * @throws ModelMismatchException when the case does not fit the model
	 */
	public Segmentation segment(Volume images, boolean ignoreSpacing, Progress progress) {
		ModelCard card = bundle.card();
		Volume input = images;
		if (!card.perModality() && images.channelNames().containsAll(card.modalities())) {
			input = images.select(card.modalities());
		}
		Geometry original = input.geometry();
		boolean resample = !ignoreSpacing && !bundle.hasTrainingSpacing(original.spacing());
		// Modalities are checked before any work; the spacing is right once resampled.
		bundle.checkCase(input.channelNames(), original.spacing(), ignoreSpacing || resample);
		Volume work = resample ? Resampler.linear(input, original.withSpacing(card.spacing())) : input;
		int slot = card.perModality() ? bundle.normSlotOf(work.channelNames().get(0)) : 0;
		float[][] channels = new float[work.channelCount()][];
		for (int c = 0; c < channels.length; c++) {
			channels[c] = work.channel(c);
		}
		Geometry g = work.geometry();
		int[] dims = g.dims();
		IntensityNormalizer.checkHounsfield(card.normalization(), work.channelNames(), channels);
		BoundingBox box;
		float[][] normalised;
		if (card.normalization().readsHounsfield()) {
			// CT keeps the head, with air at -1000, not 0: the non-zero box of the raw
			// values would be the whole grid. Normalised, air and all at or below the
			// window's bottom are 0, so the box is the head's.
			normalised = IntensityNormalizer.apply(card.normalization(), work.channelNames(), channels);
			box = settings.cropToNonZero() ? BoundingBox.ofNonZero(normalised, dims) : BoundingBox.whole(dims);
			if (!box.isEmpty() && !Arrays.equals(box.dims(), dims)) {
				for (int c = 0; c < normalised.length; c++) {
					normalised[c] = box.crop(normalised[c], dims);
				}
			}
		} else {
			// Crop before normalising: only the box is copied and normalised (a third of a
			// BraTS volume), not the whole case. The result is identical: outside the box
			// every voxel is 0 and z-score-nonzero skips zeros, in the same order. The
			// sliding window still finds the non-zero box of the normalised crop, which can
			// only be smaller (a value normalised to exactly 0, a NaN).
			box = settings.cropToNonZero() ? BoundingBox.ofNonZero(channels, dims) : BoundingBox.whole(dims);
			if (!box.isEmpty() && !Arrays.equals(box.dims(), dims)) {
				for (int c = 0; c < channels.length; c++) {
					channels[c] = box.crop(channels[c], dims);
				}
			}
			normalised = IntensityNormalizer.apply(card.normalization(), work.channelNames(), channels);
		}
		boolean whole = box.isEmpty() || Arrays.equals(box.dims(), dims);
		if (settings.checkChannelOrder() && !ModelCard.IntensityNormalization.NONE.equals(card.normalization().method())) {
			if (card.perModality()) {
				bundle.checkModality(work.channelNames().get(0), normalised[0]);
			} else {
				bundle.checkChannelOrder(normalised);
			}
		}
		// Each intermediate is dropped once used (here and below): the peak memory of a case
		// is what is alive at once.
		channels = null;
		SlidingWindow window = new SlidingWindow(new TfPatchPredictor(bundle, slot), card.patchSize(),
			card.architecture().sizeMultiple(), settings);
		float[][] inBox = window.probabilities(normalised, whole ? dims : box.dims(), progress);
		normalised = null;
		byte[] labelValues = null;
		if (!resample) {
			// Outside the box every voxel is background: the argmax runs on the box only.
			labelValues = whole ? argmax(inBox, card.labelMap()) : placeLabels(argmax(inBox, card.labelMap()), box, dims,
				(byte) card.labelMap()[0]);
		}
		float[][] probabilities = whole ? inBox : SlidingWindow.expand(inBox, box, dims);
		inBox = null;
		if (resample) {
			// Probabilities, not labels, go back: interpolated class scores give smoother,
			// more faithful boundaries than nearest-neighbour labels would.
			for (int k = 0; k < probabilities.length; k++) {
				probabilities[k] = Resampler.linear(probabilities[k], g, original, k == 0 ? 1f : 0f);
			}
			labelValues = argmax(probabilities, card.labelMap());
		}
		LabelVolume labels = new LabelVolume(original, labelValues);
		Map<String, String> provenance = provenance(input.channelNames());
		if (resample) {
			provenance.put("resampled", String.format("%s -> %s -> back", original.describe(), g.describe()));
		}
		return new Segmentation(labels, new Volume(original, card.classNames(), probabilities), provenance);
	}

	private static byte[] placeLabels(byte[] inBox, BoundingBox box, int[] dims, byte background) {
		byte[] out = new byte[dims[0] * dims[1] * dims[2]];
		if (background != 0) {
			Arrays.fill(out, background);
		}
		box.place(inBox, out, dims);
		return out;
	}

	/** Per voxel, the label (through {@code labelMap}) of the most probable class; ties go to the lower class. */
	static byte[] argmax(float[][] probabilities, int[] labelMap) {
		int voxels = probabilities[0].length;
		byte[] winner = new byte[voxels];
		float[] best = probabilities[0].clone();
		for (int k = 1; k < probabilities.length; k++) {
			float[] p = probabilities[k];
			for (int v = 0; v < voxels; v++) {
				if (p[v] > best[v]) {
					best[v] = p[v];
					winner[v] = (byte) k;
				}
			}
		}
		byte[] labels = new byte[labelMap.length];
		for (int k = 0; k < labels.length; k++) {
			labels[k] = (byte) labelMap[k];
		}
		for (int v = 0; v < voxels; v++) {
			winner[v] = labels[winner[v]];
		}
		return winner;
	}

	private Map<String, String> provenance(List<String> modalities) {
		ModelCard card = bundle.card();
		Map<String, String> p = new LinkedHashMap<>();
		p.put("model", bundle.directory().getFileName().toString());
		p.put("model_sha256", checksum);
		p.put("role", card.role().key());
		p.put("modalities", String.join(",", modalities));
		int[] patch = card.patchSize();
		p.put("tiling", String.format("patch %dx%dx%d, overlap %s, starts on multiples of %d, margin %d, %d windows per call%s%s",
			patch[0], patch[1], patch[2], settings.overlap(), card.architecture().sizeMultiple(), settings.margin(),
			settings.batchSize(), settings.mirror() ? ", 8-fold mirroring" : "",
			settings.cropToNonZero() ? ", cropped to the non-zero box" : ""));
		return p;
	}
}

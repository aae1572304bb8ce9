/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.modalitykd.infer.InferenceSettings;
import org.modalitykd.infer.Progress;
import org.modalitykd.infer.QualityMaps;
import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.infer.SegmentationTool.Qa;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.io.ImageSanity;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.Volume;

/**
 * Segments a case with the model of a catalog that fits its modalities, and optionally
 * computes a quality map (a second model's disagreement, or the entropy). The choice
 * itself is {@link SegmentationTool#choose}; {@link CaseSegmentation} calls this for every
 * front end. Each call loads the bundle and closes it again (a bundle loads in well under
 * a second, and no TensorFlow memory stays held between calls).
 */
public final class CatalogSegmenter {

	private final SessionOptions options;
	private final Function<ModelCard, InferenceSettings> settings;

	public CatalogSegmenter(SessionOptions options, InferenceSettings settings) {
		this(options, card -> settings);
	}

	/**
	 * @param settings the inference settings for each model (the window batch that fits
	 *                 in memory depends on the network)
	 */
	public CatalogSegmenter(SessionOptions options, Function<ModelCard, InferenceSettings> settings) {
		this.options = options;
		this.settings = settings;
	}

	/**
	 * @param images  the case, channels named by modality; unusable channels (empty,
	 *                constant or non-finite, see {@link ImageSanity}) are left out and
	 *                the model chosen among those that do without them
	 * @param wanted  a bundle name of the catalog, or "auto"
	 * @throws IllegalArgumentException when no model fits, or the map cannot be made
	 * @throws java.util.concurrent.CancellationException when the thread is interrupted
	 */
	public SegmentationTool.Result segment(Volume images, ModelCatalog catalog, String wanted, Qa qa, Progress progress)
		throws IOException {
		Map<String, String> unusable = ImageSanity.problems(images);
		return segment(SegmentationTool.usable(images, unusable), unusable, catalog, wanted, qa, progress);
	}

	/**
	 * The same for a case whose unusable modalities were already left out (as
	 * {@link org.modalitykd.io.CaseLoader#loadScreened} does, naming the files).
	 *
	 * @param usable   the usable channels, named by modality
	 * @param unusable the modalities left out, each with one line saying why
	 */
	public SegmentationTool.Result segment(Volume usable, Map<String, String> unusable, ModelCatalog catalog,
		String wanted, Qa qa, Progress progress) throws IOException {
		return segment(usable, catalog, catalog.choose(wanted, usable.channelNames(), unusable), qa, progress);
	}

	/**
	 * The same with the model already chosen (by {@link SegmentationTool#choose}, e.g. to
	 * show it first), so that the choice is made once.
	 *
	 * @param usable the usable channels, named by modality
	 */
	public SegmentationTool.Result segment(Volume usable, ModelCatalog catalog, ModelCatalog.Choice choice, Qa qa,
		Progress progress) throws IOException {
		List<String> available = usable.channelNames();
		// Found before any work, so that a missing partner fails at once.
		ModelCatalog.Entry partner = qa == Qa.DISAGREEMENT ? SegmentationTool.partner(catalog, choice, available) : null;
		Segmentation s = segment(usable, choice.entry(), progress);
		return switch (qa) {
		case NONE -> new SegmentationTool.Result(choice, s, null, "");
		case ENTROPY -> new SegmentationTool.Result(choice, s,
			Volume.of(s.labels().geometry(), "entropy", QualityMaps.entropy(s.probabilities())),
			"entropy of " + choice.entry().name());
		case DISAGREEMENT -> {
			Segmentation second = segment(usable, partner, progress);
			float[] map = QualityMaps.disagreement(s.labels(), second.labels());
			yield new SegmentationTool.Result(choice, s, Volume.of(s.labels().geometry(), "disagreement", map),
				choice.entry().name() + " vs " + partner.name());
		}
		};
	}

	/** Segments with one catalog entry (a per-modality model reads the first of its modalities present). */
	public Segmentation segment(Volume images, ModelCatalog.Entry entry, Progress progress) throws IOException {
		ModelCard card = entry.card();
		Volume input = images;
		if (card.perModality()) {
			String m = card.modalities().stream().filter(images.channelNames()::contains).findFirst()
				.orElseThrow(() -> new IllegalArgumentException(entry.name() + " reads one of " + card.modalities()
					+ "; the image has " + images.channelNames()));
			input = images.select(List.of(m));
		}
		try (ModelBundle bundle = ModelBundle.load(entry.directory(), options)) {
			return new Segmenter(bundle, settings.apply(card)).segment(input, false, progress);
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.modalitykd.io.ImageSanity;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.net.ModelRole;
import org.modalitykd.net.SessionOptions;
import org.modalitykd.volume.Volume;

/**
 * The one headless operation behind every front end's "Segment": choose the model that
 * fits the image's modalities from a catalog, segment, and optionally compute a quality
 * map. The ImageJ command, the SciJava service and scripts all call this, so they
 * behave alike. Each call loads the bundle and closes it again (a bundle loads in well
 * under a second, and no TensorFlow memory stays held between calls).
 */
public final class SegmentationTool {

	/** The optional quality-assurance map. */
	public enum Qa {
		/** No map. */
		NONE,
		/** 1 where a teacher and a student that both fit the image give different labels. */
		DISAGREEMENT,
		/** Normalised entropy of the chosen model's class probabilities. */
		ENTROPY;

		/** {@code none}, {@code disagreement} or {@code entropy}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Qa parse(String s) {
			for (Qa q : values()) {
				if (q.key().equalsIgnoreCase(s.trim())) {
					return q;
				}
			}
			throw new IllegalArgumentException("unknown quality map '" + s + "'; use none, disagreement or entropy");
		}
	}

	/**
	 * @param choice       the model used and why
	 * @param segmentation its labels, probabilities and provenance
	 * @param quality      the quality map (one channel named after the {@link Qa}), or null
	 * @param qualityNote  what the map compares, or an empty string
	 */
	public record Result(ModelCatalog.Choice choice, Segmentation segmentation, Volume quality, String qualityNote) {
	}

	private final SessionOptions options;
	private final Function<ModelCard, InferenceSettings> settings;

	public SegmentationTool(SessionOptions options, InferenceSettings settings) {
		this(options, card -> settings);
	}

	/**
	 * @param settings the inference settings for each model (the window batch that fits
	 *                 in memory depends on the network)
	 */
	public SegmentationTool(SessionOptions options, Function<ModelCard, InferenceSettings> settings) {
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
	public Result segment(Volume images, ModelCatalog catalog, String wanted, Qa qa, Progress progress) throws IOException {
		Map<String, String> unusable = ImageSanity.problems(images);
		return segment(usable(images, unusable), unusable, catalog, wanted, qa, progress);
	}

	/**
	 * The same for a case whose unusable modalities were already left out (as
	 * {@link org.modalitykd.io.CaseLoader#loadScreened} does, naming the files).
	 *
	 * @param usable   the usable channels, named by modality
	 * @param unusable the modalities left out, each with one line saying why
	 */
	public Result segment(Volume usable, Map<String, String> unusable, ModelCatalog catalog, String wanted, Qa qa,
		Progress progress) throws IOException {
		return segment(usable, catalog, catalog.choose(wanted, usable.channelNames(), unusable), qa, progress);
	}

	/**
	 * The same with the model already chosen (by {@link #choose}, e.g. to show it first),
	 * so that the choice is made once.
	 *
	 * @param usable the usable channels, named by modality
	 */
	public Result segment(Volume usable, ModelCatalog catalog, ModelCatalog.Choice choice, Qa qa, Progress progress)
		throws IOException {
		List<String> available = usable.channelNames();
		// Found before any work, so that a missing partner fails at once.
		ModelCatalog.Entry partner = qa == Qa.DISAGREEMENT ? partner(catalog, choice, available) : null;
		Segmentation s = segment(usable, choice.entry(), progress);
		return switch (qa) {
		case NONE -> new Result(choice, s, null, "");
		case ENTROPY -> new Result(choice, s, Volume.of(s.labels().geometry(), "entropy", QualityMaps.entropy(s.probabilities())),
			"entropy of " + choice.entry().name());
		case DISAGREEMENT -> {
			Segmentation second = segment(usable, partner, progress);
			float[] map = QualityMaps.disagreement(s.labels(), second.labels());
			yield new Result(choice, s, Volume.of(s.labels().geometry(), "disagreement", map),
				choice.entry().name() + " vs " + partner.name());
		}
		};
	}

	/**
	 * The model {@link #segment(Volume, ModelCatalog, String, Qa, Progress)} takes for
	 * these images, so that a dialog can show (and confirm) it first.
	 */
	public static ModelCatalog.Choice choose(ModelCatalog catalog, String wanted, Volume images) {
		Map<String, String> unusable = ImageSanity.problems(images);
		List<String> usable = images.channelNames().stream().filter(m -> !unusable.containsKey(m)).toList();
		return catalog.choose(wanted, usable, unusable);
	}

	/**
	 * Refuses, before any model is loaded, a CT that {@code entry} would read whose values
	 * are not Hounsfield units, as the segmentation would a moment later: so that a
	 * front end that shows the choice first says only what is wrong.
	 *
	 * @throws ModelMismatchException one line naming the channel, what is wrong and what to do
	 */
	public static void checkHounsfield(ModelCatalog.Entry entry, Volume images) {
		ModelCard card = entry.card();
		List<String> read = card.modalities().stream().filter(images.channelNames()::contains).toList();
		if (card.perModality() && !read.isEmpty()) {
			read = List.of(read.get(0)); // the one segment() takes
		}
		float[][] channels = read.stream().map(images::channel).toArray(float[][]::new);
		IntensityNormalizer.checkHounsfield(card.normalization(), read, channels);
	}

	/**
	 * The channels of {@code images} not in {@code unusable}.
	 *
	 * @throws IllegalArgumentException when none is usable
	 */
	public static Volume usable(Volume images, Map<String, String> unusable) {
		if (unusable.isEmpty()) {
			return images;
		}
		List<String> keep = images.channelNames().stream().filter(m -> !unusable.containsKey(m)).toList();
		if (keep.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", unusable.values()) + "; no modality is usable; replace the files (a failed conversion or export?)");
		}
		return images.select(keep);
	}

	/**
	 * The model a disagreement map compares the chosen one with: a student when a teacher
	 * was chosen, else a teacher; it must fit the same modalities.
	 *
	 * @throws IllegalArgumentException when the folder has none
	 */
	public static ModelCatalog.Entry partner(ModelCatalog catalog, ModelCatalog.Choice choice, List<String> available) {
		ModelRole other = choice.entry().card().role() == ModelRole.TEACHER ? ModelRole.STUDENT : ModelRole.TEACHER;
		return catalog.entries().stream().filter(e -> e.card().role() == other && e.fits(available)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("the disagreement map needs a teacher and a student that both fit "
				+ available + "; the folder has no " + other.key() + " that does"));
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

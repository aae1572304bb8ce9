/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.infer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modalitykd.io.ImageSanity;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.net.ModelMismatchException;
import org.modalitykd.net.ModelRole;
import org.modalitykd.volume.Volume;

/**
 * The model choice behind every front end's "Segment" and what it returns: which model of
 * a catalog fits the image's usable modalities, the partner of a disagreement map, the
 * quality maps on offer and the result. The segmentation itself is the use-case layer's
 * ({@code org.modalitykd.app.CatalogSegmenter}), so that one recipe serves the ImageJ
 * command, the SciJava service and scripts.
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

	private SegmentationTool() {
	}

	/**
	 * The model a catalog segmentation takes for these images (unusable channels left
	 * out), so that a dialog can show (and confirm) it first.
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
}

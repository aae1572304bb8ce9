/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model bundles of one folder, read from their cards only (no TensorFlow), and the
 * choice of the bundle that fits the modalities a case has. This is what lets a clinic
 * with only a T1 scan get the T1 student instead of an error from the teacher.
 */
public final class ModelCatalog {

	/** A bundle folder and its card. */
	public record Entry(Path directory, ModelCard card) {
		public String name() {
			return directory.getFileName().toString();
		}

		/** "name: role, modalities" for dialogs and logs. */
		public String describe() {
			return name() + ": " + card.role().key() + " (" + String.join(", ", card.modalities())
				+ (card.perModality() ? ", any one" : "") + ")";
		}

		/** Whether a case with {@code available} modalities can be segmented by this model. */
		public boolean fits(List<String> available) {
			return card.perModality() ? card.modalities().stream().anyMatch(available::contains)
				: available.containsAll(card.modalities());
		}

		/** Modalities the model reads from a case with {@code available} ones. */
		int used(List<String> available) {
			return card.perModality() ? 1 : card.modalities().size();
		}
	}

	/**
	 * The model picked and why, in one sentence for the user.
	 *
	 * @param fallback true when another model than the one asked for was taken
	 */
	public record Choice(Entry entry, String reason, boolean fallback) {
	}

	private final List<Entry> entries;

	private ModelCatalog(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * Reads the cards of {@code folder} itself (when it is a bundle) or of its immediate
	 * sub-folders; folders without a card are skipped, a broken card is an error.
	 */
	public static ModelCatalog scan(Path folder) throws IOException {
		if (Files.isRegularFile(folder.resolve(ModelBundle.CARD_FILE))) {
			return new ModelCatalog(List.of(new Entry(folder, ModelBundle.readCard(folder))));
		}
		if (!Files.isDirectory(folder)) {
			throw new java.nio.file.NoSuchFileException(folder.toString(), null, "no such models folder");
		}
		List<Entry> found = new ArrayList<>();
		try (Stream<Path> children = Files.list(folder)) {
			for (Path dir : children.sorted().toList()) {
				if (Files.isRegularFile(dir.resolve(ModelBundle.CARD_FILE))) {
					found.add(new Entry(dir, ModelBundle.readCard(dir)));
				}
			}
		}
		if (found.isEmpty()) {
			throw new IOException(folder + ": no model bundle here (a bundle is a folder with " + ModelBundle.CARD_FILE + ")");
		}
		return new ModelCatalog(found);
	}

	public List<Entry> entries() {
		return entries;
	}

	public Optional<Entry> byName(String name) {
		return entries.stream().filter(e -> e.name().equals(name)).findFirst();
	}

	/**
	 * The model for a case with the {@code available} modalities. {@code wanted} (a bundle
	 * name, or null / "auto") is taken when it fits; otherwise, and for auto, the best
	 * fitting model: the one reading the most modalities (a teacher when all are there),
	 * then teachers before students before unpaired and baselines, then the best recorded
	 * validation Dice, then the name.
	 *
	 * @throws IllegalArgumentException when {@code wanted} is unknown or no model fits
	 */
	public Choice choose(String wanted, List<String> available) {
		Entry asked = null;
		if (wanted != null && !wanted.isBlank() && !wanted.equals("auto")) {
			asked = byName(wanted).orElseThrow(() -> new IllegalArgumentException("no model bundle named '" + wanted
				+ "'; the folder has " + entries.stream().map(Entry::name).toList()));
			if (asked.fits(available)) {
				return new Choice(asked, "using " + asked.describe(), false);
			}
		}
		Optional<Entry> best = entries.stream().filter(e -> e.fits(available)).min(ranking(available));
		if (best.isEmpty()) {
			throw new IllegalArgumentException("no model fits an image with " + available + "; the models need "
				+ entries.stream().map(Entry::describe).toList());
		}
		Entry e = best.get();
		if (asked == null) {
			return new Choice(e, "using " + e.describe() + ", the best model for " + String.join(", ", available), false);
		}
		List<String> missing = asked.card().modalities().stream().filter(m -> !available.contains(m)).toList();
		return new Choice(e, asked.name() + " needs " + String.join(", ", missing) + ", which the image lacks; using "
			+ e.describe() + " instead", true);
	}

	/**
	 * {@link #choose(String, List)} for a case some of whose modalities are present but
	 * unusable (an empty, constant or non-finite image): the model is chosen among those
	 * that do without them, and the reason says which modality was left out and why.
	 *
	 * @param usable   the modalities that can be read
	 * @param unusable the left-out modalities, each with one line saying what is wrong
	 * @throws IllegalArgumentException when no model does without the unusable modalities;
	 *                                  the message starts with what is wrong with them
	 */
	public Choice choose(String wanted, List<String> usable, java.util.Map<String, String> unusable) {
		boolean named = wanted != null && !wanted.isBlank() && !wanted.equals("auto");
		if (unusable.isEmpty() || named && byName(wanted).isEmpty()) {
			return choose(wanted, usable);
		}
		String why = String.join("; ", unusable.values());
		List<String> present = new ArrayList<>(usable);
		present.addAll(unusable.keySet());
		Choice ideal;
		try {
			ideal = choose(wanted, present);
		} catch (IllegalArgumentException e) {
			ideal = null;
		}
		Optional<Entry> best = usable.isEmpty() ? Optional.empty()
			: entries.stream().filter(e -> e.fits(usable)).min(ranking(usable));
		if (best.isEmpty()) {
			throw new IllegalArgumentException(why + "; no model here does without " + String.join(", ", unusable.keySet())
				+ " (the models need " + entries.stream().map(Entry::describe).toList() + "); replace the file");
		}
		if (ideal != null && ideal.entry().equals(best.get()) || wantedFits(wanted, usable)) {
			Choice c = choose(wanted, usable);
			return new Choice(c.entry(), c.reason() + " (left out: " + why + ")", c.fallback());
		}
		return new Choice(best.get(), why + "; using " + best.get().describe() + " instead"
			+ (ideal != null ? " of " + ideal.entry().name() : ""), true);
	}

	private boolean wantedFits(String wanted, List<String> usable) {
		return wanted != null && !wanted.isBlank() && !wanted.equals("auto") && byName(wanted).map(e -> e.fits(usable)).orElse(false);
	}

	private static Comparator<Entry> ranking(List<String> available) {
		return Comparator.<Entry>comparingInt(e -> -e.used(available))
			.thenComparingInt(e -> e.card().role().ordinal())
			.thenComparingDouble(e -> -e.card().validation().getOrDefault("dice_wt", 0.0))
			.thenComparing(Entry::name);
	}
}

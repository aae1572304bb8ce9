/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.modalitykd.data.BratsLabels;
import org.modalitykd.data.HounsfieldCheck;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.LabelMapCheck;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiReader;

/**
 * The labelled cases of one folder (BraTS layout: a folder per case with
 * {@code <id>_<modality>.nii.gz} and {@code <id>_seg.nii.gz}), with the given modalities
 * as channels. Opening the folder reads only file names and headers: the voxels of a
 * case are read when it is needed ({@link #read}), so that a cohort of any size opens in
 * seconds and is never held in memory as a whole. Training reads its cases once into a
 * prepared form ({@link PreparedCases}) and from there on demand.
 * <p>
 * A dataset may also hold cases already in memory ({@link #TrainingDataset(String,
 * List, List)}).
 */
public final class TrainingDataset {

	/** One case: its files, or the case itself when it was given in memory. */
	private record Entry(String id, CaseFiles files, LabelledCase inMemory) {
	}

	private final String source;
	private final List<String> modalities;
	private final List<Entry> entries;
	private final double[] spacing;
	private final CaseCacheSettings cache;
	/** The folder the cases were found in; null for cases given in memory. */
	private final Path root;

	/**
	 * Cases already read.
	 *
	 * @param source where the cases came from (recorded in the model card)
	 */
	public TrainingDataset(String source, List<String> modalities, List<LabelledCase> cases) {
		this(source, modalities, cases.stream().map(c -> new Entry(c.id(), null, c)).toList(),
			cases.isEmpty() ? null : cases.get(0).images().geometry().spacing(), CaseCacheSettings.defaults(), null);
	}

	private TrainingDataset(String source, List<String> modalities, List<Entry> entries, double[] spacing,
		CaseCacheSettings cache, Path root) {
		this.cache = cache;
		this.root = root;
		this.source = source;
		this.modalities = List.copyOf(modalities);
		this.entries = List.copyOf(entries);
		this.spacing = spacing == null ? null : spacing.clone();
	}

	/**
	 * Opens the cases under {@code dir}: every case must have labels and the modalities,
	 * and one voxel size (from the headers). A case's labels and images are checked when
	 * it is read, which training does for every case before its first step.
	 *
	 * @throws IOException              when a header cannot be read
	 * @throws IllegalArgumentException when the folder holds no cases, a case lacks labels
	 *                                  or a modality, or the cases' voxel sizes differ
	 */
	public static TrainingDataset load(Path dir, List<String> modalities) throws IOException {
		List<CaseFiles> files = BratsLayout.casesUnder(dir);
		if (files.isEmpty()) {
			throw new IllegalArgumentException(dir + ": no cases found (expected one folder per case with <id>_t1.nii.gz, "
				+ "..., <id>_seg.nii.gz)");
		}
		for (CaseFiles f : files) {
			if (f.labels().isEmpty()) {
				throw new IllegalArgumentException(dir + ": case " + f.id() + " has no segmentation (<id>_seg.nii.gz); "
					+ "training needs labels for every case");
			}
			for (String m : modalities) {
				if (!f.modalities().containsKey(m)) {
					throw new IllegalArgumentException(dir + ": case " + f.id() + " has no " + m + " image (it has "
						+ String.join(", ", f.modalityNames()) + ")");
				}
			}
		}
		NiftiReader reader = new NiftiReader();
		double[] spacing = null;
		List<Entry> entries = new ArrayList<>();
		for (CaseFiles f : files) {
			Path first = f.modalities().get(modalities.get(0));
			double[] s = NiftiReader.geometryOf(reader.readHeader(first), first).spacing();
			if (spacing == null) {
				spacing = s;
			} else if (!sameSpacing(spacing, s)) {
				throw new IllegalArgumentException(dir + ": case " + f.id() + " has " + Arrays.toString(s)
					+ " mm voxels but the first case " + Arrays.toString(spacing) + "; resample the cases to one spacing");
			}
			entries.add(new Entry(f.id(), f, null));
		}
		List<String> ct = modalities.stream().filter(Modalities::isCt).toList();
		if (!ct.isEmpty()) {
			// A folder of MRI given as CT is refused now, before a run starts and says what it
			// trains; every case's CT is checked again when it is read.
			CaseFiles f = files.get(0);
			requireHounsfield(dir.toString(), f.id(), new CaseLoader().load(f, ct), ct);
		}
		return new TrainingDataset(dir.toString(), modalities, entries, spacing, CaseCacheSettings.defaults(),
			dir.toAbsolutePath().normalize());
	}

	/**
	 * Refuses a case whose CT channels are not a head CT in HU: a network learns whatever a
	 * mislabelled folder holds, and an MRI or a rescaled CT would give a CT model that
	 * refuses every real CT later.
	 */
	private static void requireHounsfield(String source, String id, MriCase c, List<String> ct) {
		for (String m : ct) {
			String problem = HounsfieldCheck.problem(c.images().channel(m));
			if (problem != null) {
				throw new IllegalArgumentException(source + ": case " + id + ": the " + m + " image " + problem
					+ "; a CT network trains on head CTs in Hounsfield units (air about -1000, brain 20-45)");
			}
		}
	}

	private static boolean sameSpacing(double[] a, double[] b) {
		for (int d = 0; d < 3; d++) {
			if (Math.abs(a[d] - b[d]) > 0.05 * a[d]) {
				return false;
			}
		}
		return true;
	}

	/** Where the cases came from (recorded in the model card). */
	public String source() {
		return source;
	}

	public List<String> modalities() {
		return modalities;
	}

	/** Where training keeps these cases prepared and how many it holds in memory. */
	public CaseCacheSettings cache() {
		return cache;
	}

	/** The same cases, prepared and held as {@code settings} say. */
	public TrainingDataset withCache(CaseCacheSettings settings) {
		return new TrainingDataset(source, modalities, entries, spacing, settings, root);
	}

	/** The folder the cases were found in (also of a subset); empty for cases given in memory. */
	public Optional<Path> root() {
		return Optional.ofNullable(root);
	}

	/** How many cases. */
	public int size() {
		return entries.size();
	}

	/** The files of case {@code id}; empty for a case given in memory. */
	public Optional<CaseFiles> files(String id) {
		return Optional.ofNullable(entry(id).files());
	}

	/**
	 * Reads case {@code id} with this dataset's modalities, checking its labels and voxel
	 * size.
	 *
	 * @throws IOException              when a file cannot be read (the message names it)
	 * @throws IllegalArgumentException when its labels are not BraTS ones, its CT is not in
	 *                                  Hounsfield units, or its voxel size is not the dataset's
	 */
	public LabelledCase read(String id) throws IOException {
		Entry e = entry(id);
		if (e.inMemory() != null) {
			return e.inMemory();
		}
		CaseFiles f = e.files();
		MriCase c = new CaseLoader().load(f, modalities);
		String unexpected = LabelMapCheck.unexpected(c.labels().orElseThrow(), BratsLabels.STORED);
		if (unexpected != null) {
			throw new IllegalArgumentException(source + ": case " + f.id() + ": " + f.labels().orElseThrow().getFileName()
				+ " holds labels other than the BraTS 0, 1, 2, 4 the networks learn: " + unexpected
				+ "; remap them to BraTS labels or leave the case out");
		}
		requireHounsfield(source, f.id(), c, modalities.stream().filter(Modalities::isCt).toList());
		double[] s = c.images().geometry().spacing();
		if (!sameSpacing(spacing, s)) {
			throw new IllegalArgumentException(source + ": case " + f.id() + " has " + Arrays.toString(s)
				+ " mm voxels but the first case " + Arrays.toString(spacing) + "; resample the cases to one spacing");
		}
		return new LabelledCase(f.id(), c.images(), c.labels().orElseThrow());
	}

	/**
	 * Every case, read now and held: for the few cases of an evaluation set or a test,
	 * never for a training cohort.
	 */
	public List<LabelledCase> cases() throws IOException {
		List<LabelledCase> out = new ArrayList<>();
		for (Entry e : entries) {
			out.add(read(e.id()));
		}
		return out;
	}

	private Entry entry(String id) {
		for (Entry e : entries) {
			if (e.id().equals(id)) {
				return e;
			}
		}
		throw new IllegalArgumentException(source + " holds no case " + id);
	}

	/** The same cases with only {@code channels} (a subset of this dataset's modalities), in that order. */
	public TrainingDataset withModalities(List<String> channels) {
		if (!modalities.containsAll(channels)) {
			throw new IllegalArgumentException(source + " holds " + String.join(", ", modalities) + ", not "
				+ String.join(", ", channels));
		}
		return new TrainingDataset(source, channels, entries.stream().map(e -> e.inMemory() == null ? e
			: new Entry(e.id(), null, new LabelledCase(e.id(), e.inMemory().images().select(channels),
				e.inMemory().labels()))).toList(), spacing, cache, root);
	}

	/** The cases whose ids are in {@code ids}, recorded in the model card as {@code source}. */
	public TrainingDataset subset(Collection<String> ids, String source) {
		List<Entry> kept = entries.stream().filter(e -> ids.contains(e.id())).toList();
		if (kept.size() != ids.size()) {
			throw new IllegalArgumentException(this.source + " lacks some of the cases " + ids);
		}
		return new TrainingDataset(source, modalities, kept, spacing, cache, root);
	}

	/** The voxel size of the cases, {x, y, z} in mm. */
	public double[] spacing() {
		return spacing.clone();
	}

	public List<String> ids() {
		return entries.stream().map(Entry::id).toList();
	}

	@Override
	public String toString() {
		return source + " (" + entries.size() + " cases of " + String.join(", ", modalities) + ")";
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.LabelMapCheck;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.io.OutputPaths;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

/**
 * Segment a cohort: each case with the model of a catalog that fits the modalities it
 * has (an empty or broken modality is left out and the choice falls to a model that
 * does without it), one label map per case written atomically. Each model is loaded
 * once and reused for every case that takes it; {@link #close()} frees them. A case that
 * fails is reported and the cohort goes on; cancel stops between cases or window batches.
 */
public final class CohortSegmentation implements AutoCloseable {

	/** What happened to each case, as it happens (on the thread that runs the cohort). */
	public interface Listener {

		/** An existing output was found whole and kept. */
		void skipped(CaseFiles c, Path target);

		/** A note before the case is segmented: why an existing output is redone, or why another model was taken. */
		void note(CaseFiles c, String note);

		/**
		 * @param message the notes of the case joined by "; ", or empty
		 */
		void done(CaseFiles c, String model, double seconds, Path target, String message);

		/** The case failed; the cohort goes on. */
		void failed(CaseFiles c, String model, double seconds, Exception why);
	}

	/** Counts of a cohort run. */
	public record Summary(int done, int skipped, int failed) {
	}

	private final ModelCatalog catalog;
	private final SegmentationOptions options;
	private final Devices.Resolved device;
	private final Map<Path, Segmenter> segmenters = new HashMap<>();
	private final Map<Path, ModelBundle> bundles = new HashMap<>();

	/** Resolves the device at once: a missing GPU fails before any case is read. */
	public CohortSegmentation(ModelCatalog catalog, SegmentationOptions options) {
		this.catalog = catalog;
		this.options = options;
		this.device = Devices.resolve(options.device());
	}

	/** Where TensorFlow runs, in words. */
	public String device() {
		return device.description();
	}

	/** {@code <out>/<id>.nii.gz}, checked to stay in the output folder whatever the id holds. */
	public static Path target(Path out, CaseFiles c) {
		return OutputPaths.inside(out, c.id() + ".nii.gz");
	}

	/**
	 * Segments {@code cases} in order into {@code targets} (one per case).
	 *
	 * @param resume keep an existing output that is whole (see {@link #existingOutputProblem})
	 * @throws java.util.concurrent.CancellationException when the monitor cancels; the
	 *                                                    cases done so far are kept
	 */
	public Summary run(List<CaseFiles> cases, List<Path> targets, boolean resume, Listener listener, TaskMonitor monitor)
		throws IOException {
		int done = 0;
		int skipped = 0;
		int failed = 0;
		for (int i = 0; i < cases.size(); i++) {
			CaseFiles c = cases.get(i);
			Path target = targets.get(i);
			monitor.stopIfCancelled("after " + i + " of " + cases.size() + " cases");
			monitor.progress(i / (double) cases.size(), c.id() + " (" + (i + 1) + " of " + cases.size() + ")");
			String redo = "";
			if (resume && Files.exists(target)) {
				String problem = existingOutputProblem(c, target);
				if (problem == null) {
					listener.skipped(c, target);
					skipped++;
					continue;
				}
				redo = "redone: the existing output " + problem;
				listener.note(c, redo);
			}
			long t0 = System.nanoTime();
			String[] model = { "" };
			try {
				String fallback = segment(c, target, model, monitor.part(i / (double) cases.size(),
					(i + 1) / (double) cases.size()), note -> listener.note(c, note));
				if (fallback != null) {
					redo = redo.isEmpty() ? fallback : redo + "; " + fallback;
				}
				listener.done(c, model[0], (System.nanoTime() - t0) / 1e9, target, redo);
				done++;
			} catch (IOException | RuntimeException e) {
				if (e instanceof java.util.concurrent.CancellationException cancelled) {
					throw cancelled;
				}
				listener.failed(c, model[0], (System.nanoTime() - t0) / 1e9, e);
				failed++;
			}
		}
		monitor.progress(1, cases.size() + " cases");
		return new Summary(done, skipped, failed);
	}

	/** Segments one case into {@code target}; returns the fallback reason, or null. */
	private String segment(CaseFiles c, Path target, String[] model, TaskMonitor monitor,
		java.util.function.Consumer<String> notes) throws IOException {
		// Every modality some model could use is read and screened, so that an empty or
		// broken one makes the choice fall to a model that does without it.
		List<String> candidates = c.modalityNames().stream()
			.filter(m -> catalog.entries().stream().anyMatch(e -> e.card().modalities().contains(m))).toList();
		CaseLoader.Screened screened = new CaseLoader().loadScreened(c, candidates.isEmpty() ? null : candidates);
		ModelCatalog.Choice choice = catalog.choose("auto", screened.usable().images().channelNames(), screened.refused());
		model[0] = choice.entry().name();
		String fallback = null;
		if (choice.fallback()) {
			notes.accept(choice.reason());
			fallback = choice.reason();
		}
		Segmenter segmenter = segmenter(choice.entry());
		MriCase loaded = screened.usable();
		List<String> needed = choice.entry().card().perModality()
			? List.of(choice.entry().card().modalities().stream().filter(loaded.images().channelNames()::contains)
				.findFirst().orElseThrow())
			: choice.entry().card().modalities();
		OutputPaths.requireNotInput(target, c.files());
		Volume images = loaded.images().select(needed);
		Segmentation seg = segmenter.segment(images, options.ignoreSpacing(), WindowProgress.of(monitor, c.id()));
		new NiftiWriter().writeLabels(seg.labels(), loaded.referenceHeader(), target,
			LabelStamp.CHECKSUM.description(seg, choice.entry()), LabelStamp.CHECKSUM.extensions(seg));
		return fallback;
	}

	private Segmenter segmenter(ModelCatalog.Entry entry) throws IOException {
		Segmenter segmenter = segmenters.get(entry.directory());
		if (segmenter == null) {
			ModelBundle b = ModelBundle.load(entry.directory(), options.session());
			bundles.put(entry.directory(), b);
			segmenter = new Segmenter(b, options.settingsFor(entry.card(), device));
			segmenters.put(entry.directory(), segmenter);
		}
		return segmenter;
	}

	/**
	 * Why an existing output cannot count as done (unreadable, not on the case's grid,
	 * labels no model of the catalog writes), or null when it can.
	 */
	public String existingOutputProblem(CaseFiles c, Path target) {
		if (c.modalities().isEmpty()) {
			return null;
		}
		NiftiReader reader = new NiftiReader();
		Path first = c.modalities().values().iterator().next();
		Geometry grid;
		try {
			grid = NiftiReader.geometryOf(reader.readHeader(first), first);
		} catch (NiftiException e) {
			// The case itself is broken: redoing it reports that in its own line.
			return "the case's " + first.getFileName() + " cannot be read";
		}
		Set<Integer> allowed = new HashSet<>();
		for (ModelCatalog.Entry e : catalog.entries()) {
			for (int label : e.card().labelMap()) {
				allowed.add(label);
			}
		}
		return LabelMapCheck.problem(reader, target, grid, allowed, Geometry.DEFAULT_TOLERANCE_MM);
	}

	@Override
	public void close() {
		bundles.values().forEach(ModelBundle::close);
		bundles.clear();
		segmenters.clear();
	}
}

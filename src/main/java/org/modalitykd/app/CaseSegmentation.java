/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modalitykd.infer.Segmentation;
import org.modalitykd.infer.SegmentationTool;
import org.modalitykd.infer.Segmenter;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.ImageSanity;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.MriCase;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.io.OutputSet;
import org.modalitykd.net.Devices;
import org.modalitykd.net.ModelBundle;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelCatalog;
import org.modalitykd.task.TaskMonitor;
import org.modalitykd.volume.Volume;

/**
 * Segment one case: the whole recipe, once, for every front end. The model is either
 * one bundle used as it is ({@link #withBundle}) or chosen once from a catalog by the
 * modalities the case has ({@link #withCatalog}); the device is resolved and the
 * options checked when this is made, before any image is read. Then a case is
 * segmented from its files (and written with its provenance) or from memory.
 */
public final class CaseSegmentation {

	private final SegmentationOptions options;
	private final Devices.Resolved device;
	private final ModelCatalog catalog;
	private final String wanted;
	/** The bundle and the modalities it reads, when one bundle was given; else null. */
	private final ModelCatalog.Entry bundle;
	private final List<String> bundleModalities;

	private CaseSegmentation(SegmentationOptions options, ModelCatalog catalog, String wanted, ModelCatalog.Entry bundle,
		List<String> bundleModalities) {
		this.options = options;
		this.catalog = catalog;
		this.wanted = wanted;
		this.bundle = bundle;
		this.bundleModalities = bundleModalities;
		// Device first: asking for a missing GPU should fail before minutes of reading.
		this.device = Devices.resolve(options.device());
	}

	/**
	 * One bundle, on the modalities its card names.
	 *
	 * @param modality for a per-modality (unpaired) model, which modality of the case it
	 *                 segments; ignored otherwise
	 * @throws InvalidSettingException when the model needs a modality and none or an
	 *                                 unknown one is given
	 */
	public static CaseSegmentation withBundle(Path bundle, String modality, SegmentationOptions options) throws IOException {
		Devices.resolve(options.device());
		ModelCard card = ModelBundle.readCard(bundle);
		List<String> modalities = card.perModality() ? List.of(pickModality(card, modality)) : card.modalities();
		return new CaseSegmentation(options, null, "auto", new ModelCatalog.Entry(bundle, card), modalities);
	}

	/**
	 * The model of {@code catalog} that fits each case.
	 *
	 * @param wanted a bundle name of the catalog, or "auto": the one that reads the most
	 *               modalities the case has (see {@link ModelCatalog#choose})
	 */
	public static CaseSegmentation withCatalog(ModelCatalog catalog, String wanted, SegmentationOptions options) {
		return new CaseSegmentation(options, catalog, wanted == null ? "auto" : wanted, null, null);
	}

	/** Where TensorFlow runs, in words, e.g. "CPU (as asked)". */
	public String device() {
		return device.description();
	}

	/**
	 * The model this takes for {@code images}, and a check that a disagreement map would
	 * find its partner and that a CT the model reads is in Hounsfield units: so that a
	 * dialog can show (and confirm) it before any work.
	 *
	 * @throws org.modalitykd.net.ModelMismatchException when the chosen model reads CT and
	 *                                                   the image's is not in HU
	 */
	public ModelCatalog.Choice choose(Volume images, SegmentationTool.Qa qa) {
		if (bundle != null) {
			return new ModelCatalog.Choice(bundle, "using " + bundle.describe(), false);
		}
		ModelCatalog.Choice choice = SegmentationTool.choose(catalog, wanted, images);
		SegmentationTool.checkHounsfield(choice.entry(), images);
		if (qa == SegmentationTool.Qa.DISAGREEMENT) {
			SegmentationTool.partner(catalog, choice, images.channelNames());
		}
		return choice;
	}

	/**
	 * Segments an image in memory whose channels are named by modality; unusable
	 * channels (empty, constant, non-finite) are left out and the model chosen among those
	 * that do without them.
	 *
	 * @param choice the model, as {@link #choose} gave it, or null to choose now
	 * @throws java.util.concurrent.CancellationException when the monitor cancels
	 */
	public CaseResult segment(Volume images, ModelCatalog.Choice choice, SegmentationTool.Qa qa, TaskMonitor monitor)
		throws IOException {
		Map<String, String> unusable = ImageSanity.problems(images);
		return segmentUsable(SegmentationTool.usable(images, unusable), unusable, choice, qa, monitor, "image", 0);
	}

	/**
	 * Reads a case and segments it, writing {@code targets} together (or nothing); the
	 * targets were {@linkplain SegmentationTargets#prepare checked} before.
	 *
	 * @throws java.util.concurrent.CancellationException when the monitor cancels; nothing is written
	 */
	public CaseResult segmentFiles(CaseFiles files, SegmentationTargets targets, TaskMonitor monitor) throws IOException {
		monitor.progress(0, files.id() + ": reading");
		long t0 = System.nanoTime();
		if (bundle != null) {
			MriCase c = new CaseLoader().load(files, bundleModalities);
			CaseResult r;
			try (ModelBundle loaded = ModelBundle.load(bundle.directory(), options.session())) {
				long t1 = System.nanoTime();
				Segmentation s = new Segmenter(loaded, options.settingsFor(bundle.card(), device))
					.segment(c.images(), options.ignoreSpacing(), WindowProgress.of(monitor, files.id()));
				long t2 = System.nanoTime();
				r = new CaseResult(c.id(), choose(null, SegmentationTool.Qa.NONE), s, null, "", device.description(),
					(t1 - t0) / 1e9, (t2 - t1) / 1e9);
			}
			write(r, c, targets);
			return r;
		}
		CaseLoader.Screened screened = new CaseLoader().loadScreened(files, null);
		MriCase c = screened.usable();
		CaseResult r = segmentUsable(c.images(), screened.refused(), null, SegmentationTool.Qa.NONE, monitor, c.id(), t0);
		write(r, c, targets);
		return r;
	}

	private CaseResult segmentUsable(Volume usable, Map<String, String> unusable, ModelCatalog.Choice given,
		SegmentationTool.Qa qa, TaskMonitor monitor, String id, long t0) throws IOException {
		if (bundle != null) {
			throw new IllegalStateException("a single bundle segments cases from their files");
		}
		long t1 = System.nanoTime();
		ModelCatalog.Choice choice = given != null ? given : catalog.choose(wanted, usable.channelNames(), unusable);
		CatalogSegmenter tool = new CatalogSegmenter(options.session(), card -> options.settingsFor(card, device));
		SegmentationTool.Result r = tool.segment(usable, catalog, choice, qa, WindowProgress.of(monitor, id));
		long t2 = System.nanoTime();
		return new CaseResult(id, r.choice(), r.segmentation(), r.quality(), r.qualityNote(), device.description(),
			t0 == 0 ? 0 : (t1 - t0) / 1e9, (t2 - t1) / 1e9);
	}

	/** Labels, probabilities and provenance appear together or not at all. */
	private static void write(CaseResult r, MriCase c, SegmentationTargets targets) throws IOException {
		Segmentation s = r.segmentation();
		try (OutputSet set = new OutputSet()) {
			NiftiWriter writer = new NiftiWriter(set);
			writer.writeLabels(s.labels(), c.referenceHeader(), targets.labels(), targets.stamp().description(s,
				r.choice().entry()), targets.stamp().extensions(s));
			if (targets.probabilities() != null) {
				writer.writeVolume(s.probabilities(), c.referenceHeader(), targets.probabilities());
			}
			if (targets.report() != null) {
				set.writeString(targets.report(), LabelStamp.JSON.toJson(report(r, targets)) + "\n");
			}
			set.commit();
		}
	}

	/** The single-case provenance report: the segmentation's provenance, then the run's facts. */
	private static Map<String, Object> report(CaseResult r, SegmentationTargets targets) {
		Segmentation s = r.segmentation();
		Map<String, Object> report = new LinkedHashMap<>(s.provenance());
		report.put("case", r.caseId());
		report.put("device", r.device());
		report.put("seconds_loading", r.secondsLoading());
		report.put("seconds_inference", r.secondsInference());
		long[] h = s.labels().histogram();
		Map<String, Long> voxels = new LinkedHashMap<>();
		for (int label : r.choice().entry().card().labelMap()) {
			voxels.put(Integer.toString(label), h[label]);
		}
		report.put("voxels_per_label", voxels);
		report.put("output", targets.labels().toString());
		if (targets.probabilities() != null) {
			report.put("probabilities", targets.probabilities().toString());
		}
		return report;
	}

	private static String pickModality(ModelCard card, String modality) {
		if (modality == null) {
			throw new InvalidSettingException("this " + card.role().key() + " model segments one of " + card.modalities()
				+ " at a time: choose one with --modality");
		}
		String m = Modalities.parseList(modality).get(0);
		if (!card.modalities().contains(m)) {
			throw new InvalidSettingException("--modality " + modality + ": the model knows " + card.modalities());
		}
		return m;
	}
}

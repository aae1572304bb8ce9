/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.modalitykd.io.OutputPaths;
import org.modalitykd.io.Modalities;
import org.modalitykd.synth.AnatomyChoice;
import org.modalitykd.synth.AnatomySource;
import org.modalitykd.synth.CaseGenerator;
import org.modalitykd.synth.Colin27Anatomy;
import org.modalitykd.synth.GeneratorSettings;
import org.modalitykd.synth.HeadMaps;
import org.modalitykd.synth.SyntheticDataset;
import org.modalitykd.synth.TissueMaps;
import org.modalitykd.synth.TumourSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synth --out DIR --cases N --seed S [--spacing MM] [--anatomy colin27|parametric] [--settings standard|shifted]}. */
@Command(name = "synth", mixinStandardHelpOptions = true,
	description = { "Generate synthetic multi-modal brain-tumour cases in the BraTS layout: "
		+ "<out>/<id>/<id>_t1.nii.gz, _t1ce, _t2, _flair (float32) and _seg (uint8: 1 necrotic core, "
		+ "2 edema, 4 enhancing tumour), plus <out>/synth-cases.tsv.",
		"With --modalities ...,ct also <id>_ct.nii.gz: a contrast-enhanced head CT of the same anatomy and tumour, "
			+ "in Hounsfield units, with the skull (not skull-stripped).",
		"The same seed gives byte-identical files. See docs/synth.md." })
final class SynthCommand extends ConsoleCommand {

	@Mixin
	OutputFolder output;

	@Option(names = "--cases", required = true, paramLabel = "N", description = "Number of cases.")
	int cases;

	@Option(names = "--seed", required = true, paramLabel = "S", description = "Dataset seed (any integer).")
	long seed;

	@Option(names = "--spacing", paramLabel = "MM", defaultValue = "2",
		description = "Isotropic voxel size in mm (default: ${DEFAULT-VALUE}; BraTS itself is 1 mm).")
	double spacing;

	@Option(names = "--anatomy", paramLabel = "NAME", defaultValue = "auto",
		description = "colin27 (Debian's mricron-data), parametric (a phantom), or auto: colin27 when installed "
			+ "(default: ${DEFAULT-VALUE}).")
	String anatomy;

	@Option(names = "--templates", paramLabel = "DIR",
		description = "Folder holding ch2.nii.gz and ch2bet.nii.gz (default: Debian's mricron-data folder).")
	Path templates;

	@Option(names = "--id-prefix", paramLabel = "TEXT", defaultValue = "synth",
		description = "Case ids are <prefix>_0001, <prefix>_0002, ... (default: ${DEFAULT-VALUE}).")
	String idPrefix;

	@Mixin
	TumourSizeOptions tumourSize;

	@Option(names = "--modalities", paramLabel = "LIST", defaultValue = "t1,t1ce,t2,flair",
		description = "Images per case, comma-separated: any of t1, t1ce, t2, flair and ct; e.g. ct alone for CT-only "
			+ "cases (default: ${DEFAULT-VALUE}). A case is the same whatever is asked for.")
	String modalities;

	@Option(names = "--settings", paramLabel = "NAME", defaultValue = GeneratorSettings.STANDARD,
		description = "How the cases vary: standard (what models are trained on) or shifted (every contrast, acquisition, "
			+ "warp and tumour knob outside the standard range, for a test set unlike the training cases; "
			+ "--min-ml/--max-ml then default to 2 and 200) (default: ${DEFAULT-VALUE}). See docs/synth.md.")
	String settingsName;

	@Override
	public Integer call() throws Exception {
		Path out = output.folder;
		if (cases < 1) {
			throw new UsageException("--cases must be at least 1, not " + cases);
		}
		if (!(spacing >= 0.5 && spacing <= 10)) {
			throw new UsageException("--spacing must be between 0.5 and 10 mm, not " + spacing);
		}
		GeneratorSettings settings;
		try {
			settings = GeneratorSettings.named(settingsName);
		} catch (IllegalArgumentException e) {
			throw new UsageException("--settings: " + e.getMessage());
		}
		if (!idPrefix.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
			throw new UsageException("--id-prefix may hold letters, digits and '-' only (the '_' separates the modality), not '" + idPrefix + "'");
		}
		if (!output.overwrite() && Files.isDirectory(out)) {
			for (int i = 0; i < cases; i++) {
				OutputPaths.requireNew(OutputPaths.inside(out, SyntheticDataset.caseId(idPrefix, i)), false, "--overwrite");
			}
			OutputPaths.requireNew(out.resolve(SyntheticDataset.SUMMARY), false, "--overwrite");
		}
		Leftovers.removeIn(out, out());
		for (int i = 0; i < cases; i++) {
			Leftovers.removeIn(OutputPaths.inside(out, SyntheticDataset.caseId(idPrefix, i)), out());
		}
		AnatomyChoice choice;
		TumourSettings tumours;
		List<String> wanted = Modalities.parseList(modalities);
		try {
			CaseGenerator.checkModalities(wanted);
			choice = AnatomyChoice.parse(anatomy);
			tumours = tumourSize.applyTo(settings.tumours());
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		var o = out();
		AnatomySource source = choice.resolve(templates != null ? templates : Colin27Anatomy.DEBIAN_TEMPLATES);
		long start = System.nanoTime();
		TissueMaps tissues = source.tissues();
		TissueMaps reference = tissues.atSpacing(spacing);
		HeadMaps head = wanted.contains(Modalities.CT) ? source.head(tissues).atSpacing(spacing) : null;
		o.printf(Locale.ROOT, "anatomy   %s: %s%n", source.name(), source.description());
		o.printf(Locale.ROOT, "settings  %s%n", settings.name());
		o.printf(Locale.ROOT, "grid      %s (prepared in %.1f s)%n", reference.geometry().describe(), (System.nanoTime() - start) / 1e9);
		SyntheticDataset dataset = new SyntheticDataset(new CaseGenerator(reference, head, settings.withTumours(tumours), wanted), source.name());
		long all = System.nanoTime();
		dataset.write(out, cases, seed, idPrefix, (index, total, c, folder, seconds) -> {
			o.printf(Locale.ROOT, "case %d/%d %s: WT %.1f mL, TC %.1f mL, ET %.1f mL, %d lesion%s%s (%.1f s)%n", index + 1,
				total, c.id(), c.labelVolumeMl(1) + c.labelVolumeMl(2) + c.labelVolumeMl(4),
				c.labelVolumeMl(1) + c.labelVolumeMl(4), c.labelVolumeMl(4), c.lesions().size(),
				c.lesions().size() == 1 ? "" : "s", c.enhancing() ? "" : ", no enhancement", seconds);
			o.flush();
		});
		o.printf(Locale.ROOT, "wrote %d case%s to %s in %.1f s (%.2f s per case)%n", cases, cases == 1 ? "" : "s", out,
			(System.nanoTime() - all) / 1e9, (System.nanoTime() - all) / 1e9 / cases);
		return 0;
	}
}

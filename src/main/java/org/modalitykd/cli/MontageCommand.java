/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.modalitykd.cli.report.Montage;
import org.modalitykd.cli.report.PngFile;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.MriCase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code montage CASE_DIR... --out PNG}: a picture of cases with their labels. */
@Command(name = "montage", mixinStandardHelpOptions = true,
	description = { "Draw one axial slice per modality of each case (the slice with the most tumour core), "
		+ "and the labels over one modality, into a PNG: red 1 necrotic core, green 2 edema, yellow 4 enhancing.",
		"Each modality is windowed to the 1st-99th percentile of its non-zero voxels; ct (Hounsfield units) is drawn "
			+ "twice, in a brain window (W80 L40) and a bone window (W2000 L500)." })
final class MontageCommand extends ConsoleCommand {

	@Parameters(paramLabel = "CASE_DIR", arity = "1..*", description = "BraTS case folders, or folders of them.")
	List<Path> inputs;

	@Option(names = "--out", required = true, paramLabel = "PNG", description = "The picture to write.")
	Path out;

	@Option(names = "--overlay-on", paramLabel = "MODALITY", defaultValue = "t1ce",
		description = "The modality under the labels (default: ${DEFAULT-VALUE}).")
	String overlayOn;

	@Option(names = "--zoom", paramLabel = "N", defaultValue = "3", description = "Pixels per voxel (default: ${DEFAULT-VALUE}).")
	int zoom;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws IOException {
		if (zoom < 1 || zoom > 16) {
			throw new UsageException("--zoom must be between 1 and 16, not " + zoom);
		}
		List<CaseFiles> files = new ArrayList<>();
		for (Path p : inputs) {
			files.addAll(BratsLayout.casesUnder(p));
		}
		if (files.isEmpty()) {
			throw new UsageException("no BraTS cases found in " + inputs);
		}
		Path absolute = out.toAbsolutePath();
		Files.createDirectories(absolute.getParent());
		List<Path> inputFiles = new ArrayList<>();
		for (CaseFiles f : files) {
			inputFiles.addAll(f.files());
		}
		Leftovers.report(org.modalitykd.io.OutputPaths.prepare(absolute, inputFiles, overwrite.overwrite, "--overwrite"),
			absolute.getParent(), out());
		CaseLoader loader = new CaseLoader();
		List<MriCase> cases = new ArrayList<>();
		for (CaseFiles f : files) {
			MriCase c = loader.load(f, null);
			if (!c.images().channelNames().contains(overlayOn)) {
				throw new UsageException("case " + c.id() + " has no " + overlayOn + " image for --overlay-on (it has "
					+ String.join(", ", c.images().channelNames()) + ")");
			}
			if (!cases.isEmpty() && !cases.get(0).images().channelNames().equals(c.images().channelNames())) {
				throw new UsageException("case " + c.id() + " has the modalities " + c.images().channelNames() + " but "
					+ cases.get(0).id() + " has " + cases.get(0).images().channelNames() + "; a montage needs the same");
			}
			cases.add(c);
		}
		var image = Montage.render(cases, overlayOn, zoom);
		PngFile.write(absolute, image);
		out().printf("wrote %s (%d case%s, %dx%d pixels)%n", out, cases.size(),
			cases.size() == 1 ? "" : "s", image.getWidth(), image.getHeight());
		return 0;
	}
}

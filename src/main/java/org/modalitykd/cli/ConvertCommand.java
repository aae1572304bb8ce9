/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Path;

import org.modalitykd.io.NiftiConverter;
import org.modalitykd.io.NiftiDatatype;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convert IN OUT [--datatype NAME] [--nifti-version 1|2]}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
	description = { "Rewrite a NIfTI image as another flavour (.nii, .nii.gz, .hdr/.img, .hdr.gz/.img.gz), "
		+ "keeping values and geometry (qform, sform, their codes, units).",
		"The output appears only when complete; on failure nothing is left behind." })
final class ConvertCommand extends ConsoleCommand {

	@Parameters(index = "0", paramLabel = "IN", description = "The image to read.")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT", description = "The file to write; its name chooses the flavour.")
	Path out;

	@Mixin
	StorageOptions storage;

	@Mixin
	OverwriteOption overwrite;

	@Override
	public Integer call() throws Exception {
		NiftiDatatype type = storage.datatype();
		NiftiVersion v = storage.version();
		Leftovers.report(org.modalitykd.io.OutputPaths.prepare(out, java.util.List.of(in), overwrite.overwrite, "--overwrite"),
			out.toAbsolutePath().getParent(), out());
		NiftiConverter.Result r = new NiftiConverter(new NiftiReader()).convert(in, out, type, v);
		var o = out();
		o.printf("wrote %s (%s%s)%n", out, r.from() == r.to() ? r.to().typeName() : r.from().typeName() + " -> " + r.to().typeName(),
			r.rescaled() ? String.format(", rescaled: value = stored * %.6g + %.6g", r.slope(), r.inter()) : "");
		return 0;
	}
}

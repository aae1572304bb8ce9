/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.Manifest;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiFiles;

/**
 * Turns {@code --input} values into the files of one case: a BraTS case folder, a
 * manifest CSV (its first case), or image files given as {@code MODALITY=PATH} or named
 * {@code <anything>_<modality>.nii[.gz]}.
 */
final class CaseInputs {

	private CaseInputs() {
	}

	static CaseFiles resolve(List<String> inputs) throws NiftiException {
		if (inputs.size() == 1) {
			Path only = Path.of(inputs.get(0));
			if (Files.isDirectory(only)) {
				return BratsLayout.caseIn(only);
			}
			if (only.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
				return Manifest.read(only).get(0);
			}
			if (!Files.exists(only) && !NiftiFiles.isNiftiName(only) && !(only.toString().indexOf('=') > 0)) {
				// Neither an image nor MODALITY=PATH: a case folder that is not there.
				throw new NiftiException(only, "no such folder (give a BraTS case folder, a manifest CSV, or the image files)");
			}
		}
		Map<String, Path> files = new LinkedHashMap<>();
		String id = null;
		for (String in : inputs) {
			int eq = in.indexOf('=');
			String modality;
			Path file;
			if (eq > 0 && !Files.exists(Path.of(in))) {
				modality = Modalities.parseList(in.substring(0, eq)).get(0);
				file = Path.of(in.substring(eq + 1));
			} else {
				file = Path.of(in);
				if (!Files.isRegularFile(file)) {
					throw new NiftiException(file, Files.isDirectory(file)
						? "is a folder; give one case folder alone, or image files" : "no such file");
				}
				modality = modalityFromName(file);
			}
			if (!Files.isRegularFile(file)) {
				throw new NiftiException(file, "no such file");
			}
			if (files.put(modality, file) != null) {
				throw new UsageException("--input names " + modality + " twice");
			}
			if (id == null) {
				String stem = NiftiFiles.stem(file);
				int cut = Math.max(stem.lastIndexOf('_'), stem.lastIndexOf('-'));
				id = cut > 0 ? stem.substring(0, cut) : stem;
			}
		}
		return new CaseFiles(id, files, Optional.empty());
	}

	private static String modalityFromName(Path file) {
		String stem = NiftiFiles.stem(file);
		int cut = Math.max(stem.lastIndexOf('_'), stem.lastIndexOf('-'));
		String m = cut >= 0 ? Modalities.canonical(stem.substring(cut + 1)) : null;
		if (m == null || m.equals(Modalities.LABELS)) {
			throw new UsageException("cannot tell the modality of " + file.getFileName()
				+ " from its name; give it as MODALITY=PATH, e.g. t1ce=" + file);
		}
		return m;
	}
}

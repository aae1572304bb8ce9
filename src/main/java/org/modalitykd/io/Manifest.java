/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cases listed in a CSV file, for layouts other than BraTS: one row per file with the
 * columns {@code case_id,modality,path}. A header row is optional, lines starting with
 * '#' are comments, relative paths are relative to the manifest's folder, and the
 * modality {@code seg} (or {@code label}) marks the segmentation. Fields may be quoted as
 * spreadsheets write them, a leading UTF-8 byte-order mark is ignored, and a listed file
 * that does not exist is refused with its line before anything is read. Case ids name the
 * outputs, so they may hold only letters, digits, '.', '_' and '-' ({@link OutputPaths}).
 *
 * <pre>
 * case_id,modality,path
 * p001,t1,p001/T1w.nii.gz
 * p001,flair,p001/FLAIR.nii.gz
 * p001,seg,p001/lesion_mask.nii.gz
 * </pre>
 */
public final class Manifest {

	private Manifest() {
	}

	/** The cases of a manifest, in the order they first appear. */
	public static List<CaseFiles> read(Path csv) throws NiftiException {
		List<String> lines;
		try {
			lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new NiftiException(csv, "cannot be read: " + e.getMessage(), e);
		}
		Path base = csv.toAbsolutePath().getParent();
		Map<String, Map<String, Path>> cases = new LinkedHashMap<>();
		for (int n = 0; n < lines.size(); n++) {
			String line = lines.get(n);
			if (n == 0 && line.startsWith("\uFEFF")) {
				// Spreadsheets (Excel's "CSV UTF-8") start the file with a byte-order mark.
				line = line.substring(1);
			}
			line = line.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] cols;
			try {
				cols = fields(line);
			} catch (IllegalArgumentException e) {
				throw new NiftiException(csv, "line " + (n + 1) + " " + e.getMessage());
			}
			if (cols.length != 3) {
				throw new NiftiException(csv, "line " + (n + 1) + " has " + cols.length
					+ " columns; each line must be case_id,modality,path");
			}
			String id = cols[0].strip();
			String rawModality = cols[1].strip();
			String path = cols[2].strip();
			if (n == 0 || cases.isEmpty()) {
				if (id.equalsIgnoreCase("case_id") || id.equalsIgnoreCase("case")) {
					continue;
				}
			}
			if (id.isEmpty() || rawModality.isEmpty() || path.isEmpty()) {
				throw new NiftiException(csv, "line " + (n + 1) + " has an empty column; each line must be case_id,modality,path");
			}
			if (!OutputPaths.isSafeCaseId(id)) {
				// The id names the case's outputs (batch writes <out>/<id>.nii.gz): no path in it.
				throw new NiftiException(csv, "line " + (n + 1) + ": " + OutputPaths.unsafeCaseId(id));
			}
			String known = Modalities.canonical(rawModality);
			String modality = known != null ? known : rawModality.toLowerCase(Locale.ROOT);
			Path file = base.resolve(path).normalize();
			if (!Files.exists(file)) {
				throw new NiftiException(csv, "line " + (n + 1) + ": no such file " + path
					+ (Path.of(path).isAbsolute() ? "" : " (looked for " + file + ")"));
			}
			Path previous = cases.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(modality, file);
			if (previous != null) {
				throw new NiftiException(csv, "line " + (n + 1) + " lists " + modality + " of case " + id + " a second time");
			}
		}
		if (cases.isEmpty()) {
			throw new NiftiException(csv, "lists no cases; each line must be case_id,modality,path");
		}
		List<CaseFiles> out = new ArrayList<>();
		cases.forEach((id, files) -> {
			Map<String, Path> images = new LinkedHashMap<>(files);
			Path labels = images.remove(Modalities.LABELS);
			out.add(new CaseFiles(id, images, Optional.ofNullable(labels)));
		});
		return out;
	}

	/**
	 * The comma-separated fields of one line. A field may be quoted as spreadsheets write
	 * CSV ({@code "a, b"} with {@code ""} for a quote inside), or in single quotes as
	 * some scripts write paths; the quotes are not part of the value.
	 *
	 * @throws IllegalArgumentException for a quote that is never closed
	 */
	static String[] fields(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (true) {
			while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
				i++;
			}
			char q = i < line.length() ? line.charAt(i) : 0;
			if (q == '"' || q == '\'') {
				int start = i;
				i++;
				while (true) {
					if (i >= line.length()) {
						throw new IllegalArgumentException("has a " + (q == '"' ? "double" : "single")
							+ " quote at column " + (start + 1) + " that is never closed");
					}
					char ch = line.charAt(i);
					if (ch == q) {
						if (i + 1 < line.length() && line.charAt(i + 1) == q) {
							field.append(q);
							i += 2;
							continue;
						}
						i++;
						break;
					}
					field.append(ch);
					i++;
				}
				while (i < line.length() && line.charAt(i) != ',') {
					if (!Character.isWhitespace(line.charAt(i))) {
						throw new IllegalArgumentException("has text after the closing quote at column " + (i + 1));
					}
					i++;
				}
			} else {
				while (i < line.length() && line.charAt(i) != ',') {
					field.append(line.charAt(i++));
				}
			}
			out.add(field.toString().strip());
			field.setLength(0);
			if (i >= line.length()) {
				return out.toArray(new String[0]);
			}
			i++; // the comma
		}
	}
}

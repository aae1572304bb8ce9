/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds cases in the BraTS layout: one folder per case holding
 * {@code <id>_t1.nii.gz}, {@code <id>_t1ce}, {@code <id>_t2}, {@code <id>_flair} (and {@code <id>_ct}, a CT) and
 * optionally {@code <id>_seg} (also the BraTS 2023 spellings t1n / t1c / t2w / t2f and
 * a '-' separator).
 */
public final class BratsLayout {

	private static final Pattern NAME = Pattern.compile("(.+)[_-]([A-Za-z0-9]+)");

	private BratsLayout() {
	}

	/** The case in one folder. */
	public static CaseFiles caseIn(Path dir) throws NiftiException {
		if (!Files.isDirectory(dir)) {
			throw new NiftiException(dir, Files.exists(dir) ? "is a file, not a case folder" : "no such folder");
		}
		Map<String, Map<String, Path>> byId = scan(dir);
		if (byId.isEmpty()) {
			throw new NiftiException(dir, "holds no NIfTI files named like <id>_t1.nii.gz, <id>_t1ce, <id>_t2, <id>_flair, <id>_ct or <id>_seg");
		}
		if (byId.size() > 1) {
			throw new NiftiException(dir, "holds files of several cases " + byId.keySet()
				+ "; put one case per folder or use a manifest");
		}
		var entry = byId.entrySet().iterator().next();
		// The id names the case's outputs (batch writes <out>/<id>.nii.gz).
		OutputPaths.requireSafeCaseId(entry.getKey(), dir);
		return toCase(entry.getKey(), entry.getValue());
	}

	/** Every case folder directly below {@code root} (or root itself if it is a case). */
	public static List<CaseFiles> casesUnder(Path root) throws NiftiException {
		if (!Files.isDirectory(root)) {
			throw new NiftiException(root, "no such folder");
		}
		if (!scan(root).isEmpty()) {
			return List.of(caseIn(root));
		}
		List<CaseFiles> cases = new ArrayList<>();
		try (Stream<Path> children = Files.list(root)) {
			for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
				if (!scan(child).isEmpty()) {
					cases.add(caseIn(child));
				}
			}
		} catch (IOException e) {
			throw new NiftiException(root, "cannot be listed: " + e.getMessage(), e);
		}
		return cases;
	}

	private static Map<String, Map<String, Path>> scan(Path dir) throws NiftiException {
		Map<String, Map<String, Path>> byId = new TreeMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
				String stem = NiftiFiles.stem(f);
				if (!NiftiFiles.isNiftiName(f) || stem.equals(f.getFileName().toString())
					|| f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.img(\\.gz)?")) {
					continue;
				}
				Matcher m = NAME.matcher(stem);
				if (!m.matches()) {
					continue;
				}
				String modality = Modalities.canonical(m.group(2));
				if (modality == null) {
					continue;
				}
				Map<String, Path> files1 = byId.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>());
				Path previous = files1.put(modality, f);
				if (previous != null) {
					throw new NiftiException(dir, "has two files for " + modality + " of case " + m.group(1) + ": "
						+ previous.getFileName() + " and " + f.getFileName() + "; keep one");
				}
			}
		} catch (IOException e) {
			if (e instanceof NiftiException ne) {
				throw ne;
			}
			throw new NiftiException(dir, "cannot be listed: " + e.getMessage(), e);
		}
		return byId;
	}

	private static CaseFiles toCase(String id, Map<String, Path> files) {
		Map<String, Path> images = new LinkedHashMap<>(files);
		Path labels = images.remove(Modalities.LABELS);
		return new CaseFiles(id, images, Optional.ofNullable(labels));
	}
}

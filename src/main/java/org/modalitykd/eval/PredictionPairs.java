/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiFiles;

/**
 * Matches predicted label files with reference label files by case id. A file's case
 * id is its name without the NIfTI suffix and without a trailing {@code _seg},
 * {@code _pred}, {@code _labels} or {@code -seg}: {@code BraTS_001_seg.nii.gz} and
 * {@code BraTS_001.nii.gz} both belong to {@code BraTS_001}. Folders are searched
 * recursively; in a folder that holds {@code _seg} files (BraTS cases, with their
 * images) only those count.
 */
public final class PredictionPairs {

	/** A prediction and its reference. */
	public record Pair(String caseId, Path prediction, Path reference) {
	}

	/** The pairs, and the case ids found on only one side. */
	public record Result(List<Pair> pairs, List<String> predictionsWithoutReference, List<String> referencesWithoutPrediction) {
	}

	private PredictionPairs() {
	}

	public static Result match(Path predictions, Path references) throws IOException {
		if (Files.isRegularFile(predictions) && Files.isRegularFile(references)) {
			return new Result(List.of(new Pair(caseId(predictions), predictions, references)), List.of(), List.of());
		}
		Map<String, Path> pred = index(predictions);
		Map<String, Path> ref = index(references);
		List<Pair> pairs = new ArrayList<>();
		List<String> predOnly = new ArrayList<>();
		for (var e : pred.entrySet()) {
			Path r = ref.get(e.getKey());
			if (r == null) {
				predOnly.add(e.getKey());
			} else {
				pairs.add(new Pair(e.getKey(), e.getValue(), r));
			}
		}
		List<String> refOnly = ref.keySet().stream().filter(k -> !pred.containsKey(k)).toList();
		return new Result(pairs, predOnly, refOnly);
	}

	/** The case id of a label file name. */
	public static String caseId(Path file) {
		return NiftiFiles.stem(file).replaceFirst("([_-](seg|pred|labels?))$", "");
	}

	private static Map<String, Path> index(Path root) throws IOException {
		if (!Files.exists(root)) {
			throw new NiftiException(root, "no such file or folder");
		}
		List<Path> files;
		if (Files.isRegularFile(root)) {
			files = List.of(root);
		} else {
			try (Stream<Path> walk = Files.walk(root)) {
				files = walk.filter(Files::isRegularFile).filter(NiftiFiles::isNiftiName)
					.filter(p -> !p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.img(\\.gz)?"))
					.sorted().toList();
			}
		}
		// A folder of BraTS cases also holds the images: then only the _seg files are labels.
		boolean bratsCases = files.stream().anyMatch(PredictionPairs::isSegName);
		Map<String, Path> byId = new TreeMap<>();
		for (Path f : files) {
			if (bratsCases && !isSegName(f)) {
				continue;
			}
			Path previous = byId.put(caseId(f), f);
			if (previous != null) {
				throw new NiftiException(root, "holds two label files for case " + caseId(f) + ": " + previous.getFileName()
					+ " and " + f.getFileName() + "; keep one");
			}
		}
		if (byId.isEmpty()) {
			throw new NiftiException(root, "holds no NIfTI label files");
		}
		return byId;
	}

	private static boolean isSegName(Path f) {
		return NiftiFiles.stem(f).matches(".*[_-]seg");
	}
}

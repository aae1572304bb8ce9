/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one case before anything is read: a path per modality (in BraTS order
 * when the names are BraTS ones) and an optional label file.
 *
 * @param id         the case identifier, e.g. {@code BraTS19_2013_2_1}
 * @param modalities modality name to image file, in channel order
 * @param labels     the segmentation file, if the case has one
 */
public record CaseFiles(String id, Map<String, Path> modalities, Optional<Path> labels) {

	public CaseFiles {
		modalities = Collections.unmodifiableMap(new LinkedHashMap<>(ordered(modalities)));
	}

	/** Every file of the case, images then labels: what no command may write over. */
	public List<Path> files() {
		List<Path> all = new java.util.ArrayList<>(modalities.values());
		labels.ifPresent(all::add);
		return all;
	}

	/** Modality names in channel order. */
	public List<String> modalityNames() {
		return List.copyOf(modalities.keySet());
	}

	private static Map<String, Path> ordered(Map<String, Path> in) {
		Map<String, Path> out = new LinkedHashMap<>();
		for (String m : Modalities.BRATS) {
			if (in.containsKey(m)) {
				out.put(m, in.get(m));
			}
		}
		in.keySet().stream().filter(m -> !out.containsKey(m)).sorted().forEach(m -> out.put(m, in.get(m)));
		return out;
	}
}

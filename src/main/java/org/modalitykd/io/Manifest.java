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
 * modality {@code seg} (or {@code label}) marks the segmentation. Case ids name the
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
			String line = lines.get(n).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] cols = line.split(",", -1);
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
}

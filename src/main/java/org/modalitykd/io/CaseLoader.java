/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Loads cases: reads the requested modalities as channels of one volume and checks
 * that they (and the labels) share one voxel grid. Thread-safe.
 */
public final class CaseLoader {

	private final NiftiReader reader;
	private final double toleranceMm;

	public CaseLoader() {
		this(new NiftiReader(), Geometry.DEFAULT_TOLERANCE_MM);
	}

	/**
	 * @param toleranceMm largest entry-wise difference of two affines still counted as
	 *                    the same grid
	 */
	public CaseLoader(NiftiReader reader, double toleranceMm) {
		this.reader = reader;
		this.toleranceMm = toleranceMm;
	}

	/**
	 * The case in a BraTS folder, or the first case of a manifest CSV.
	 *
	 * @param modalities the channels wanted, in order; null or empty for all found
	 */
	public MriCase load(Path caseDirOrManifest, List<String> modalities) throws NiftiException {
		return load(filesOf(caseDirOrManifest), modalities);
	}

	/** The files of the case in a BraTS folder, or of the first case of a manifest CSV. */
	public static CaseFiles filesOf(Path caseDirOrManifest) throws NiftiException {
		if (!Files.exists(caseDirOrManifest)) {
			throw new NiftiException(caseDirOrManifest, NiftiFiles.isNiftiName(caseDirOrManifest)
				|| caseDirOrManifest.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
				? "no such file" : "no such folder");
		}
		return Files.isDirectory(caseDirOrManifest)
			? BratsLayout.caseIn(caseDirOrManifest)
			: Manifest.read(caseDirOrManifest).get(0);
	}

	/**
	 * Reads the files of a case.
	 *
	 * @throws NiftiException also when a modality is unusable (see {@link ImageSanity}):
	 *                        the message names the file and what is wrong with it
	 */
	public MriCase load(CaseFiles files, List<String> modalities) throws NiftiException {
		return read(files, modalities, Policy.REFUSE).usable();
	}

	/**
	 * The case in a folder or manifest as it is, unusable modalities included: for
	 * viewing (an empty or NaN image is worth looking at), and for a segmentation that
	 * screens the channels itself ({@code infer.SegmentationTool}).
	 */
	public MriCase loadAsIs(Path caseDirOrManifest, List<String> modalities) throws NiftiException {
		return read(filesOf(caseDirOrManifest), modalities, Policy.KEEP).usable();
	}

	/** What reading does with an unusable modality. */
	private enum Policy {
		/** Refuse the case, naming the file. */
		REFUSE,
		/** Leave the modality out and say why. */
		LEAVE_OUT,
		/** Keep it. */
		KEEP
	}

	/**
	 * A case read for a choice of model: the usable modalities, and the unusable ones
	 * left out with the reason (file and problem) instead of refusing the case.
	 *
	 * @param usable  the case with only its usable modalities as channels
	 * @param refused modality name to {@code "<file>: the <modality> image <problem>"}
	 */
	public record Screened(MriCase usable, Map<String, String> refused) {
	}

	/**
	 * Reads the files of a case, leaving out unusable modalities.
	 *
	 * @throws NiftiException when a file cannot be read, or no modality is usable
	 */
	public Screened loadScreened(CaseFiles files, List<String> modalities) throws NiftiException {
		return read(files, modalities, Policy.LEAVE_OUT);
	}

	private Screened read(CaseFiles files, List<String> modalities, Policy policy) throws NiftiException {
		List<String> wanted = modalities == null || modalities.isEmpty() ? files.modalityNames() : modalities;
		if (wanted.isEmpty()) {
			throw new NiftiException(files.labels().orElse(Path.of(files.id())),
				"case " + files.id() + " has no image files, only labels");
		}
		for (String m : wanted) {
			if (!files.modalities().containsKey(m)) {
				throw new NiftiException(Path.of(files.id()), "case " + files.id() + " has no " + m
					+ " image (found: " + String.join(", ", files.modalityNames())
					+ "); add the file or choose a model that does not need " + m);
			}
		}
		checkHeaders(files, wanted);
		List<float[]> channels = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		Map<String, String> refused = new java.util.LinkedHashMap<>();
		Geometry geometry = null;
		NiftiHeader reference = null;
		String firstProblem = null;
		for (String m : wanted) {
			Path file = files.modalities().get(m);
			Volume v = reader.readVolume(file, List.of(m));
			String problem = policy == Policy.KEEP ? null : ImageSanity.problem(v.channel(0));
			if (problem != null) {
				if (policy == Policy.REFUSE) {
					throw new NiftiException(file, "the " + m + " image " + problem + "; " + ImageSanity.advice(m));
				}
				refused.put(m, file + ": the " + m + " image " + problem);
				firstProblem = firstProblem == null ? problem : firstProblem;
				continue;
			}
			if (geometry == null) {
				geometry = v.geometry();
				reference = reader.readHeader(file);
			}
			kept.add(m);
			channels.add(v.channel(0));
		}
		if (kept.isEmpty()) {
			// Nothing left to choose a model for: the case is refused, naming its first file.
			String m = wanted.get(0);
			throw new NiftiException(files.modalities().get(m), "the " + m + " image " + firstProblem + (wanted.size() > 1
					? ", and so are the other modalities " + wanted.subList(1, wanted.size()) : "") + "; " + ImageSanity.advice(m));
		}
		Optional<LabelVolume> labels = Optional.empty();
		if (files.labels().isPresent()) {
			labels = Optional.of(reader.readLabels(files.labels().get()));
		}
		MriCase c = new MriCase(files, new Volume(geometry, kept, channels.toArray(new float[0][])), labels, reference);
		return new Screened(c, java.util.Collections.unmodifiableMap(refused));
	}

	/**
	 * Compares every file's grid with the first one's before any voxel data are read, so
	 * a mismatch costs nothing and names both files.
	 */
	private void checkHeaders(CaseFiles files, List<String> wanted) throws NiftiException {
		List<Path> paths = new ArrayList<>();
		for (String m : wanted) {
			paths.add(files.modalities().get(m));
		}
		files.labels().ifPresent(paths::add);
		// Each header is read once: the modalities' first (a 4D one is named before anything
		// else is said about it), the labels' when the grids are compared.
		Map<Path, NiftiHeader> headers = new java.util.HashMap<>();
		for (String m : wanted) {
			Path file = files.modalities().get(m);
			NiftiHeader header = reader.readHeader(file);
			headers.put(file, header);
			long volumes = header.volumeCount();
			if (volumes != 1) {
				throw new NiftiException(file, "holds " + volumes + " volumes (4D); give one 3D image per modality");
			}
		}
		Path first = paths.get(0);
		Geometry reference = NiftiReader.geometryOf(headers.get(first), first);
		int[] d = reference.dims();
		MemoryNeed.noteCase("case " + files.id() + " (" + dims(reference) + " voxels x " + wanted.size() + " modalities)",
			(long) d[0] * d[1] * d[2], wanted.size());
		for (Path other : paths.subList(1, paths.size())) {
			NiftiHeader header = headers.containsKey(other) ? headers.get(other) : reader.readHeader(other);
			Geometry g = NiftiReader.geometryOf(header, other);
			String mismatch = mismatch(reference, g);
			if (mismatch != null) {
				throw new NiftiException(other, "does not share the voxel grid of " + first.getFileName() + ": "
					+ mismatch + "; resample (register) the modalities to one grid first");
			}
		}
	}

	private String mismatch(Geometry a, Geometry b) {
		if (!java.util.Arrays.equals(a.dims(), b.dims())) {
			return "shape " + dims(b) + " vs " + dims(a);
		}
		if (!a.affine().approximatelyEquals(b.affine(), toleranceMm)) {
			return String.format("affines differ by up to %.4g mm (tolerance %.4g)", a.affine().maxDifference(b.affine()),
				toleranceMm);
		}
		return null;
	}

	private static String dims(Geometry g) {
		int[] d = g.dims();
		return d[0] + "x" + d[1] + "x" + d[2];
	}

	/** Summary of what a case folder holds, from headers only (no voxel data read). */
	public record Inventory(CaseFiles files, Map<String, Geometry> geometries, Map<String, String> datatypes,
		List<String> problems) {

		public boolean consistent() {
			return problems.isEmpty();
		}
	}

	/** Reads the headers of every file of a case and lists any grid disagreement. */
	public Inventory inventory(CaseFiles files) throws NiftiException {
		Map<String, Geometry> geometries = new java.util.LinkedHashMap<>();
		Map<String, String> types = new java.util.LinkedHashMap<>();
		Map<String, Path> all = new java.util.LinkedHashMap<>(files.modalities());
		files.labels().ifPresent(p -> all.put(Modalities.LABELS, p));
		for (var e : all.entrySet()) {
			NiftiHeader h = reader.readHeader(e.getValue());
			geometries.put(e.getKey(), NiftiReader.geometryOf(h, e.getValue()));
			types.put(e.getKey(), h.datatype().typeName() + (h.volumeCount() > 1 ? " 4D x" + h.volumeCount() : ""));
		}
		List<String> problems = new ArrayList<>();
		String firstName = null;
		Geometry first = null;
		for (var e : geometries.entrySet()) {
			if (first == null) {
				firstName = e.getKey();
				first = e.getValue();
				continue;
			}
			String m = mismatch(first, e.getValue());
			if (m != null) {
				problems.add(e.getKey() + " vs " + firstName + ": " + m);
			}
		}
		return new Inventory(files, geometries, types, problems);
	}
}

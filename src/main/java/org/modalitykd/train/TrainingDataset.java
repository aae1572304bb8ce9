/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.modalitykd.data.BratsLabels;
import org.modalitykd.data.HounsfieldCheck;
import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.CaseLoader;
import org.modalitykd.io.LabelMapCheck;
import org.modalitykd.io.Modalities;
import org.modalitykd.io.MriCase;

/**
 * The labelled cases of one folder (BraTS layout: a folder per case with
 * {@code <id>_<modality>.nii.gz} and {@code <id>_seg.nii.gz}), read with the given
 * modalities as channels. Everything is checked before training starts, so a bad case
 * fails in seconds with its name, not hours into a run.
 *
 * @param source where the cases came from (recorded in the model card)
 */
public record TrainingDataset(String source, List<String> modalities, List<LabelledCase> cases) {

	public TrainingDataset {
		modalities = List.copyOf(modalities);
		cases = List.copyOf(cases);
	}

	/**
	 * Reads every case under {@code dir}.
	 *
	 * @throws IOException              when a file cannot be read
	 * @throws IllegalArgumentException when the folder holds no cases, a case lacks labels
	 *                                  or a modality, its labels are not BraTS ones, its CT
	 *                                  is not in Hounsfield units, or the cases' voxel sizes differ
	 */
	public static TrainingDataset load(Path dir, List<String> modalities) throws IOException {
		List<CaseFiles> files = BratsLayout.casesUnder(dir);
		if (files.isEmpty()) {
			throw new IllegalArgumentException(dir + ": no cases found (expected one folder per case with <id>_t1.nii.gz, "
				+ "..., <id>_seg.nii.gz)");
		}
		for (CaseFiles f : files) {
			if (f.labels().isEmpty()) {
				throw new IllegalArgumentException(dir + ": case " + f.id() + " has no segmentation (<id>_seg.nii.gz); "
					+ "training needs labels for every case");
			}
			for (String m : modalities) {
				if (!f.modalities().containsKey(m)) {
					throw new IllegalArgumentException(dir + ": case " + f.id() + " has no " + m + " image (it has "
						+ String.join(", ", f.modalityNames()) + ")");
				}
			}
		}
		CaseLoader loader = new CaseLoader();
		List<LabelledCase> cases = new ArrayList<>();
		double[] spacing = null;
		for (CaseFiles f : files) {
			MriCase c = loader.load(f, modalities);
			String unexpected = LabelMapCheck.unexpected(c.labels().orElseThrow(), BratsLabels.STORED);
			if (unexpected != null) {
				throw new IllegalArgumentException(dir + ": case " + f.id() + ": " + f.labels().orElseThrow().getFileName()
					+ " holds labels other than the BraTS 0, 1, 2, 4 the networks learn: " + unexpected
					+ "; remap them to BraTS labels or leave the case out");
			}
			for (String m : modalities) {
				// A network learns whatever a mislabelled folder holds: an MRI or a rescaled CT
				// would give a CT model that refuses every real CT later.
				String problem = Modalities.isCt(m) ? HounsfieldCheck.problem(c.images().channel(m)) : null;
				if (problem != null) {
					throw new IllegalArgumentException(dir + ": case " + f.id() + ": the " + m + " image " + problem
						+ "; a CT network trains on head CTs in Hounsfield units (air about -1000, brain 20-45)");
				}
			}
			double[] s = c.images().geometry().spacing();
			if (spacing == null) {
				spacing = s;
			} else if (!sameSpacing(spacing, s)) {
				throw new IllegalArgumentException(dir + ": case " + f.id() + " has " + Arrays.toString(s)
					+ " mm voxels but the first case " + Arrays.toString(spacing) + "; resample the cases to one spacing");
			}
			cases.add(new LabelledCase(f.id(), c.images(), c.labels().orElseThrow()));
		}
		return new TrainingDataset(dir.toString(), modalities, cases);
	}

	private static boolean sameSpacing(double[] a, double[] b) {
		for (int d = 0; d < 3; d++) {
			if (Math.abs(a[d] - b[d]) > 0.05 * a[d]) {
				return false;
			}
		}
		return true;
	}

	/** The same cases with only {@code channels} (a subset of this dataset's modalities), in that order. */
	public TrainingDataset withModalities(List<String> channels) {
		if (!modalities.containsAll(channels)) {
			throw new IllegalArgumentException(source + " holds " + String.join(", ", modalities) + ", not "
				+ String.join(", ", channels));
		}
		return new TrainingDataset(source, channels,
			cases.stream().map(c -> new LabelledCase(c.id(), c.images().select(channels), c.labels())).toList());
	}

	/** The cases whose ids are in {@code ids}, recorded in the model card as {@code source}. */
	public TrainingDataset subset(java.util.Collection<String> ids, String source) {
		List<LabelledCase> kept = cases.stream().filter(c -> ids.contains(c.id())).toList();
		if (kept.size() != ids.size()) {
			throw new IllegalArgumentException(this.source + " lacks some of the cases " + ids);
		}
		return new TrainingDataset(source, modalities, kept);
	}

	/** The voxel size of the cases, {x, y, z} in mm. */
	public double[] spacing() {
		return cases.get(0).images().geometry().spacing();
	}

	public List<String> ids() {
		return cases.stream().map(LabelledCase::id).toList();
	}
}

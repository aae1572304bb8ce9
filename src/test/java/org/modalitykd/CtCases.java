/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.modalitykd.io.BratsLayout;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.net.ModelCard;
import org.modalitykd.net.ModelRole;
import org.modalitykd.synth.CaseGenerator;
import org.modalitykd.synth.ParametricHead;
import org.modalitykd.synth.SyntheticDataset;
import org.modalitykd.synth.TissueMaps;
import org.modalitykd.synth.TumourSettings;
import org.modalitykd.volume.Volume;

/**
 * Synthetic head CT cases for the front-end tests, made by the generator (the phantom
 * anatomy at a coarse {@value #SPACING} mm, so that a case is a few thousand voxels), and
 * the two ways a CT goes wrong: values that are not Hounsfield units (the CT scaled to
 * 0..1) and an MRI given as the CT.
 */
public final class CtCases {

	/** Voxel size of the cases, mm; the tiny CT models are made for it. */
	public static final double SPACING = 6;
	/** The hu-window normalisation a CT model's card records (the default window). */
	public static final ModelCard.IntensityNormalization HU = ModelCard.IntensityNormalization.forModalities(List.of("ct"));

	private CtCases() {
	}

	/** {@code n} cases {@code <prefix>_0001..} with {@code modalities} (e.g. t2, ct) and labels under {@code out}. */
	public static List<CaseFiles> write(Path out, String prefix, int n, long seed, List<String> modalities)
		throws IOException {
		ParametricHead source = new ParametricHead();
		TissueMaps tissues = source.tissues();
		CaseGenerator generator = new CaseGenerator(tissues.atSpacing(SPACING), source.head(tissues).atSpacing(SPACING),
			TumourSettings.standard(), modalities);
		new SyntheticDataset(generator, "parametric").write(out, n, seed, prefix, (i, total, c, dir, s) -> {
		});
		return BratsLayout.casesUnder(out);
	}

	/**
	 * A one-file case folder {@code root/id} holding {@code id_ct.nii.gz} with {@code source}'s
	 * ct image scaled to 0..1 (a CT normalised or exported in other units).
	 */
	public static Path unitRangeCt(CaseFiles source, Path root, String id) throws IOException {
		Path file = source.modalities().get("ct");
		Volume v = new NiftiReader().readVolume(file);
		float[] hu = v.channel(0);
		float lo = Float.POSITIVE_INFINITY;
		float hi = Float.NEGATIVE_INFINITY;
		for (float x : hu) {
			lo = Math.min(lo, x);
			hi = Math.max(hi, x);
		}
		float[] unit = new float[hu.length];
		for (int i = 0; i < hu.length; i++) {
			unit[i] = (hu[i] - lo) / (hi - lo);
		}
		Path dir = Files.createDirectories(root.resolve(id));
		new NiftiWriter().writeVolume(Volume.of(v.geometry(), "ct", unit), new NiftiReader().readHeader(file),
			dir.resolve(id + "_ct.nii.gz"));
		return dir;
	}

	/** A one-file case folder {@code root/id} whose {@code id_ct.nii.gz} is {@code source}'s {@code mri} image. */
	public static Path mriAsCt(CaseFiles source, String mri, Path root, String id) throws IOException {
		Path dir = Files.createDirectories(root.resolve(id));
		Files.copy(source.modalities().get(mri), dir.resolve(id + "_ct.nii.gz"));
		return dir;
	}

	/**
	 * {@code CtCases DIR} (for scripts/imagej-batch-test): {@code DIR/models} (ct, t2),
	 * {@code DIR/cases/head_0001} (t2, ct, labels) and {@code DIR/bad/unit} (its CT scaled to 0..1).
	 */
	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		ctAndMriModels(dir.resolve("models"));
		CaseFiles c = write(dir.resolve("cases"), "head", 1, 3, List.of("t2", "ct")).get(0);
		unitRangeCt(c, dir.resolve("bad"), "unit");
	}

	/** A folder with "ct" (a CT-only model, hu-window card) and "t2" (an MRI-only one), both at {@value #SPACING} mm. */
	public static Path ctAndMriModels(Path dir) throws IOException {
		Files.createDirectories(dir);
		TinyModels.bundle(dir, "ct", ModelRole.BASELINE, List.of("ct"), 5, 0.5, HU, SPACING);
		TinyModels.bundle(dir, "t2", ModelRole.BASELINE, List.of("t2"), 7, 0.6,
			new ModelCard.IntensityNormalization(ModelCard.IntensityNormalization.ZSCORE_NONZERO), SPACING);
		return dir;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modalitykd.io.NiftiException;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

/**
 * The real Colin27 head (a 1 mm T1 average of one subject, MNI space) as shipped by
 * Debian's {@code mricron-data}: {@code ch2.nii.gz} gives the T1 intensities,
 * {@code ch2bet.nii.gz} (skull-stripped) the brain mask (values &gt; 0). Tissue
 * fractions come from {@link TissueUnmixing} of the T1 inside the mask; the skull and
 * scalp, for CT, from the T1 outside it ({@link #head}).
 */
public final class Colin27Anatomy implements AnatomySource {

	/** Where Debian's mricron-data package installs the templates. */
	public static final Path DEBIAN_TEMPLATES = Path.of("/usr", "share", "mricron", "templates");
	public static final String T1_FILE = "ch2.nii.gz";
	public static final String BRAIN_FILE = "ch2bet.nii.gz";

	private final Path directory;

	/** Reads the two files from {@code directory}. */
	public Colin27Anatomy(Path directory) {
		this.directory = directory;
	}

	/** True when both files are present in {@code directory}. */
	public static boolean isInstalled(Path directory) {
		return Files.isRegularFile(directory.resolve(T1_FILE)) && Files.isRegularFile(directory.resolve(BRAIN_FILE));
	}

	@Override
	public String name() {
		return "colin27";
	}

	@Override
	public String description() {
		return "Colin27 (" + directory.resolve(T1_FILE) + ", brain mask " + BRAIN_FILE + ")";
	}

	@Override
	public TissueMaps tissues() throws IOException {
		Path t1File = directory.resolve(T1_FILE);
		Path maskFile = directory.resolve(BRAIN_FILE);
		if (!isInstalled(directory)) {
			throw new NiftiException(directory, "does not hold " + T1_FILE + " and " + BRAIN_FILE
				+ " (install Debian's mricron-data, or use the parametric anatomy)");
		}
		NiftiReader reader = new NiftiReader();
		Volume t1 = reader.readVolume(t1File);
		Volume mask = reader.readVolume(maskFile);
		Geometry g = t1.geometry();
		if (!g.sameGrid(mask.geometry(), Geometry.DEFAULT_TOLERANCE_MM)) {
			throw new NiftiException(maskFile, "is not on the voxel grid of " + T1_FILE + " (" + mask.geometry().describe()
				+ " vs " + g.describe() + ")");
		}
		float[] values = t1.channel(0);
		float[] inBrain = mask.channel(0);
		int brainCount = 0;
		for (float m : inBrain) {
			brainCount += m > 0 ? 1 : 0;
		}
		float[] brainValues = new float[brainCount];
		for (int i = 0, b = 0; i < values.length; i++) {
			if (inBrain[i] > 0) {
				brainValues[b++] = values[i];
			}
		}
		TissueUnmixing unmixing = TissueUnmixing.fit(brainValues);
		int n = values.length;
		float[] csf = new float[n];
		float[] grey = new float[n];
		float[] white = new float[n];
		for (int i = 0; i < n; i++) {
			if (inBrain[i] > 0) {
				unmixing.unmix(values[i], i, csf, grey, white);
			}
		}
		return new TissueMaps(g, csf, grey, white);
	}

	/** Skull and scalp from the dark band and the bright fat of the T1 around the brain: see {@link HeadBuilder#fromT1}. */
	@Override
	public HeadMaps head(TissueMaps tissues) throws IOException {
		Path t1File = directory.resolve(T1_FILE);
		Volume t1 = new NiftiReader().readVolume(t1File);
		if (!t1.geometry().sameGrid(tissues.geometry(), Geometry.DEFAULT_TOLERANCE_MM)) {
			throw new IllegalArgumentException("the tissue maps are on " + tissues.geometry().describe() + ", not on the grid of "
				+ T1_FILE);
		}
		boolean[] brain = new boolean[tissues.csf().length];
		for (int p = 0; p < brain.length; p++) {
			brain[p] = tissues.brain(p) > 0;
		}
		return HeadBuilder.fromT1(t1.geometry(), t1.channel(0), brain);
	}
}

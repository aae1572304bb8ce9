/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Volume;

/**
 * Writes a {@link SyntheticCase} as a BraTS case folder {@code <root>/<id>/} holding
 * {@code <id>_t1.nii.gz}, {@code _t1ce}, {@code _t2}, {@code _flair} (float32) and
 * {@code <id>_seg.nii.gz} (uint8), NIfTI-1 with the grid's affine as both sform and
 * qform (code 2, aligned anatomy). Each file appears only when complete.
 */
public final class BratsCaseWriter {

	private final NiftiWriter writer = new NiftiWriter();

	/** Writes the case and returns its folder. */
	public Path write(SyntheticCase c, Path root) throws IOException {
		Path dir = Files.createDirectories(org.modalitykd.io.OutputPaths.inside(root, c.id()));
		Affine affine = c.images().geometry().affine();
		NiftiHeader header = new NiftiHeader()
			.setXyztUnits(NiftiHeader.UNITS_MM)
			.setSform(affine, NiftiHeader.XFORM_ALIGNED_ANAT)
			.setQform(affine, NiftiHeader.XFORM_ALIGNED_ANAT);
		Volume images = c.images();
		for (String modality : images.channelNames()) {
			writer.writeVolume(images.select(java.util.List.of(modality)), header, dir.resolve(fileName(c.id(), modality)));
		}
		writer.writeLabels(c.labels(), header, dir.resolve(fileName(c.id(), "seg")));
		return dir;
	}

	/** {@code <id>_<part>.nii.gz}. */
	public static String fileName(String id, String part) {
		return id + "_" + part + ".nii.gz";
	}
}

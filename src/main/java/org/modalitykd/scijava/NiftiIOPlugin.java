/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.scijava;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.modalitykd.io.NiftiHeader;
import org.modalitykd.io.NiftiReader;
import org.modalitykd.io.NiftiWriter;
import org.modalitykd.volume.Volume;
import org.scijava.io.AbstractIOPlugin;
import org.scijava.io.IOPlugin;
import org.scijava.io.location.FileLocation;
import org.scijava.io.location.Location;
import org.scijava.plugin.Plugin;

/**
 * NIfTI (.nii, .nii.gz, .hdr/.img) through SciJava's IOService with the project's reader
 * and writer: {@code io.open("case_t1.nii.gz")} in a script gives a {@link Volume} (a 4D
 * file: one channel per volume), with its geometry. Saving writes float32 with the
 * volume's affine as sform and qform.
 */
@Plugin(type = IOPlugin.class)
public class NiftiIOPlugin extends AbstractIOPlugin<Volume> {

	@Override
	public Class<Volume> getDataType() {
		return Volume.class;
	}

	@Override
	public boolean supportsOpen(Location source) {
		return file(source) != null;
	}

	@Override
	public boolean supportsSave(Location destination) {
		return file(destination) != null;
	}

	@Override
	public Volume open(Location source) throws IOException {
		return new NiftiReader().readVolume(file(source));
	}

	@Override
	public void save(Volume data, Location destination) throws IOException {
		new NiftiWriter().writeVolume(data, new NiftiHeader().setSform(data.geometry().affine(), 1), file(destination));
	}

	/** The path of a file location with a NIfTI name, else null. */
	private static Path file(Location location) {
		if (!(location instanceof FileLocation f)) {
			return null;
		}
		String name = f.getFile().getName().toLowerCase(Locale.ROOT);
		boolean nifti = name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr")
			|| name.endsWith(".hdr.gz");
		return nifti ? f.getFile().toPath() : null;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Rewrites a NIfTI image in another flavour (.nii, .nii.gz, .hdr/.img), version or
 * datatype, keeping its values and geometry: dims, pixdim, qform and sform with their
 * codes, units, intent and description. Header extensions are dropped.
 */
public final class NiftiConverter {

	/** What a conversion did, for the user. */
	public record Result(NiftiDatatype from, NiftiDatatype to, boolean rescaled, double slope, double inter) {
	}

	private final NiftiReader reader;
	private final NiftiWriter writer = new NiftiWriter();

	public NiftiConverter(NiftiReader reader) {
		this.reader = reader;
	}

	/**
	 * @param datatype the output datatype, or null to keep the input's
	 * @param version  the output NIfTI version, or null to keep the input's
	 */
	public Result convert(Path in, Path out, NiftiDatatype datatype, NiftiVersion version) throws IOException {
		NiftiFiles.forWriting(out);
		if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
			throw new NiftiException(out, "is the input file; choose another output name");
		}
		NiftiImage image = reader.read(in);
		NiftiHeader h = image.header().copy();
		if (version != null) {
			h.setVersion(version);
		}
		NiftiDatatype target = datatype != null ? datatype : h.datatype();
		if (target == h.datatype()) {
			writer.write(h, image.voxels(), out);
			return new Result(target, target, false, h.sclSlope(), h.sclInter());
		}
		int n = image.voxels().length();
		VoxelArray values = VoxelArray.allocate(target, n);
		double slope = 1;
		double inter = 0;
		boolean rescaled = false;
		if (target.isInteger()) {
			ValueStatistics stats = ValueStatistics.of(image);
			if (stats.nonFinite() > 0) {
				throw new NiftiException(in, "holds " + stats.nonFinite() + " NaN or infinite values, which " + target.typeName()
					+ " cannot store; convert to float32 or float64");
			}
			// int64 is limited to the integers a double holds exactly.
			double lo = Math.max(target.minValue(), -0x1p53);
			double hi = Math.min(target.maxValue(), 0x1p53);
			boolean fits = stats.min() >= lo && stats.max() <= hi && allWhole(image);
			if (!fits) {
				// Map [min, max] linearly onto the type's range; the header's scaling restores values.
				rescaled = true;
				slope = stats.max() > stats.min() ? (stats.max() - stats.min()) / (hi - lo) : 1;
				inter = stats.min() - lo * slope;
			}
			for (int i = 0; i < n; i++) {
				double raw = Math.rint((image.scaledValue(i) - inter) / slope);
				values.set(i, Math.max(lo, Math.min(hi, raw)));
			}
		} else {
			for (int i = 0; i < n; i++) {
				values.set(i, image.scaledValue(i));
			}
		}
		h.setScaling(slope, inter);
		writer.write(h, values, out);
		return new Result(image.header().datatype(), target, rescaled, slope, inter);
	}

	private static boolean allWhole(NiftiImage image) {
		for (int i = 0, n = image.voxels().length(); i < n; i++) {
			double v = image.scaledValue(i);
			if (v != Math.rint(v)) {
				return false;
			}
		}
		return true;
	}
}

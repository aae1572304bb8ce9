/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.cli;

import org.modalitykd.io.NiftiDatatype;
import org.modalitykd.io.NiftiVersion;

import picocli.CommandLine.Option;

/** {@code --datatype} and {@code --nifti-version}: how convert stores the image, each as the input's when not given (a mixin of convert). */
final class StorageOptions {

	@Option(names = "--datatype", paramLabel = "NAME",
		description = "Store values as uint8, int8, int16, uint16, int32, uint32, int64, float32 or float64 "
			+ "(default: as the input). Integer types take scl_slope/scl_inter when the values need them.")
	String datatype;

	@Option(names = "--nifti-version", paramLabel = "1|2", description = "Write NIfTI-1 or NIfTI-2 (default: as the input).")
	Integer version;

	/** The datatype asked for, or null for the input's; an unknown name is a usage error. */
	NiftiDatatype datatype() {
		return datatype == null ? null : UsageException.ifIllegal(() -> NiftiDatatype.fromName(datatype));
	}

	/** The NIfTI version asked for, or null for the input's; any but 1 or 2 is a usage error. */
	NiftiVersion version() {
		if (version == null) {
			return null;
		}
		if (version != 1 && version != 2) {
			throw new UsageException("--nifti-version must be 1 or 2, not " + version);
		}
		return version == 1 ? NiftiVersion.NIFTI1 : NiftiVersion.NIFTI2;
	}
}

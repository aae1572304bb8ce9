/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

/** NIfTI-1 (348-byte header, 32-bit fields) or NIfTI-2 (540-byte header, 64-bit fields). */
public enum NiftiVersion {
	NIFTI1(348),
	NIFTI2(540);

	private final int headerSize;

	NiftiVersion(int headerSize) {
		this.headerSize = headerSize;
	}

	/** Value of {@code sizeof_hdr}. */
	public int headerSize() {
		return headerSize;
	}

	/** Header plus the 4-byte extension flag: where voxel data may start in a .nii file. */
	public int minSingleFileOffset() {
		return headerSize + 4;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import org.modalitykd.volume.Affine;

/**
 * The affines a NIfTI header's geometry fields stand for, as the standard's three
 * methods and nibabel read them: the qform (method 2), the sform (method 3) and the base
 * affine (method 1), and which of them a reader uses.
 */
final class NiftiAffines {

	private NiftiAffines() {
	}

	/** Rotation from the quaternion, times the voxel sizes with qfac applied to the third, plus the offsets. */
	static Affine qform(NiftiHeader h) {
		double[] p = { h.pixdim[0], h.pixdimRepaired(1), h.pixdimRepaired(2), h.pixdimRepaired(3) };
		return Qform.toAffine(h.quaternB, h.quaternC, h.quaternD, p, h.qoffsetX, h.qoffsetY, h.qoffsetZ);
	}

	/** nibabel's base affine: {@code diag(-sx, sy, sz)} with the grid centre at the origin. */
	static Affine base(NiftiHeader h) {
		int[] n = h.spatialDims();
		double[] z = new double[3];
		for (int d = 0; d < 3; d++) {
			z[d] = d < h.ndim() ? h.pixdimRepaired(d + 1) : 1.0;
		}
		z[0] = -z[0];
		return Affine.ofRowMajor(
			z[0], 0, 0, -(n[0] - 1) / 2.0 * z[0],
			0, z[1], 0, -(n[1] - 1) / 2.0 * z[1],
			0, 0, z[2], -(n[2] - 1) / 2.0 * z[2],
			0, 0, 0, 1);
	}

	/** The sform when {@code sform_code > 0}, else the qform when {@code qform_code > 0}, else the base affine. */
	static Affine best(NiftiHeader h) {
		if (h.sformCode > 0) {
			return h.sform();
		}
		if (h.qformCode > 0) {
			return qform(h);
		}
		return base(h);
	}
}

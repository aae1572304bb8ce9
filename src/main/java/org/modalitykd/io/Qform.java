/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import org.modalitykd.volume.Affine;

/** Conversions between the NIfTI qform (quaternion, voxel sizes, qfac, offset) and an affine. */
final class Qform {

	/** Quaternion part (a >= 0 is implied), qfac, positive voxel sizes and translation. */
	record Parameters(double b, double c, double d, double qfac, double[] spacing, double[] offset) {
	}

	private Qform() {
	}

	/**
	 * NIfTI method 2. As nibabel: a = sqrt(1 - b^2 - c^2 - d^2), negative voxel sizes
	 * count by their magnitude, and a qfac other than -1 counts as 1. A (b, c, d) longer
	 * than 1 is normalised to a = 0, as nifti1_io does, instead of failing.
	 */
	static Affine toAffine(double b, double c, double d, double[] pixdim, double qx, double qy, double qz) {
		double a2 = 1.0 - (b * b + c * c + d * d);
		double a;
		if (a2 < 1e-7) {
			double norm = Math.sqrt(b * b + c * c + d * d);
			if (a2 < 0 && norm > 0) {
				b /= norm;
				c /= norm;
				d /= norm;
			}
			a = a2 > 0 ? Math.sqrt(a2) : 0;
		} else {
			a = Math.sqrt(a2);
		}
		double[][] r = rotation(a, b, c, d);
		double qfac = pixdim[0] == -1 ? -1 : 1;
		double[] s = { Math.abs(pixdim[1]), Math.abs(pixdim[2]), Math.abs(pixdim[3]) * qfac };
		return Affine.ofRowMajor(
			r[0][0] * s[0], r[0][1] * s[1], r[0][2] * s[2], qx,
			r[1][0] * s[0], r[1][1] * s[1], r[1][2] * s[2], qy,
			r[2][0] * s[0], r[2][1] * s[1], r[2][2] * s[2], qz,
			0, 0, 0, 1);
	}

	private static double[][] rotation(double a, double b, double c, double d) {
		double n = a * a + b * b + c * c + d * d;
		if (n < 1e-12) {
			return new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		}
		double s = 2.0 / n;
		return new double[][] {
			{ 1 - s * (c * c + d * d), s * (b * c - a * d), s * (b * d + a * c) },
			{ s * (b * c + a * d), 1 - s * (b * b + d * d), s * (c * d - a * b) },
			{ s * (b * d - a * c), s * (c * d + a * b), 1 - s * (b * b + c * c) } };
	}

	/**
	 * Splits an affine into qform parameters. The 3x3 part must be a rotation or
	 * reflection times voxel sizes (no shear): the sizes are the column norms, a
	 * negative determinant becomes qfac = -1 on the third axis.
	 */
	static Parameters fromAffine(Affine affine) {
		double[][] r = new double[3][3];
		double[] spacing = new double[3];
		for (int col = 0; col < 3; col++) {
			spacing[col] = affine.columnNorm(col);
			if (!(spacing[col] > 0)) {
				throw new IllegalArgumentException("the affine has a zero column " + col + ": no voxel size");
			}
			for (int row = 0; row < 3; row++) {
				r[row][col] = affine.get(row, col) / spacing[col];
			}
		}
		double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
			- r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
			+ r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
		double qfac = det < 0 ? -1 : 1;
		if (qfac < 0) {
			for (int row = 0; row < 3; row++) {
				r[row][2] = -r[row][2];
			}
		}
		double a;
		double b;
		double c;
		double d;
		double trace = r[0][0] + r[1][1] + r[2][2];
		if (trace > 0) {
			double s = 0.5 / Math.sqrt(trace + 1.0);
			a = 0.25 / s;
			b = (r[2][1] - r[1][2]) * s;
			c = (r[0][2] - r[2][0]) * s;
			d = (r[1][0] - r[0][1]) * s;
		} else if (r[0][0] > r[1][1] && r[0][0] > r[2][2]) {
			double s = 2.0 * Math.sqrt(1.0 + r[0][0] - r[1][1] - r[2][2]);
			a = (r[2][1] - r[1][2]) / s;
			b = 0.25 * s;
			c = (r[0][1] + r[1][0]) / s;
			d = (r[0][2] + r[2][0]) / s;
		} else if (r[1][1] > r[2][2]) {
			double s = 2.0 * Math.sqrt(1.0 + r[1][1] - r[0][0] - r[2][2]);
			a = (r[0][2] - r[2][0]) / s;
			b = (r[0][1] + r[1][0]) / s;
			c = 0.25 * s;
			d = (r[1][2] + r[2][1]) / s;
		} else {
			double s = 2.0 * Math.sqrt(1.0 + r[2][2] - r[0][0] - r[1][1]);
			a = (r[1][0] - r[0][1]) / s;
			b = (r[0][2] + r[2][0]) / s;
			c = (r[1][2] + r[2][1]) / s;
			d = 0.25 * s;
		}
		if (a < 0) {
			// The header stores only b, c, d and implies a >= 0; -q is the same rotation.
			b = -b;
			c = -c;
			d = -d;
		}
		double[] offset = { affine.get(0, 3), affine.get(1, 3), affine.get(2, 3) };
		return new Parameters(b, c, d, qfac, spacing, offset);
	}
}

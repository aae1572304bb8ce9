/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

import java.util.Arrays;

/**
 * An immutable 4x4 homogeneous transform, row-major. In this project it maps voxel
 * indices (i, j, k), zero-based in NIfTI index order, to world coordinates in
 * millimetres (NIfTI's RAS+ scanner or template space).
 */
public final class Affine {

	private final double[] m;

	private Affine(double[] rowMajor16) {
		this.m = rowMajor16;
	}

	/** Copies the 16 row-major values. */
	public static Affine ofRowMajor(double... rowMajor16) {
		if (rowMajor16.length != 16) {
			throw new IllegalArgumentException("an affine needs 16 values, got " + rowMajor16.length);
		}
		return new Affine(rowMajor16.clone());
	}

	/** From three rows of four (the last row is 0 0 0 1), as NIfTI's srow_x/y/z. */
	public static Affine ofRows(double[] row0, double[] row1, double[] row2) {
		double[] v = new double[16];
		System.arraycopy(row0, 0, v, 0, 4);
		System.arraycopy(row1, 0, v, 4, 4);
		System.arraycopy(row2, 0, v, 8, 4);
		v[15] = 1;
		return new Affine(v);
	}

	public static Affine identity() {
		return scaling(1, 1, 1);
	}

	/** Diagonal scaling without translation. */
	public static Affine scaling(double sx, double sy, double sz) {
		double[] v = new double[16];
		v[0] = sx;
		v[5] = sy;
		v[10] = sz;
		v[15] = 1;
		return new Affine(v);
	}

	public double get(int row, int col) {
		return m[row * 4 + col];
	}

	/** Row {@code r} (0..2) as 4 values: the NIfTI srow layout. */
	public double[] row(int r) {
		return Arrays.copyOfRange(m, r * 4, r * 4 + 4);
	}

	public double[] toRowMajor() {
		return m.clone();
	}

	public double[][] toArray() {
		double[][] a = new double[4][4];
		for (int r = 0; r < 4; r++) {
			System.arraycopy(m, r * 4, a[r], 0, 4);
		}
		return a;
	}

	/** World coordinates of a (possibly fractional) voxel position. */
	public double[] apply(double i, double j, double k) {
		return new double[] {
			m[0] * i + m[1] * j + m[2] * k + m[3],
			m[4] * i + m[5] * j + m[6] * k + m[7],
			m[8] * i + m[9] * j + m[10] * k + m[11] };
	}

	/** {@code this * other}: first {@code other}, then this. */
	public Affine compose(Affine other) {
		double[] r = new double[16];
		for (int i = 0; i < 4; i++) {
			for (int j = 0; j < 4; j++) {
				double s = 0;
				for (int k = 0; k < 4; k++) {
					s += m[i * 4 + k] * other.m[k * 4 + j];
				}
				r[i * 4 + j] = s;
			}
		}
		return new Affine(r);
	}

	/**
	 * The inverse transform (world to voxel for a voxel-to-world affine). The last row
	 * must be 0 0 0 1 and the 3x3 part invertible.
	 *
	 * @throws IllegalArgumentException when the 3x3 part is singular
	 */
	public Affine inverse() {
		double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], k = m[10];
		double c00 = e * k - f * h, c01 = c * h - b * k, c02 = b * f - c * e;
		double c10 = f * g - d * k, c11 = a * k - c * g, c12 = c * d - a * f;
		double c20 = d * h - e * g, c21 = b * g - a * h, c22 = a * e - b * d;
		double det = a * c00 + b * c10 + c * c20;
		double scale = Math.max(columnNorm(0), Math.max(columnNorm(1), columnNorm(2)));
		if (!(Math.abs(det) > 1e-12 * scale * scale * scale)) {
			throw new IllegalArgumentException("the affine is singular (determinant " + det + ") and has no inverse");
		}
		double[] r = {
			c00 / det, c01 / det, c02 / det, 0,
			c10 / det, c11 / det, c12 / det, 0,
			c20 / det, c21 / det, c22 / det, 0,
			0, 0, 0, 1 };
		for (int row = 0; row < 3; row++) {
			r[row * 4 + 3] = -(r[row * 4] * m[3] + r[row * 4 + 1] * m[7] + r[row * 4 + 2] * m[11]);
		}
		return new Affine(r);
	}

	/** Length of column {@code c} of the 3x3 part: the voxel size along index axis c. */
	public double columnNorm(int c) {
		return Math.sqrt(m[c] * m[c] + m[4 + c] * m[4 + c] + m[8 + c] * m[8 + c]);
	}

	/**
	 * True when every entry differs by at most {@code tolerance}: millimetres for the
	 * translation, and (because rotation entries are scaled by spacing) mm per voxel
	 * for the rest.
	 */
	public boolean approximatelyEquals(Affine other, double tolerance) {
		for (int i = 0; i < 16; i++) {
			if (!(Math.abs(m[i] - other.m[i]) <= tolerance)) {
				return false;
			}
		}
		return true;
	}

	/** Largest absolute entry-wise difference; useful in error messages. */
	public double maxDifference(Affine other) {
		double d = 0;
		for (int i = 0; i < 16; i++) {
			d = Math.max(d, Math.abs(m[i] - other.m[i]));
		}
		return d;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Affine a && Arrays.equals(m, a.m);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(m);
	}

	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder();
		for (int r = 0; r < 4; r++) {
			sb.append(r == 0 ? "[" : " ");
			for (int c = 0; c < 4; c++) {
				sb.append(String.format("%10.4f", m[r * 4 + c]));
			}
			sb.append(r == 3 ? "]" : "\n");
		}
		return sb.toString();
	}
}

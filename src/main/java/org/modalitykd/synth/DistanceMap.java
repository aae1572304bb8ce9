package org.modalitykd.synth;

import java.util.stream.IntStream;

import org.modalitykd.volume.Geometry;

/**
 * Exact Euclidean distance, in mm, from every voxel to the nearest voxel of a set
 * (0 inside the set), by the separable squared-distance transform of Felzenszwalb and
 * Huttenlocher (one lower envelope of parabolas per row, axis after axis). Used to
 * build the skull around the brain and for morphological closing.
 */
final class DistanceMap {

	private static final double FAR = 1e20;

	private DistanceMap() {
	}

	/** Distance in mm to the nearest voxel where {@code set} is true; {@code FAR}-like huge values when the set is empty. */
	static float[] to(boolean[] set, Geometry g) {
		int[] dims = g.dims();
		double[] spacing = g.spacing();
		int n = set.length;
		double[] d = new double[n];
		for (int p = 0; p < n; p++) {
			d[p] = set[p] ? 0 : FAR;
		}
		int nx = dims[0];
		int ny = dims[1];
		int nz = dims[2];
		// Along x, then y, then z; each pass works on independent rows.
		IntStream.range(0, ny * nz).parallel().forEach(row -> pass(d, row * nx, 1, nx, spacing[0]));
		IntStream.range(0, nx * nz).parallel().forEach(r -> pass(d, (r / nx) * nx * ny + r % nx, nx, ny, spacing[1]));
		IntStream.range(0, nx * ny).parallel().forEach(r -> pass(d, r, nx * ny, nz, spacing[2]));
		float[] out = new float[n];
		for (int p = 0; p < n; p++) {
			out[p] = (float) Math.sqrt(d[p]);
		}
		return out;
	}

	/** Voxels within {@code radiusMm} of the set, shrunk again by as much: fills gaps and notches narrower than about 2 x radius. */
	static boolean[] closing(boolean[] set, Geometry g, double radiusMm) {
		float[] toSet = to(set, g);
		boolean[] outside = new boolean[set.length];
		for (int p = 0; p < set.length; p++) {
			outside[p] = toSet[p] > radiusMm;
		}
		float[] toOutside = to(outside, g);
		boolean[] closed = new boolean[set.length];
		for (int p = 0; p < set.length; p++) {
			closed[p] = set[p] || toOutside[p] > radiusMm;
		}
		return closed;
	}

	private static double meet(double[] f, int p, int q, double s2) {
		return ((f[q] + s2 * q * q) - (f[p] + s2 * p * p)) / (2 * s2 * (q - p));
	}

	/** One row: squared distances in place, {@code count} values {@code stride} apart starting at {@code start}. */
	private static void pass(double[] d, int start, int stride, int count, double spacing) {
		double[] f = new double[count];
		for (int i = 0; i < count; i++) {
			f[i] = d[start + i * stride];
		}
		int[] v = new int[count];
		double[] z = new double[count + 1];
		int k = 0;
		int first = -1;
		for (int q = 0; q < count; q++) {
			if (f[q] < FAR) {
				first = q;
				break;
			}
		}
		if (first < 0) {
			return;
		}
		double s2 = spacing * spacing;
		v[0] = first;
		z[0] = Double.NEGATIVE_INFINITY;
		z[1] = Double.POSITIVE_INFINITY;
		for (int q = first + 1; q < count; q++) {
			if (f[q] >= FAR) {
				continue;
			}
			// Where the parabolas of q and v[k] meet; z[0] is -infinity, so k stays >= 0.
			double s = meet(f, v[k], q, s2);
			while (s <= z[k]) {
				k--;
				s = meet(f, v[k], q, s2);
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		k = 0;
		for (int q = 0; q < count; q++) {
			while (z[k + 1] < q) {
				k++;
			}
			double dq = (q - v[k]) * spacing;
			d[start + q * stride] = dq * dq + f[v[k]];
		}
	}
}

package org.modalitykd.data;

/**
 * One training patch in the network's layout: {@code image} is D x H x W x C with the
 * channel fastest (NDHWC without N: index {@code ((z * h + y) * w + x) * c + channel}),
 * where W runs along NIfTI's i, H along j and D along k; {@code classes} is D x H x W
 * class indices 0..3.
 *
 * @param size     {w, h, d} = patch extent along i, j, k
 * @param channels number of image channels
 */
public record Patch(int[] size, int channels, float[] image, byte[] classes) {

	public int voxels() {
		return size[0] * size[1] * size[2];
	}

	/** Index of voxel (x, y, z) in {@link #classes}; times channels plus c in {@link #image}. */
	public int index(int x, int y, int z) {
		return (z * size[1] + y) * size[0] + x;
	}

	public boolean containsTumour() {
		for (byte c : classes) {
			if (c != 0) {
				return true;
			}
		}
		return false;
	}
}

package org.modalitykd.data;

/**
 * A batch of patches laid out for TensorFlow: {@code images} is N x D x H x W x C
 * (NDHWC, channel fastest) and {@code classes} N x D x H x W class indices.
 *
 * @param step   the training step this batch belongs to
 * @param size   {w, h, d} of each patch
 */
public record Batch(long step, int count, int[] size, int channels, float[] images, byte[] classes) {

	/** Packs patches of one size and channel count. */
	public static Batch of(long step, Patch[] patches) {
		Patch first = patches[0];
		int voxels = first.voxels();
		int ch = first.channels();
		float[] images = new float[patches.length * voxels * ch];
		byte[] classes = new byte[patches.length * voxels];
		for (int n = 0; n < patches.length; n++) {
			System.arraycopy(patches[n].image(), 0, images, n * voxels * ch, voxels * ch);
			System.arraycopy(patches[n].classes(), 0, classes, n * voxels, voxels);
		}
		return new Batch(step, patches.length, first.size(), ch, images, classes);
	}

	/** TF shape {N, D, H, W, C}. */
	public long[] imageShape() {
		return new long[] { count, size[2], size[1], size[0], channels };
	}

	/** TF shape {N, D, H, W}. */
	public long[] classShape() {
		return new long[] { count, size[2], size[1], size[0] };
	}
}

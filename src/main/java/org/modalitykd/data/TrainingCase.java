/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.data;

import java.util.Arrays;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * A case ready for patch sampling: normalised images, class indices per voxel (0..3,
 * see {@link BratsLabels}) and the positions of its tumour voxels, so that patches can
 * be centred on tumour without scanning the volume each time. Immutable by convention:
 * nobody writes to its arrays.
 *
 * <p>
 * A case may hold only a box of its grid (a prepared case is cropped to where it is not
 * zero, see {@code train.PreparedCases}): {@code images} and {@code classes} then cover
 * {@code box} voxels from {@code boxOrigin}, and every voxel of the grid outside the box
 * is image 0 and class 0, which is what patch sampling reads there. Sampling works on
 * the whole {@code grid}, so a cropped case gives the same patches as the whole one.
 *
 * @param id         case identifier
 * @param images     normalised channels, in the model's modality order, on the box
 * @param classes    class index of every voxel of the box, NIfTI index order
 * @param foreground indices in the whole grid of the voxels whose class is not background, ascending
 * @param grid       the whole grid {x, y, z}
 * @param boxOrigin  where the box starts in the grid
 */
public record TrainingCase(String id, Volume images, byte[] classes, int[] foreground, int[] grid, int[] boxOrigin) {

	/** A case that holds its whole grid. */
	public TrainingCase(String id, Volume images, byte[] classes, int[] foreground) {
		this(id, images, classes, foreground, images.geometry().dims(), new int[3]);
	}

	public TrainingCase {
		int[] box = images.geometry().dims();
		for (int d = 0; d < 3; d++) {
			if (boxOrigin[d] < 0 || boxOrigin[d] + box[d] > grid[d]) {
				throw new IllegalArgumentException(id + ": the box " + java.util.Arrays.toString(box) + " at "
					+ java.util.Arrays.toString(boxOrigin) + " does not lie in the grid " + java.util.Arrays.toString(grid));
			}
		}
		if (classes.length != images.geometry().voxelCount()) {
			throw new IllegalArgumentException(id + ": " + classes.length + " classes for " + images.geometry().voxelCount()
				+ " voxels");
		}
	}

	/**
	 * A case that holds only a box of its grid, the grid outside it being image 0 and
	 * class 0.
	 */
	public static TrainingCase cropped(String id, Volume box, byte[] classes, int[] grid, int[] boxOrigin) {
		int[] b = box.geometry().dims();
		int fg = 0;
		for (byte c : classes) {
			if (c != 0) {
				fg++;
			}
		}
		int[] foreground = new int[fg];
		int n = 0;
		// Box order (z, y, x ascending) is grid order, so the indices come out ascending as in of().
		for (int z = 0, i = 0; z < b[2]; z++) {
			for (int y = 0; y < b[1]; y++) {
				int row = ((z + boxOrigin[2]) * grid[1] + y + boxOrigin[1]) * grid[0] + boxOrigin[0];
				for (int x = 0; x < b[0]; x++, i++) {
					if (classes[i] != 0) {
						foreground[n++] = row + x;
					}
				}
			}
		}
		return new TrainingCase(id, box, classes, foreground, grid.clone(), boxOrigin.clone());
	}

	/** Normalises the images and converts the BraTS labels. */
	public static TrainingCase of(String id, Volume images, LabelVolume labels, VolumeNormalizer normalizer) {
		if (!Arrays.equals(images.geometry().dims(), labels.geometry().dims())) {
			throw new IllegalArgumentException(id + ": the labels (" + labels.geometry().describe()
				+ ") do not match the images (" + images.geometry().describe() + ")");
		}
		byte[] stored = labels.labels();
		byte[] classes = new byte[stored.length];
		int fg = 0;
		for (int i = 0; i < stored.length; i++) {
			int c;
			try {
				c = BratsLabels.toClass(stored[i] & 0xff);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(id + ": " + e.getMessage());
			}
			classes[i] = (byte) c;
			if (c != 0) {
				fg++;
			}
		}
		int[] foreground = new int[fg];
		for (int i = 0, n = 0; i < classes.length; i++) {
			if (classes[i] != 0) {
				foreground[n++] = i;
			}
		}
		return new TrainingCase(id, normalizer.apply(images), classes, foreground);
	}

	public int channels() {
		return images.channelCount();
	}

	/** Bytes of voxel data held: the images as float32 and the classes. */
	public long bytes() {
		return bytes(images.geometry().voxelCount(), channels(), foreground.length);
	}

	/** Bytes a case of {@code voxels} voxels holds: its images as float32, its classes and its foreground index. */
	public static long bytes(long voxels, int channels, int foreground) {
		return voxels * (4L * channels + 1) + 4L * foreground;
	}

	/** The class indices of every voxel (BratsLabels' internal classes) as a whole-grid conversion would give them. */
	public static byte[] classesOf(String id, byte[] stored) {
		byte[] classes = new byte[stored.length];
		for (int i = 0; i < stored.length; i++) {
			try {
				classes[i] = (byte) BratsLabels.toClass(stored[i] & 0xff);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(id + ": " + e.getMessage());
			}
		}
		return classes;
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.volume;

import java.util.List;

/**
 * A multi-channel 3D image of float intensities on one {@link Geometry}: one channel
 * per MRI modality (or per 4th-axis index of a 4D file).
 * <p>
 * Each channel is a flat {@code float[]} in NIfTI index order: voxel (i, j, k) sits
 * at {@code i + nx * (j + ny * k)}. The arrays are shared, not copied, so that a
 * 240x240x155x4 case exists once in memory; callers that must not see later
 * changes copy them. Not thread-safe for writing.
 */
public final class Volume {

	private final Geometry geometry;
	private final List<String> channelNames;
	private final float[][] channels;

	/**
	 * @param geometry     the grid every channel lives on
	 * @param channelNames one distinct name per channel, e.g. {@code t1, t1ce, t2, flair}
	 * @param channels     one array of {@code geometry.voxelCount()} values per channel
	 */
	public Volume(Geometry geometry, List<String> channelNames, float[][] channels) {
		if (channelNames.size() != channels.length || channels.length == 0) {
			throw new IllegalArgumentException(
				"a volume needs one name per channel and at least one channel; got " + channelNames.size()
					+ " names for " + channels.length + " channels");
		}
		if (channelNames.stream().distinct().count() != channelNames.size()) {
			throw new IllegalArgumentException("channel names must be distinct: " + channelNames);
		}
		long n = geometry.voxelCount();
		for (int c = 0; c < channels.length; c++) {
			if (channels[c].length != n) {
				throw new IllegalArgumentException("channel " + channelNames.get(c) + " has " + channels[c].length
					+ " values; the geometry " + geometry.describe() + " needs " + n);
			}
		}
		this.geometry = geometry;
		this.channelNames = List.copyOf(channelNames);
		this.channels = channels.clone();
	}

	/** A single-channel volume. */
	public static Volume of(Geometry geometry, String name, float[] values) {
		return new Volume(geometry, List.of(name), new float[][] { values });
	}

	public Geometry geometry() {
		return geometry;
	}

	public int channelCount() {
		return channels.length;
	}

	public List<String> channelNames() {
		return channelNames;
	}

	/** The live array of channel {@code c}. */
	public float[] channel(int c) {
		return channels[c];
	}

	/** The live array of the channel with this name. */
	public float[] channel(String name) {
		int c = channelNames.indexOf(name);
		if (c < 0) {
			throw new IllegalArgumentException("no channel named '" + name + "'; channels are " + channelNames);
		}
		return channels[c];
	}

	/** Index into a channel array of voxel (i, j, k). */
	public int index(int i, int j, int k) {
		return i + geometry.nx() * (j + geometry.ny() * k);
	}

	public float get(int c, int i, int j, int k) {
		return channels[c][index(i, j, k)];
	}

	/** A volume made of some of these channels, in the given order (arrays shared). */
	public Volume select(List<String> names) {
		float[][] picked = new float[names.size()][];
		for (int c = 0; c < picked.length; c++) {
			picked[c] = channel(names.get(c));
		}
		return new Volume(geometry, names, picked);
	}
}

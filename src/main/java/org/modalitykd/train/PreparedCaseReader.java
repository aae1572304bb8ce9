/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import org.modalitykd.data.TrainingCase;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

/**
 * Reads a prepared case's arrays ({@link PreparedCases}) into a cropped
 * {@link TrainingCase}, checking their sizes, checksums and class values; an array that
 * is not what its manifest says is a {@link DamagedException}.
 */
final class PreparedCaseReader {

	/** An array that is not what its manifest says. */
	static final class DamagedException extends IOException {
		private static final long serialVersionUID = 1L;

		DamagedException(String message) {
			super(message);
		}
	}

	private final TrainingDataset data;
	private final Path folder;

	PreparedCaseReader(TrainingDataset data, Path folder) {
		this.data = data;
		this.folder = folder;
	}

	TrainingCase read(PreparedCase p) throws IOException {
		Path dir = folder.resolve(p.id());
		int[] box = p.box();
		int voxels = box[0] * box[1] * box[2];
		int channels = p.shape().channels();
		float[][] images = new float[channels][voxels];
		byte[] classes = new byte[voxels];
		CRC32C crc = new CRC32C();
		ByteBuffer buffer = ByteBuffer.allocate(PreparedCases.CHUNK).order(ByteOrder.LITTLE_ENDIAN);
		try (FileChannel in = FileChannel.open(dir.resolve(PreparedCases.IMAGES), StandardOpenOption.READ)) {
			if (in.size() != 4L * voxels * channels) {
				throw new DamagedException(dir.resolve(PreparedCases.IMAGES) + " holds " + in.size() + " bytes, not "
					+ 4L * voxels * channels);
			}
			for (int c = 0; c < channels; c++) {
				float[] out = images[c];
				int at = 0;
				while (at < voxels) {
					buffer.clear();
					buffer.limit(Math.min(PreparedCases.CHUNK, 4 * (voxels - at)));
					readFully(in, buffer);
					buffer.flip();
					crc.update(buffer.array(), 0, buffer.limit());
					int n = buffer.limit() / 4;
					buffer.asFloatBuffer().get(out, at, n);
					at += n;
				}
			}
		} catch (NoSuchFileException e) {
			throw new DamagedException(dir.resolve(PreparedCases.IMAGES) + " is missing");
		}
		if (crc.getValue() != p.imagesCrc()) {
			throw new DamagedException(dir.resolve(PreparedCases.IMAGES) + " does not match its checksum");
		}
		crc.reset();
		try (FileChannel in = FileChannel.open(dir.resolve(PreparedCases.CLASSES), StandardOpenOption.READ)) {
			if (in.size() != voxels) {
				throw new DamagedException(dir.resolve(PreparedCases.CLASSES) + " holds " + in.size() + " bytes, not " + voxels);
			}
			readFully(in, ByteBuffer.wrap(classes));
		} catch (NoSuchFileException e) {
			throw new DamagedException(dir.resolve(PreparedCases.CLASSES) + " is missing");
		}
		crc.update(classes);
		if (crc.getValue() != p.classesCrc()) {
			throw new DamagedException(dir.resolve(PreparedCases.CLASSES) + " does not match its checksum");
		}
		for (byte b : classes) {
			if (b < 0 || b > 3) {
				throw new DamagedException(dir.resolve(PreparedCases.CLASSES) + " holds a class " + b + " outside 0..3");
			}
		}
		Geometry g = Geometry.axisAligned(box[0], box[1], box[2], data.spacing()[0], data.spacing()[1],
			data.spacing()[2]);
		return TrainingCase.cropped(p.id(), new Volume(g, data.modalities(), images), classes, p.shape().grid(),
			p.boxOrigin());
	}

	private static void readFully(FileChannel in, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			if (in.read(buffer) < 0) {
				throw new DamagedException("a prepared array ends early");
			}
		}
	}
}

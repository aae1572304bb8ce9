/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes valid NIfTI files with {@link NiftiWriter} and damages them byte by byte, for the
 * tests of what the reader and the converter do with bad input. The offsets are those of
 * the little-endian headers NiftiWriter writes by default. Every damaging method returns
 * the file it changed, so that a bad file can be described in one expression.
 */
final class NiftiDamage {

	// NIfTI-1 header offsets.
	static final int SIZEOF_HDR = 0;
	static final int DIM = 40; // dim[0..7], shorts
	static final int DATATYPE = 70;
	static final int PIXDIM = 76; // pixdim[0..7], floats
	static final int VOX_OFFSET = 108; // float
	static final int SCL_SLOPE = 112;
	static final int SCL_INTER = 116;
	static final int MAGIC = 344;
	/** Where NiftiWriter starts the voxel data of a NIfTI-1 .nii. */
	static final int NII_DATA_START = 352;
	// NIfTI-2 header offsets.
	static final int N2_MAGIC = 4;
	static final int N2_DATATYPE = 12;
	static final int N2_DIM = 16; // dim[0..7], int64
	static final int N2_PIXDIM = 104; // pixdim[0..7], doubles
	static final int N2_VOX_OFFSET = 168; // int64
	static final int N2_XYZT_UNITS = 500; // int32
	/** CRC-32 and length that end every gzip member. */
	static final int GZIP_TRAILER_BYTES = 8;

	/** 24 x 20 x 16 int16 = 15360 bytes of poorly compressible values. */
	static final long[] SHAPE = { 24, 20, 16 };
	static final long DATA_BYTES = 24 * 20 * 16 * 2;

	private final Path dir;

	/** Files are written in {@code dir}. */
	NiftiDamage(Path dir) {
		this.dir = dir;
	}

	/** The path {@code name} in the folder, whether or not a file is there. */
	Path file(String name) {
		return dir.resolve(name);
	}

	/** Writes a valid 24x20x16 int16 NIfTI-1 image under {@code name}; returns its path. */
	Path valid(String name) throws IOException {
		return valid(name, NiftiVersion.NIFTI1);
	}

	Path valid(String name, NiftiVersion version) throws IOException {
		NiftiHeader h = new NiftiHeader().setVersion(version).setShape(SHAPE).setPixdim(1, 1.2).setPixdim(2, 1.1);
		VoxelArray values = VoxelArray.allocate(NiftiDatatype.INT16, (int) (DATA_BYTES / 2));
		for (int i = 0; i < values.length(); i++) {
			values.set(i, (short) ((i * 2654435761L) >>> 13)); // scrambled, so gzip cannot squeeze it away
		}
		Path file = file(name);
		new NiftiWriter().write(h, values, file);
		assertDoesNotThrow(() -> new NiftiReader().read(file), "the unpatched file must be valid");
		return file;
	}

	/** Writes a valid pair under the header name {@code hdrName}; returns the path of its image file. */
	Path validImg(String hdrName) throws IOException {
		return imgOf(valid(hdrName));
	}

	/** t1.hdr(.gz) to t1.img(.gz). */
	static Path imgOf(Path hdr) {
		return hdr.resolveSibling(hdr.getFileName().toString().replace(".hdr", ".img"));
	}

	/** t1.img(.gz) to t1.hdr(.gz). */
	static Path hdrOf(Path img) {
		return img.resolveSibling(img.getFileName().toString().replace(".img", ".hdr"));
	}

	/** Overwrites bytes at {@code offset}. */
	static Path patch(Path file, long offset, byte... bytes) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(bytes), offset);
		}
		return file;
	}

	/** Sets dim[1], dim[2], ... of a NIfTI-1 header; the other dims keep their values. */
	static Path withDims(Path file, int... dims) throws IOException {
		for (int d = 1; d <= dims.length; d++) {
			patch(file, DIM + 2 * d, int16(dims[d - 1]));
		}
		return file;
	}

	/** Sets dim[1], dim[2], ... of a NIfTI-2 header; the other dims keep their values. */
	static Path withNifti2Dims(Path file, long... dims) throws IOException {
		for (int d = 1; d <= dims.length; d++) {
			patch(file, N2_DIM + 8 * d, int64(dims[d - 1]));
		}
		return file;
	}

	/** Inverts {@code count} bytes from {@code offset}. */
	static Path flip(Path file, long offset, int count) throws IOException {
		byte[] all = Files.readAllBytes(file);
		for (int i = 0; i < count; i++) {
			all[(int) offset + i] ^= (byte) 0xff;
		}
		Files.write(file, all);
		return file;
	}

	static Path truncate(Path file, long size) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			ch.truncate(size);
		}
		return file;
	}

	/** Keeps the first half of the file. */
	static Path cutInHalf(Path file) throws IOException {
		return truncate(file, Files.size(file) / 2);
	}

	/** Compresses {@code file} to {@code file.gz} and deletes the original, so only the .gz is found. */
	static Path gzip(Path file) throws IOException {
		Path gz = file.resolveSibling(file.getFileName() + ".gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
			Files.copy(file, out);
		}
		Files.delete(file);
		return gz;
	}

	static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] int16(int v) {
		return le(2).putShort((short) v).array();
	}

	static byte[] int32(int v) {
		return le(4).putInt(v).array();
	}

	static byte[] int64(long v) {
		return le(8).putLong(v).array();
	}

	static byte[] float32(float v) {
		return le(4).putFloat(v).array();
	}

	static byte[] float64(double v) {
		return le(8).putDouble(v).array();
	}

	private static ByteBuffer le(int n) {
		return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Binary layout of NIfTI-1 (348 bytes) and NIfTI-2 (540 bytes) headers. Decoding checks
 * every field that later code sizes or indexes anything by, so that a hostile header
 * fails here with one clear message instead of allocating or seeking from garbage.
 */
final class NiftiHeaderCodec {

	private static final byte[] MAGIC2_TAIL = { '\r', '\n', 0x1a, '\n' };

	private NiftiHeaderCodec() {
	}

	/**
	 * The version and byte order announced by the first four bytes ({@code sizeof_hdr}),
	 * or null when they are not 348 or 540 in either byte order.
	 */
	static NiftiHeader probe(byte[] first4) {
		for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			int size = ByteBuffer.wrap(first4, 0, 4).order(order).getInt();
			for (NiftiVersion v : NiftiVersion.values()) {
				if (size == v.headerSize()) {
					NiftiHeader h = new NiftiHeader();
					h.version = v;
					h.byteOrder = order;
					return h;
				}
			}
		}
		return null;
	}

	/**
	 * Decodes a whole header whose first four bytes {@link #probe} accepted.
	 *
	 * @param singleFile true for .nii (magic n+1 / n+2), false for a .hdr/.img pair
	 */
	static NiftiHeader decode(byte[] raw, NiftiHeader probed, boolean singleFile, Path file) throws NiftiException {
		ByteBuffer b = ByteBuffer.wrap(raw).order(probed.byteOrder);
		NiftiHeader h = probed;
		if (h.version == NiftiVersion.NIFTI1) {
			decode1(b, h);
		} else {
			decode2(b, h);
		}
		checkMagic(raw, h, singleFile, file);
		validate(h, singleFile, file);
		return h;
	}

	private static void decode1(ByteBuffer b, NiftiHeader h) {
		h.dimInfo = b.get(39) & 0xff;
		for (int i = 0; i < 8; i++) {
			h.dim[i] = b.getShort(40 + 2 * i);
		}
		h.intentP1 = b.getFloat(56);
		h.intentP2 = b.getFloat(60);
		h.intentP3 = b.getFloat(64);
		h.intentCode = b.getShort(68);
		h.datatypeCode = b.getShort(70);
		h.datatype = NiftiDatatype.fromCode(h.datatypeCode);
		h.sliceStart = b.getShort(74);
		for (int i = 0; i < 8; i++) {
			h.pixdim[i] = b.getFloat(76 + 4 * i);
		}
		h.voxOffset = (long) b.getFloat(108);
		h.sclSlope = b.getFloat(112);
		h.sclInter = b.getFloat(116);
		h.sliceEnd = b.getShort(120);
		h.sliceCode = b.get(122) & 0xff;
		h.xyztUnits = b.get(123) & 0xff;
		h.calMax = b.getFloat(124);
		h.calMin = b.getFloat(128);
		h.sliceDuration = b.getFloat(132);
		h.toffset = b.getFloat(136);
		h.descrip = string(b, 148, 80);
		h.auxFile = string(b, 228, 24);
		h.qformCode = b.getShort(252);
		h.sformCode = b.getShort(254);
		h.quaternB = b.getFloat(256);
		h.quaternC = b.getFloat(260);
		h.quaternD = b.getFloat(264);
		h.qoffsetX = b.getFloat(268);
		h.qoffsetY = b.getFloat(272);
		h.qoffsetZ = b.getFloat(276);
		for (int i = 0; i < 4; i++) {
			h.srowX[i] = b.getFloat(280 + 4 * i);
			h.srowY[i] = b.getFloat(296 + 4 * i);
			h.srowZ[i] = b.getFloat(312 + 4 * i);
		}
		h.intentName = string(b, 328, 16);
	}

	private static void decode2(ByteBuffer b, NiftiHeader h) {
		h.datatypeCode = b.getShort(12);
		h.datatype = NiftiDatatype.fromCode(h.datatypeCode);
		for (int i = 0; i < 8; i++) {
			h.dim[i] = b.getLong(16 + 8 * i);
		}
		h.intentP1 = b.getDouble(80);
		h.intentP2 = b.getDouble(88);
		h.intentP3 = b.getDouble(96);
		for (int i = 0; i < 8; i++) {
			h.pixdim[i] = b.getDouble(104 + 8 * i);
		}
		h.voxOffset = b.getLong(168);
		h.sclSlope = b.getDouble(176);
		h.sclInter = b.getDouble(184);
		h.calMax = b.getDouble(192);
		h.calMin = b.getDouble(200);
		h.sliceDuration = b.getDouble(208);
		h.toffset = b.getDouble(216);
		h.sliceStart = b.getLong(224);
		h.sliceEnd = b.getLong(232);
		h.descrip = string(b, 240, 80);
		h.auxFile = string(b, 320, 24);
		h.qformCode = b.getInt(344);
		h.sformCode = b.getInt(348);
		h.quaternB = b.getDouble(352);
		h.quaternC = b.getDouble(360);
		h.quaternD = b.getDouble(368);
		h.qoffsetX = b.getDouble(376);
		h.qoffsetY = b.getDouble(384);
		h.qoffsetZ = b.getDouble(392);
		for (int i = 0; i < 4; i++) {
			h.srowX[i] = b.getDouble(400 + 8 * i);
			h.srowY[i] = b.getDouble(432 + 8 * i);
			h.srowZ[i] = b.getDouble(464 + 8 * i);
		}
		h.sliceCode = b.getInt(496);
		h.xyztUnits = b.getInt(500);
		h.intentCode = b.getInt(504);
		h.intentName = string(b, 508, 16);
		h.dimInfo = b.get(524) & 0xff;
	}

	private static void checkMagic(byte[] raw, NiftiHeader h, boolean singleFile, Path file) throws NiftiException {
		int at = h.version == NiftiVersion.NIFTI1 ? 344 : 4;
		char kind = (char) raw[at + 1];
		char digit = (char) raw[at + 2];
		boolean magicOk = (raw[at] == 'n') && (kind == '+' || kind == 'i') && raw[at + 3] == 0
			&& digit == (h.version == NiftiVersion.NIFTI1 ? '1' : '2');
		if (h.version == NiftiVersion.NIFTI2) {
			for (int i = 0; i < 4 && magicOk; i++) {
				magicOk = raw[at + 4 + i] == MAGIC2_TAIL[i];
			}
		}
		if (!magicOk) {
			String found = new String(raw, at, 3, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");
			throw new NiftiException(file, "wrong magic '" + found + "' (expected 'n+" + digit(h) + "' or 'ni"
				+ digit(h) + "'): not a NIfTI file, or an old Analyze 7.5 header which is not supported");
		}
		boolean single = kind == '+';
		if (single != singleFile) {
			throw new NiftiException(file, single
				? "the header says the voxel data are in this same file (magic n+" + digit(h) + "), but it is named like a .hdr/.img pair; rename it to .nii"
				: "the header says the voxel data are in a separate .img file (magic ni" + digit(h) + "), but it is named .nii; rename it to .hdr and provide the .img");
		}
	}

	private static char digit(NiftiHeader h) {
		return h.version == NiftiVersion.NIFTI1 ? '1' : '2';
	}

	private static void validate(NiftiHeader h, boolean singleFile, Path file) throws NiftiException {
		int ndim = (int) h.dim[0];
		if (h.dim[0] < 1 || h.dim[0] > 7) {
			throw new NiftiException(file, "dim[0] is " + h.dim[0] + " but must be 1..7: the header is corrupt"
				+ (h.dim[0] < 0 || h.dim[0] > 7 ? " (or its byte order is wrong)" : ""));
		}
		for (int d = 1; d <= ndim; d++) {
			if (h.dim[d] < 1) {
				throw new NiftiException(file, "dim[" + d + "] is " + h.dim[d] + "; every dimension must be at least 1");
			}
		}
		if (h.datatype == null) {
			throw new NiftiException(file, "datatype " + NiftiDatatype.describeCode(h.datatypeCode)
				+ " is not supported; convert the image to uint8, int8, int16, uint16, int32, uint32, int64, float32 or float64");
		}
		long voxels;
		try {
			voxels = h.voxelCount();
			Math.multiplyExact(voxels, h.datatype.bytesPerVoxel());
		} catch (ArithmeticException e) {
			throw new NiftiException(file, "the dimensions " + java.util.Arrays.toString(h.shape())
				+ " describe more data than can be addressed: the header is corrupt");
		}
		if (singleFile && h.voxOffset < h.version.minSingleFileOffset()) {
			throw new NiftiException(file, "vox_offset is " + h.voxOffset + " but voxel data in a .nii file start at byte "
				+ h.version.minSingleFileOffset() + " or later: the header is corrupt");
		}
		if (h.voxOffset < 0) {
			throw new NiftiException(file, "vox_offset is negative (" + h.voxOffset + "): the header is corrupt");
		}
		if (!Double.isFinite(h.sclInter) && h.sclSlope != 0 && Double.isFinite(h.sclSlope)) {
			throw new NiftiException(file, "scl_slope is " + h.sclSlope + " but scl_inter is " + h.sclInter
				+ ": the intensity scaling is invalid");
		}
	}

	/** Encodes a header in its own version and byte order. */
	static byte[] encode(NiftiHeader h, boolean singleFile) {
		NiftiVersion v = h.version;
		ByteBuffer b = ByteBuffer.allocate(v.headerSize()).order(h.byteOrder);
		if (v == NiftiVersion.NIFTI1) {
			encode1(b, h, singleFile);
		} else {
			encode2(b, h, singleFile);
		}
		return b.array();
	}

	private static void encode1(ByteBuffer b, NiftiHeader h, boolean singleFile) {
		b.putInt(0, 348);
		b.put(38, (byte) 'r');
		b.put(39, (byte) h.dimInfo);
		for (int i = 0; i < 8; i++) {
			b.putShort(40 + 2 * i, (short) h.dim[i]);
		}
		b.putFloat(56, (float) h.intentP1);
		b.putFloat(60, (float) h.intentP2);
		b.putFloat(64, (float) h.intentP3);
		b.putShort(68, (short) h.intentCode);
		b.putShort(70, h.datatype.code());
		b.putShort(72, (short) h.datatype.bitpix());
		b.putShort(74, (short) h.sliceStart);
		for (int i = 0; i < 8; i++) {
			b.putFloat(76 + 4 * i, (float) h.pixdim[i]);
		}
		b.putFloat(108, h.voxOffset);
		b.putFloat(112, (float) h.sclSlope);
		b.putFloat(116, (float) h.sclInter);
		b.putShort(120, (short) h.sliceEnd);
		b.put(122, (byte) h.sliceCode);
		b.put(123, (byte) h.xyztUnits);
		b.putFloat(124, (float) h.calMax);
		b.putFloat(128, (float) h.calMin);
		b.putFloat(132, (float) h.sliceDuration);
		b.putFloat(136, (float) h.toffset);
		putString(b, 148, 80, h.descrip);
		putString(b, 228, 24, h.auxFile);
		b.putShort(252, (short) h.qformCode);
		b.putShort(254, (short) h.sformCode);
		b.putFloat(256, (float) h.quaternB);
		b.putFloat(260, (float) h.quaternC);
		b.putFloat(264, (float) h.quaternD);
		b.putFloat(268, (float) h.qoffsetX);
		b.putFloat(272, (float) h.qoffsetY);
		b.putFloat(276, (float) h.qoffsetZ);
		for (int i = 0; i < 4; i++) {
			b.putFloat(280 + 4 * i, (float) h.srowX[i]);
			b.putFloat(296 + 4 * i, (float) h.srowY[i]);
			b.putFloat(312 + 4 * i, (float) h.srowZ[i]);
		}
		putString(b, 328, 16, h.intentName);
		b.put(344, (byte) 'n');
		b.put(345, (byte) (singleFile ? '+' : 'i'));
		b.put(346, (byte) '1');
	}

	private static void encode2(ByteBuffer b, NiftiHeader h, boolean singleFile) {
		b.putInt(0, 540);
		b.put(4, (byte) 'n');
		b.put(5, (byte) (singleFile ? '+' : 'i'));
		b.put(6, (byte) '2');
		for (int i = 0; i < 4; i++) {
			b.put(8 + i, MAGIC2_TAIL[i]);
		}
		b.putShort(12, h.datatype.code());
		b.putShort(14, (short) h.datatype.bitpix());
		for (int i = 0; i < 8; i++) {
			b.putLong(16 + 8 * i, h.dim[i]);
		}
		b.putDouble(80, h.intentP1);
		b.putDouble(88, h.intentP2);
		b.putDouble(96, h.intentP3);
		for (int i = 0; i < 8; i++) {
			b.putDouble(104 + 8 * i, h.pixdim[i]);
		}
		b.putLong(168, h.voxOffset);
		b.putDouble(176, h.sclSlope);
		b.putDouble(184, h.sclInter);
		b.putDouble(192, h.calMax);
		b.putDouble(200, h.calMin);
		b.putDouble(208, h.sliceDuration);
		b.putDouble(216, h.toffset);
		b.putLong(224, h.sliceStart);
		b.putLong(232, h.sliceEnd);
		putString(b, 240, 80, h.descrip);
		putString(b, 320, 24, h.auxFile);
		b.putInt(344, h.qformCode);
		b.putInt(348, h.sformCode);
		b.putDouble(352, h.quaternB);
		b.putDouble(360, h.quaternC);
		b.putDouble(368, h.quaternD);
		b.putDouble(376, h.qoffsetX);
		b.putDouble(384, h.qoffsetY);
		b.putDouble(392, h.qoffsetZ);
		for (int i = 0; i < 4; i++) {
			b.putDouble(400 + 8 * i, h.srowX[i]);
			b.putDouble(432 + 8 * i, h.srowY[i]);
			b.putDouble(464 + 8 * i, h.srowZ[i]);
		}
		b.putInt(496, h.sliceCode);
		b.putInt(500, h.xyztUnits);
		b.putInt(504, h.intentCode);
		putString(b, 508, 16, h.intentName);
		b.put(524, (byte) h.dimInfo);
	}

	private static String string(ByteBuffer b, int offset, int length) {
		int end = 0;
		while (end < length && b.get(offset + end) != 0) {
			end++;
		}
		byte[] bytes = new byte[end];
		b.get(offset, bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/** Writes at most {@code length - 1} characters so the field stays NUL-terminated. */
	private static void putString(ByteBuffer b, int offset, int length, String s) {
		byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
		b.put(offset, bytes, 0, Math.min(bytes.length, length - 1));
	}
}

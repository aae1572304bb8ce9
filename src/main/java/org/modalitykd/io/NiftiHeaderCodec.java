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
		decodeFields(b, h);
		checkMagic(raw, h, singleFile, file);
		validate(h, singleFile, file);
		return h;
	}

	/** How a number is stored at one place of a header. */
	private enum Kind {
		UBYTE(1), SHORT(2), INT(4), LONG(8), FLOAT(4), DOUBLE(8);

		final int bytes;

		Kind(int bytes) {
			this.bytes = bytes;
		}

		long whole(ByteBuffer b, int at) {
			return switch (this) {
				case UBYTE -> b.get(at) & 0xff;
				case SHORT -> b.getShort(at);
				case INT -> b.getInt(at);
				case LONG -> b.getLong(at);
				case FLOAT -> (long) b.getFloat(at);
				case DOUBLE -> (long) b.getDouble(at);
			};
		}

		void putWhole(ByteBuffer b, int at, long v) {
			switch (this) {
				case UBYTE -> b.put(at, (byte) v);
				case SHORT -> b.putShort(at, (short) v);
				case INT -> b.putInt(at, (int) v);
				case LONG -> b.putLong(at, v);
				case FLOAT -> b.putFloat(at, v);
				case DOUBLE -> b.putDouble(at, v);
			}
		}

		double real(ByteBuffer b, int at) {
			return this == FLOAT ? b.getFloat(at) : b.getDouble(at);
		}

		void putReal(ByteBuffer b, int at, double v) {
			if (this == FLOAT) {
				b.putFloat(at, (float) v);
			} else {
				b.putDouble(at, v);
			}
		}
	}

	/** Where a field (of {@code count} numbers in a row) lies in a NIfTI-1 and in a NIfTI-2 header. */
	private record Place(int at1, Kind kind1, int at2, Kind kind2, int count) {

		int at(NiftiVersion v, int i) {
			return v == NiftiVersion.NIFTI1 ? at1 + i * kind1.bytes : at2 + i * kind2.bytes;
		}

		Kind kind(NiftiVersion v) {
			return v == NiftiVersion.NIFTI1 ? kind1 : kind2;
		}
	}

	private interface WholeGet {
		long get(NiftiHeader h, int i);
	}

	private interface WholeSet {
		void set(NiftiHeader h, int i, long v);
	}

	private interface RealGet {
		double get(NiftiHeader h, int i);
	}

	private interface RealSet {
		void set(NiftiHeader h, int i, double v);
	}

	private record WholeField(Place place, WholeGet get, WholeSet set) {
	}

	private record RealField(Place place, RealGet get, RealSet set) {
	}

	private record TextField(int at1, int at2, int length, java.util.function.Function<NiftiHeader, String> get,
		java.util.function.BiConsumer<NiftiHeader, String> set) {
	}

	private static Place one(int at1, Kind kind1, int at2, Kind kind2) {
		return new Place(at1, kind1, at2, kind2, 1);
	}

	/** The integer fields, each once for both versions. */
	private static final WholeField[] WHOLE = {
		new WholeField(new Place(40, Kind.SHORT, 16, Kind.LONG, 8), (h, i) -> h.dim[i], (h, i, v) -> h.dim[i] = v),
		new WholeField(one(68, Kind.SHORT, 504, Kind.INT), (h, i) -> h.intentCode, (h, i, v) -> h.intentCode = (int) v),
		new WholeField(one(74, Kind.SHORT, 224, Kind.LONG), (h, i) -> h.sliceStart, (h, i, v) -> h.sliceStart = v),
		// NIfTI-1 keeps vox_offset as a float.
		new WholeField(one(108, Kind.FLOAT, 168, Kind.LONG), (h, i) -> h.voxOffset, (h, i, v) -> h.voxOffset = v),
		new WholeField(one(120, Kind.SHORT, 232, Kind.LONG), (h, i) -> h.sliceEnd, (h, i, v) -> h.sliceEnd = v),
		new WholeField(one(122, Kind.UBYTE, 496, Kind.INT), (h, i) -> h.sliceCode, (h, i, v) -> h.sliceCode = (int) v),
		new WholeField(one(123, Kind.UBYTE, 500, Kind.INT), (h, i) -> h.xyztUnits, (h, i, v) -> h.xyztUnits = (int) v),
		new WholeField(one(252, Kind.SHORT, 344, Kind.INT), (h, i) -> h.qformCode, (h, i, v) -> h.qformCode = (int) v),
		new WholeField(one(254, Kind.SHORT, 348, Kind.INT), (h, i) -> h.sformCode, (h, i, v) -> h.sformCode = (int) v),
		new WholeField(one(39, Kind.UBYTE, 524, Kind.UBYTE), (h, i) -> h.dimInfo, (h, i, v) -> h.dimInfo = (int) v), };

	/** The real-valued fields: float in NIfTI-1, double in NIfTI-2. */
	private static final RealField[] REAL = {
		real(56, 80, 1, (h, i) -> h.intentP1, (h, i, v) -> h.intentP1 = v),
		real(60, 88, 1, (h, i) -> h.intentP2, (h, i, v) -> h.intentP2 = v),
		real(64, 96, 1, (h, i) -> h.intentP3, (h, i, v) -> h.intentP3 = v),
		real(76, 104, 8, (h, i) -> h.pixdim[i], (h, i, v) -> h.pixdim[i] = v),
		real(112, 176, 1, (h, i) -> h.sclSlope, (h, i, v) -> h.sclSlope = v),
		real(116, 184, 1, (h, i) -> h.sclInter, (h, i, v) -> h.sclInter = v),
		real(124, 192, 1, (h, i) -> h.calMax, (h, i, v) -> h.calMax = v),
		real(128, 200, 1, (h, i) -> h.calMin, (h, i, v) -> h.calMin = v),
		real(132, 208, 1, (h, i) -> h.sliceDuration, (h, i, v) -> h.sliceDuration = v),
		real(136, 216, 1, (h, i) -> h.toffset, (h, i, v) -> h.toffset = v),
		real(256, 352, 1, (h, i) -> h.quaternB, (h, i, v) -> h.quaternB = v),
		real(260, 360, 1, (h, i) -> h.quaternC, (h, i, v) -> h.quaternC = v),
		real(264, 368, 1, (h, i) -> h.quaternD, (h, i, v) -> h.quaternD = v),
		real(268, 376, 1, (h, i) -> h.qoffsetX, (h, i, v) -> h.qoffsetX = v),
		real(272, 384, 1, (h, i) -> h.qoffsetY, (h, i, v) -> h.qoffsetY = v),
		real(276, 392, 1, (h, i) -> h.qoffsetZ, (h, i, v) -> h.qoffsetZ = v),
		real(280, 400, 4, (h, i) -> h.srowX[i], (h, i, v) -> h.srowX[i] = v),
		real(296, 432, 4, (h, i) -> h.srowY[i], (h, i, v) -> h.srowY[i] = v),
		real(312, 464, 4, (h, i) -> h.srowZ[i], (h, i, v) -> h.srowZ[i] = v), };

	/** The NUL-terminated text fields. */
	private static final TextField[] TEXT = {
		new TextField(148, 240, 80, h -> h.descrip, (h, t) -> h.descrip = t),
		new TextField(228, 320, 24, h -> h.auxFile, (h, t) -> h.auxFile = t),
		new TextField(328, 508, 16, h -> h.intentName, (h, t) -> h.intentName = t), };

	/** Where the datatype code and bitpix lie (shorts in both versions). */
	private static final Place DATATYPE = one(70, Kind.SHORT, 12, Kind.SHORT);
	private static final Place BITPIX = one(72, Kind.SHORT, 14, Kind.SHORT);

	private static RealField real(int at1, int at2, int count, RealGet get, RealSet set) {
		return new RealField(new Place(at1, Kind.FLOAT, at2, Kind.DOUBLE, count), get, set);
	}

	private static void decodeFields(ByteBuffer b, NiftiHeader h) {
		NiftiVersion v = h.version;
		for (WholeField f : WHOLE) {
			for (int i = 0; i < f.place().count(); i++) {
				f.set().set(h, i, f.place().kind(v).whole(b, f.place().at(v, i)));
			}
		}
		for (RealField f : REAL) {
			for (int i = 0; i < f.place().count(); i++) {
				f.set().set(h, i, f.place().kind(v).real(b, f.place().at(v, i)));
			}
		}
		for (TextField f : TEXT) {
			f.set().accept(h, string(b, v == NiftiVersion.NIFTI1 ? f.at1() : f.at2(), f.length()));
		}
		h.datatypeCode = (int) DATATYPE.kind(v).whole(b, DATATYPE.at(v, 0));
		h.datatype = NiftiDatatype.fromCode(h.datatypeCode);
	}

	private static void encodeFields(ByteBuffer b, NiftiHeader h) {
		NiftiVersion v = h.version;
		for (WholeField f : WHOLE) {
			for (int i = 0; i < f.place().count(); i++) {
				f.place().kind(v).putWhole(b, f.place().at(v, i), f.get().get(h, i));
			}
		}
		for (RealField f : REAL) {
			for (int i = 0; i < f.place().count(); i++) {
				f.place().kind(v).putReal(b, f.place().at(v, i), f.get().get(h, i));
			}
		}
		for (TextField f : TEXT) {
			putString(b, v == NiftiVersion.NIFTI1 ? f.at1() : f.at2(), f.length(), f.get().apply(h));
		}
		DATATYPE.kind(v).putWhole(b, DATATYPE.at(v, 0), h.datatype.code());
		BITPIX.kind(v).putWhole(b, BITPIX.at(v, 0), h.datatype.bitpix());
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
		b.putInt(0, v.headerSize());
		encodeFields(b, h);
		// The magic: n+1 / ni1 at 344 with the 'r' of regular at 38 (NIfTI-1); n+2 / ni2 and
		// its four-byte tail at 4 (NIfTI-2).
		int magic = v == NiftiVersion.NIFTI1 ? 344 : 4;
		b.put(magic, (byte) 'n');
		b.put(magic + 1, (byte) (singleFile ? '+' : 'i'));
		b.put(magic + 2, (byte) (v == NiftiVersion.NIFTI1 ? '1' : '2'));
		if (v == NiftiVersion.NIFTI1) {
			b.put(38, (byte) 'r');
		} else {
			b.put(8, MAGIC2_TAIL);
		}
		return b.array();
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

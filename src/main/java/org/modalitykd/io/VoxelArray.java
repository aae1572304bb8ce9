/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.nio.ByteBuffer;

/**
 * Stored voxel values exactly as a NIfTI file holds them (before scl_slope/scl_inter),
 * in one primitive array of the matching Java width: uint8/int8 in {@code byte[]},
 * int16/uint16 in {@code short[]}, int32/uint32 in {@code int[]}, int64 in
 * {@code long[]}, float32 in {@code float[]}, float64 in {@code double[]}; unsigned
 * types are reinterpreted on access. Order is NIfTI index order (i fastest).
 */
public final class VoxelArray {

	/** Java arrays are indexed by int; the JVM reserves a few header words. */
	public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

	private final NiftiDatatype type;
	private final Object data;
	private final int length;

	private VoxelArray(NiftiDatatype type, Object data, int length) {
		this.type = type;
		this.data = data;
		this.length = length;
	}

	/** Zero-filled storage for {@code length} values of {@code type}. */
	public static VoxelArray allocate(NiftiDatatype type, int length) {
		Object data = switch (type) {
			case UINT8, INT8 -> new byte[length];
			case INT16, UINT16 -> new short[length];
			case INT32, UINT32 -> new int[length];
			case INT64 -> new long[length];
			case FLOAT32 -> new float[length];
			case FLOAT64 -> new double[length];
		};
		return new VoxelArray(type, data, length);
	}

	/** Wraps (does not copy) float32 values. */
	public static VoxelArray ofFloats(float[] values) {
		return new VoxelArray(NiftiDatatype.FLOAT32, values, values.length);
	}

	/** Wraps (does not copy) uint8 values. */
	public static VoxelArray ofUnsignedBytes(byte[] values) {
		return new VoxelArray(NiftiDatatype.UINT8, values, values.length);
	}

	public NiftiDatatype type() {
		return type;
	}

	public int length() {
		return length;
	}

	/** Value {@code i} as stored (unscaled). Exact except for int64 beyond 2^53. */
	public double get(int i) {
		return switch (type) {
			case UINT8 -> ((byte[]) data)[i] & 0xff;
			case INT8 -> ((byte[]) data)[i];
			case INT16 -> ((short[]) data)[i];
			case UINT16 -> ((short[]) data)[i] & 0xffff;
			case INT32 -> ((int[]) data)[i];
			case UINT32 -> ((int[]) data)[i] & 0xffffffffL;
			case INT64 -> ((long[]) data)[i];
			case FLOAT32 -> ((float[]) data)[i];
			case FLOAT64 -> ((double[]) data)[i];
		};
	}

	/**
	 * Stores {@code value} at {@code i}. Integer types take {@link Math#rint} of the
	 * value; the caller ensures it is in range.
	 */
	public void set(int i, double value) {
		switch (type) {
			case UINT8, INT8 -> ((byte[]) data)[i] = (byte) (long) Math.rint(value);
			case INT16, UINT16 -> ((short[]) data)[i] = (short) (long) Math.rint(value);
			case INT32, UINT32 -> ((int[]) data)[i] = (int) (long) Math.rint(value);
			case INT64 -> ((long[]) data)[i] = (long) Math.rint(value);
			case FLOAT32 -> ((float[]) data)[i] = (float) value;
			case FLOAT64 -> ((double[]) data)[i] = value;
		}
	}

	/** Fills values {@code [offset, offset + count)} from a buffer in the file's byte order. */
	void readFrom(ByteBuffer in, int offset, int count) {
		switch (type) {
			case UINT8, INT8 -> in.get((byte[]) data, offset, count);
			case INT16, UINT16 -> in.asShortBuffer().get((short[]) data, offset, count);
			case INT32, UINT32 -> in.asIntBuffer().get((int[]) data, offset, count);
			case INT64 -> in.asLongBuffer().get((long[]) data, offset, count);
			case FLOAT32 -> in.asFloatBuffer().get((float[]) data, offset, count);
			case FLOAT64 -> in.asDoubleBuffer().get((double[]) data, offset, count);
		}
	}

	/** Puts values {@code [offset, offset + count)} into a buffer in its byte order. */
	void writeTo(ByteBuffer out, int offset, int count) {
		switch (type) {
			case UINT8, INT8 -> out.put((byte[]) data, offset, count);
			case INT16, UINT16 -> out.asShortBuffer().put((short[]) data, offset, count);
			case INT32, UINT32 -> out.asIntBuffer().put((int[]) data, offset, count);
			case INT64 -> out.asLongBuffer().put((long[]) data, offset, count);
			case FLOAT32 -> out.asFloatBuffer().put((float[]) data, offset, count);
			case FLOAT64 -> out.asDoubleBuffer().put((double[]) data, offset, count);
		}
	}

	/**
	 * Decodes {@code count} values of {@code type} from a buffer in the file's byte order
	 * into floats, applying {@code value * slope + inter} in double precision.
	 */
	static void decodeFloats(ByteBuffer in, NiftiDatatype type, float[] dst, int offset, int count, double slope,
		double inter) {
		boolean scaled = slope != 1 || inter != 0;
		switch (type) {
			case FLOAT32 -> {
				in.asFloatBuffer().get(dst, offset, count);
				if (scaled) {
					for (int i = offset; i < offset + count; i++) {
						dst[i] = (float) (dst[i] * slope + inter);
					}
				}
			}
			case UINT8 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) ((in.get(i) & 0xff) * slope + inter);
				}
			}
			case INT8 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) (in.get(i) * slope + inter);
				}
			}
			case INT16 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) (in.getShort(2 * i) * slope + inter);
				}
			}
			case UINT16 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) ((in.getShort(2 * i) & 0xffff) * slope + inter);
				}
			}
			case INT32 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) (in.getInt(4 * i) * slope + inter);
				}
			}
			case UINT32 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) ((in.getInt(4 * i) & 0xffffffffL) * slope + inter);
				}
			}
			case INT64 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) (in.getLong(8 * i) * slope + inter);
				}
			}
			case FLOAT64 -> {
				for (int i = 0; i < count; i++) {
					dst[offset + i] = (float) (in.getDouble(8 * i) * slope + inter);
				}
			}
		}
	}
}

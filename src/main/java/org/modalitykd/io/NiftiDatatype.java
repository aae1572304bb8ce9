/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import org.modalitykd.keys.EnumKeys;

/**
 * The NIfTI voxel datatypes this project reads and writes, with their header codes.
 * Names follow numpy / nibabel ({@code uint8}, {@code int16}, {@code float32}, ...) so
 * that reports compare directly with nibabel's {@code get_data_dtype()}.
 */
public enum NiftiDatatype {
	UINT8(2, 1, "uint8", true, false),
	INT16(4, 2, "int16", true, true),
	INT32(8, 4, "int32", true, true),
	FLOAT32(16, 4, "float32", false, true),
	FLOAT64(64, 8, "float64", false, true),
	INT8(256, 1, "int8", true, true),
	UINT16(512, 2, "uint16", true, false),
	UINT32(768, 4, "uint32", true, false),
	INT64(1024, 8, "int64", true, true);

	private final short code;
	private final int bytes;
	private final String typeName;
	private final boolean integer;
	private final boolean signed;

	NiftiDatatype(int code, int bytes, String typeName, boolean integer, boolean signed) {
		this.code = (short) code;
		this.bytes = bytes;
		this.typeName = typeName;
		this.integer = integer;
		this.signed = signed;
	}

	public short code() {
		return code;
	}

	public int bytesPerVoxel() {
		return bytes;
	}

	public int bitpix() {
		return bytes * 8;
	}

	/** nibabel's name, e.g. {@code float32}. */
	public String typeName() {
		return typeName;
	}

	public boolean isInteger() {
		return integer;
	}

	/** Smallest value an integer type holds (as a double; exact for all but int64's extremes). */
	public double minValue() {
		return switch (this) {
			case UINT8, UINT16, UINT32 -> 0;
			case INT8 -> Byte.MIN_VALUE;
			case INT16 -> Short.MIN_VALUE;
			case INT32 -> Integer.MIN_VALUE;
			case INT64 -> Long.MIN_VALUE;
			case FLOAT32 -> -Float.MAX_VALUE;
			case FLOAT64 -> -Double.MAX_VALUE;
		};
	}

	public double maxValue() {
		return switch (this) {
			case UINT8 -> 255;
			case UINT16 -> 65535;
			case UINT32 -> 4294967295.0;
			case INT8 -> Byte.MAX_VALUE;
			case INT16 -> Short.MAX_VALUE;
			case INT32 -> Integer.MAX_VALUE;
			case INT64 -> Long.MAX_VALUE;
			case FLOAT32 -> Float.MAX_VALUE;
			case FLOAT64 -> Double.MAX_VALUE;
		};
	}

	public boolean isSigned() {
		return signed;
	}

	/** The supported type with this header code, or null. */
	public static NiftiDatatype fromCode(int code) {
		for (NiftiDatatype t : values()) {
			if (t.code == code) {
				return t;
			}
		}
		return null;
	}

	/** Name of any NIfTI code, supported or not, for error messages. */
	public static String describeCode(int code) {
		NiftiDatatype t = fromCode(code);
		if (t != null) {
			return t.typeName;
		}
		return switch (code) {
			case 1 -> "binary (1 bit)";
			case 32 -> "complex64";
			case 128 -> "RGB24";
			case 1280 -> "uint64";
			case 1536 -> "float128";
			case 1792 -> "complex128";
			case 2048 -> "complex256";
			case 2304 -> "RGBA32";
			default -> "unknown code " + code;
		};
	}

	/** Parses a nibabel-style name (case-insensitive), e.g. {@code int16}. */
	public static NiftiDatatype fromName(String name) {
		EnumKeys<NiftiDatatype> names = EnumKeys.of(NiftiDatatype.class, NiftiDatatype::typeName);
		return names.find(name).orElseThrow(() -> new IllegalArgumentException("unknown datatype '" + name
			+ "'; use one of " + names.keys()));
	}
}

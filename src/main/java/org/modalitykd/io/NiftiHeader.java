/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.modalitykd.volume.Affine;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header, held at NIfTI-2 width (doubles and longs)
 * so that one class serves both versions. A mutable value: {@link #copy()} before
 * changing a header that someone else holds.
 * <p>
 * The geometry follows the NIfTI standard and nibabel: {@link #bestAffine()} is the
 * sform when {@code sform_code > 0}, else the qform when {@code qform_code > 0}, else
 * the base affine (voxel size along the diagonal, x flipped, centred on the grid).
 */
public final class NiftiHeader implements Cloneable {

	/** NIFTI_INTENT_LABEL: the values are labels (our segmentation outputs). */
	public static final int INTENT_LABEL = 1002;

	/** xyzt_units codes of the spatial part (bits 0-2). */
	public static final int UNITS_METER = 1;
	public static final int UNITS_MM = 2;
	public static final int UNITS_MICRON = 3;

	/** qform / sform code of scanner-based coordinates. */
	public static final int XFORM_SCANNER_ANAT = 1;
	/** qform / sform code of coordinates aligned to another file or an anatomical truth. */
	public static final int XFORM_ALIGNED_ANAT = 2;

	NiftiVersion version = NiftiVersion.NIFTI1;
	ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
	long[] dim = { 3, 1, 1, 1, 1, 1, 1, 1 };
	double[] pixdim = { 1, 1, 1, 1, 0, 0, 0, 0 };
	NiftiDatatype datatype = NiftiDatatype.FLOAT32;
	/** The datatype code as read, kept for the message when it is not supported. */
	int datatypeCode = NiftiDatatype.FLOAT32.code();
	long voxOffset;
	double sclSlope = 1;
	double sclInter;
	double calMax;
	double calMin;
	double sliceDuration;
	double toffset;
	long sliceStart;
	long sliceEnd;
	int sliceCode;
	int dimInfo;
	int xyztUnits = UNITS_MM;
	int intentCode;
	double intentP1;
	double intentP2;
	double intentP3;
	String intentName = "";
	String descrip = "";
	String auxFile = "";
	int qformCode;
	int sformCode;
	double quaternB;
	double quaternC;
	double quaternD;
	double qoffsetX;
	double qoffsetY;
	double qoffsetZ;
	double[] srowX = { 1, 0, 0, 0 };
	double[] srowY = { 0, 1, 0, 0 };
	double[] srowZ = { 0, 0, 1, 0 };
	/** Extensions to write (the reader skips those it finds). */
	java.util.List<NiftiExtension> extensions = new java.util.ArrayList<>();

	/** A copy that shares nothing mutable with this header: changing one leaves the other as it is. */
	public NiftiHeader copy() {
		try {
			NiftiHeader h = (NiftiHeader) super.clone();
			h.dim = dim.clone();
			h.pixdim = pixdim.clone();
			h.srowX = srowX.clone();
			h.srowY = srowY.clone();
			h.srowZ = srowZ.clone();
			h.extensions = new java.util.ArrayList<>(extensions);
			return h;
		} catch (CloneNotSupportedException e) {
			throw new AssertionError(e);
		}
	}

	// ---- data layout ---------------------------------------------------------------

	public NiftiVersion version() {
		return version;
	}

	public NiftiHeader setVersion(NiftiVersion v) {
		version = v;
		return this;
	}

	public ByteOrder byteOrder() {
		return byteOrder;
	}

	public NiftiHeader setByteOrder(ByteOrder order) {
		byteOrder = order;
		return this;
	}

	/** Number of dimensions, {@code dim[0]}. */
	public int ndim() {
		return (int) dim[0];
	}

	/** The shape in NIfTI index order: {@code dim[1..dim[0]]}. */
	public long[] shape() {
		return Arrays.copyOfRange(dim, 1, 1 + ndim());
	}

	/** Sets {@code dim[0]} and {@code dim[1..]}; the unused entries become 1. */
	public NiftiHeader setShape(long... shape) {
		if (shape.length < 1 || shape.length > 7) {
			throw new IllegalArgumentException("NIfTI holds 1 to 7 dimensions, not " + shape.length);
		}
		Arrays.fill(dim, 1);
		dim[0] = shape.length;
		System.arraycopy(shape, 0, dim, 1, shape.length);
		return this;
	}

	/** Product of the shape: number of stored voxel values. */
	public long voxelCount() {
		long n = 1;
		for (int d = 1; d <= ndim(); d++) {
			n = Math.multiplyExact(n, dim[d]);
		}
		return n;
	}

	/** Spatial extent {@code dim[1..3]}, 1 for axes beyond {@code dim[0]}. */
	public int[] spatialDims() {
		int[] s = new int[3];
		for (int d = 0; d < 3; d++) {
			s[d] = d < ndim() ? Math.toIntExact(dim[d + 1]) : 1;
		}
		return s;
	}

	/**
	 * Number of 3D volumes stored after one another: the product of {@code dim[4..]}
	 * (the 4th axis is the channel / modality axis in this project).
	 */
	public long volumeCount() {
		long n = 1;
		for (int d = 4; d <= ndim(); d++) {
			n = Math.multiplyExact(n, dim[d]);
		}
		return n;
	}

	public NiftiDatatype datatype() {
		return datatype;
	}

	public NiftiHeader setDatatype(NiftiDatatype t) {
		datatype = t;
		datatypeCode = t.code();
		return this;
	}

	/** Byte offset of the voxel data in the data file. */
	public long voxOffset() {
		return voxOffset;
	}

	// ---- values --------------------------------------------------------------------

	/** True when {@code scl_slope} is a finite non-zero number: stored values must be scaled. */
	public boolean hasScaling() {
		return sclSlope != 0 && Double.isFinite(sclSlope) && !(sclSlope == 1 && sclInter == 0);
	}

	/** The slope to apply: {@code scl_slope}, or 1 when the header says none (0, NaN, inf). */
	public double effectiveSlope() {
		return sclSlope != 0 && Double.isFinite(sclSlope) ? sclSlope : 1;
	}

	/** The intercept to apply: {@code scl_inter} when the slope is valid, else 0. */
	public double effectiveIntercept() {
		return sclSlope != 0 && Double.isFinite(sclSlope) ? sclInter : 0;
	}

	public double sclSlope() {
		return sclSlope;
	}

	public double sclInter() {
		return sclInter;
	}

	public NiftiHeader setScaling(double slope, double inter) {
		sclSlope = slope;
		sclInter = inter;
		return this;
	}

	public NiftiHeader setCalibrationRange(double min, double max) {
		calMin = min;
		calMax = max;
		return this;
	}

	public int intentCode() {
		return intentCode;
	}

	public NiftiHeader setIntentCode(int code) {
		intentCode = code;
		return this;
	}

	/** Adds an extension that writing this header will store after it. */
	public NiftiHeader addExtension(NiftiExtension extension) {
		extensions.add(extension);
		return this;
	}

	/** The extensions to be written, in order. */
	public java.util.List<NiftiExtension> extensions() {
		return java.util.List.copyOf(extensions);
	}

	/** The intent name (at most 15 characters are stored). */
	public NiftiHeader setIntentName(String name) {
		intentName = name;
		return this;
	}

	public String intentName() {
		return intentName;
	}

	public String descrip() {
		return descrip;
	}

	/** Free text, at most 79 characters are stored. */
	public NiftiHeader setDescrip(String text) {
		descrip = text;
		return this;
	}

	// ---- geometry ------------------------------------------------------------------

	/** The raw {@code pixdim[0..7]} ({@code pixdim[0]} is qfac). */
	public double[] pixdim() {
		return pixdim.clone();
	}

	/**
	 * Voxel sizes of the stored axes, {@code |pixdim[1..dim[0]]|}, in the file's units.
	 * As nibabel repairs headers on load, a zero spatial size (axes 1..3) counts as 1.
	 */
	public double[] zooms() {
		double[] z = new double[ndim()];
		for (int d = 0; d < z.length; d++) {
			z[d] = pixdimRepaired(d + 1);
		}
		return z;
	}

	/** {@code |pixdim[index]|}, with 0 read as 1 for the spatial axes 1..3 (nibabel's repair). */
	double pixdimRepaired(int index) {
		double v = Math.abs(pixdim[index]);
		return v == 0 && index >= 1 && index <= 3 ? 1.0 : v;
	}

	public NiftiHeader setPixdim(int index, double value) {
		pixdim[index] = value;
		return this;
	}

	/** Raw xyzt_units byte. */
	public int xyztUnits() {
		return xyztUnits;
	}

	public NiftiHeader setXyztUnits(int units) {
		xyztUnits = units;
		return this;
	}

	/** Millimetres per unit of the spatial fields: 1000 for metres, 0.001 for microns, else 1. */
	public double millimetresPerUnit() {
		return NiftiUnits.millimetresPerUnit(xyztUnits);
	}

	/** Name of the spatial unit as nibabel says it: meter, mm, micron or unknown. */
	public String spatialUnitName() {
		return NiftiUnits.spatialName(xyztUnits);
	}

	public int qformCode() {
		return qformCode;
	}

	public int sformCode() {
		return sformCode;
	}

	/** Quaternion b, c, d and offset x, y, z of the qform. */
	public double[] quaternion() {
		return new double[] { quaternB, quaternC, quaternD, qoffsetX, qoffsetY, qoffsetZ };
	}

	/** The sform rows (srow_x, srow_y, srow_z) as an affine, whatever the sform code. */
	public Affine sform() {
		return Affine.ofRows(srowX, srowY, srowZ);
	}

	/** Sets the sform rows and code. */
	public NiftiHeader setSform(Affine affine, int code) {
		srowX = affine.row(0);
		srowY = affine.row(1);
		srowZ = affine.row(2);
		sformCode = code;
		return this;
	}

	/**
	 * The qform as an affine (NIfTI method 2): rotation from the quaternion, times the
	 * voxel sizes with qfac applied to the third, plus the offsets.
	 */
	public Affine qform() {
		return NiftiAffines.qform(this);
	}

	/**
	 * Sets the qform from an affine whose 3x3 part is a rotation (or reflection) times
	 * positive voxel sizes; the voxel sizes go to {@code pixdim[1..3]}, the handedness
	 * to qfac ({@code pixdim[0]}).
	 */
	public NiftiHeader setQform(Affine affine, int code) {
		Qform.Parameters q = Qform.fromAffine(affine);
		quaternB = q.b();
		quaternC = q.c();
		quaternD = q.d();
		qoffsetX = q.offset()[0];
		qoffsetY = q.offset()[1];
		qoffsetZ = q.offset()[2];
		pixdim[0] = q.qfac();
		for (int d = 0; d < 3; d++) {
			pixdim[d + 1] = q.spacing()[d];
		}
		qformCode = code;
		return this;
	}

	/**
	 * nibabel's base affine: {@code diag(-sx, sy, sz)} with the grid centre at the
	 * origin, used when neither form is set.
	 */
	public Affine baseAffine() {
		return NiftiAffines.base(this);
	}

	/** The affine a NIfTI reader should use: sform, else qform, else the base affine. */
	public Affine bestAffine() {
		return NiftiAffines.best(this);
	}

	/**
	 * Copies every geometric field (forms, codes, units, spatial voxel sizes and qfac)
	 * from {@code source}: what a derived image (labels, probabilities) must keep.
	 */
	public NiftiHeader copyGeometryFrom(NiftiHeader source) {
		for (int d = 0; d < 4; d++) {
			pixdim[d] = source.pixdim[d];
		}
		xyztUnits = source.xyztUnits;
		qformCode = source.qformCode;
		sformCode = source.sformCode;
		quaternB = source.quaternB;
		quaternC = source.quaternC;
		quaternD = source.quaternD;
		qoffsetX = source.qoffsetX;
		qoffsetY = source.qoffsetY;
		qoffsetZ = source.qoffsetZ;
		srowX = source.srowX.clone();
		srowY = source.srowY.clone();
		srowZ = source.srowZ.clone();
		dimInfo = source.dimInfo;
		return this;
	}
}

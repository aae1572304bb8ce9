/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Writes NIfTI-1 or NIfTI-2 images as .nii, .nii.gz or .hdr/.img pairs (gzipped or
 * not), chosen by the output name; version and byte order come from the header.
 * Every file is written under a temporary name and renamed when complete
 * ({@link AtomicFile}), so a failure leaves no partial output. Header extensions are
 * not written. Stateless and thread-safe, unless it writes into an {@link OutputSet}:
 * then its files appear only when the set commits, together with the set's other files.
 */
public final class NiftiWriter {

	private static final int CHUNK_BYTES = 1 << 20;

	private final OutputSet set;

	/** A writer whose every file appears as soon as it is complete. */
	public NiftiWriter() {
		this(null);
	}

	/** A writer that adds its files to {@code set}: they appear when the set commits, or never. */
	public NiftiWriter(OutputSet set) {
		this.set = set;
	}

	/**
	 * Writes stored values with a header describing them. The header's shape must match
	 * the number of values; its datatype is set from the values.
	 */
	public void write(NiftiHeader header, VoxelArray values, Path target) throws IOException {
		write(header, List.of(values), target);
	}

	/**
	 * Writes values given in parts (e.g. one per channel of a 4D image), which follow one
	 * another in the file; all parts have one datatype. No part is copied.
	 */
	public void write(NiftiHeader header, List<VoxelArray> parts, Path target) throws IOException {
		NiftiFiles.Location loc = NiftiFiles.forWriting(target);
		NiftiDatatype type = parts.get(0).type();
		long total = 0;
		for (VoxelArray part : parts) {
			if (part.type() != type) {
				throw new IllegalArgumentException("all parts must have one datatype: " + type + " and " + part.type());
			}
			total += part.length();
		}
		NiftiHeader h = header.copy().setDatatype(type);
		if (h.voxelCount() != total) {
			throw new IllegalArgumentException("the header's shape " + java.util.Arrays.toString(h.shape())
				+ " holds " + h.voxelCount() + " values but " + total + " were given");
		}
		if (h.version() == NiftiVersion.NIFTI1) {
			for (long d : h.shape()) {
				if (d > Short.MAX_VALUE) {
					throw new NiftiException(target, "a dimension of " + d + " does not fit a NIfTI-1 header; write NIfTI-2");
				}
			}
		}
		byte[] extensionBytes = encodeExtensions(h);
		h.voxOffset = loc.singleFile() ? h.version().headerSize() + extensionBytes.length : 0;
		byte[] encoded = NiftiHeaderCodec.encode(h, loc.singleFile());
		// Header, the 4-byte extension flag and the extensions: all that precedes the voxels.
		byte[] headerBytes = java.util.Arrays.copyOf(encoded, encoded.length + extensionBytes.length);
		System.arraycopy(extensionBytes, 0, headerBytes, encoded.length, extensionBytes.length);
		try {
			writeFiles(loc, h, headerBytes, parts);
		} catch (NiftiException e) {
			throw e;
		} catch (IOException e) {
			// A failed write (disk full, I/O error) must still name the file it was for.
			throw new NiftiException(target, "could not be written (" + e.getMessage() + "): is the disk full?", e);
		}
	}

	private void writeFiles(NiftiFiles.Location loc, NiftiHeader h, byte[] headerBytes, List<VoxelArray> parts)
		throws IOException {
		if (set != null) {
			// The set commits (and on failure removes) these files with its others.
			if (loc.singleFile()) {
				try (OutputStream out = maybeGzip(set.create(loc.header()).stream(), loc.header())) {
					out.write(headerBytes);
					writeValues(out, h, parts);
				}
			} else {
				try (OutputStream out = maybeGzip(set.create(loc.data()).stream(), loc.data())) {
					writeValues(out, h, parts);
				}
				try (OutputStream out = maybeGzip(set.create(loc.header()).stream(), loc.header())) {
					out.write(headerBytes);
				}
			}
			return;
		}
		if (loc.singleFile()) {
			try (AtomicFile file = AtomicFile.create(loc.header())) {
				try (OutputStream out = maybeGzip(file.stream(), loc.header())) {
					out.write(headerBytes);
					writeValues(out, h, parts);
				}
				file.commit();
			}
		} else {
			// Both files complete under temporary names before either is renamed.
			try (AtomicFile img = AtomicFile.create(loc.data()); AtomicFile hdr = AtomicFile.create(loc.header())) {
				try (OutputStream out = maybeGzip(img.stream(), loc.data())) {
					writeValues(out, h, parts);
				}
				try (OutputStream out = maybeGzip(hdr.stream(), loc.header())) {
					out.write(headerBytes);
				}
				img.commit();
				try {
					hdr.commit();
				} catch (IOException e) {
					// An .img without its .hdr is no image: take the half pair back.
					Files.deleteIfExists(loc.data());
					throw e;
				}
			}
		}
	}

	/** The extension flag (1 0 0 0 when extensions follow) and the padded extensions. */
	private static byte[] encodeExtensions(NiftiHeader h) {
		int size = 4;
		for (NiftiExtension e : h.extensions) {
			size += e.paddedSize();
		}
		ByteBuffer b = ByteBuffer.allocate(size).order(h.byteOrder());
		b.put((byte) (h.extensions.isEmpty() ? 0 : 1)).put((byte) 0).put((byte) 0).put((byte) 0);
		for (NiftiExtension e : h.extensions) {
			int start = b.position();
			b.putInt(e.paddedSize()).putInt(e.code()).put(e.content());
			b.position(start + e.paddedSize());
		}
		return b.array();
	}

	/** Writes a {@link NiftiImage} as it is. */
	public void write(NiftiImage image, Path target) throws IOException {
		write(image.header(), image.voxels(), target);
	}

	/**
	 * Writes a label map as uint8 with the geometry of {@code source} (affine, qform and
	 * sform with their codes, units, voxel sizes), intent "label" and no scaling.
	 */
	public void writeLabels(LabelVolume labels, NiftiHeader source, Path target) throws IOException {
		writeLabels(labels, source, target, "ModalityKD labels");
	}

	/**
	 * As {@link #writeLabels(LabelVolume, NiftiHeader, Path)}, with {@code descrip} (at
	 * most 80 ASCII characters; longer text is cut) saying what made the labels.
	 */
	public void writeLabels(LabelVolume labels, NiftiHeader source, Path target, String descrip) throws IOException {
		writeLabels(labels, source, target, descrip, List.of());
	}

	/**
	 * As {@link #writeLabels(LabelVolume, NiftiHeader, Path, String)}, with header
	 * extensions (e.g. a comment holding the provenance as JSON) and the intent name
	 * "ModalityKD".
	 */
	public void writeLabels(LabelVolume labels, NiftiHeader source, Path target, String descrip,
		List<NiftiExtension> extensions) throws IOException {
		int[] d = labels.geometry().dims();
		NiftiHeader h = derivedHeader(source, d);
		int max = 0;
		long[] histogram = labels.histogram();
		for (int v = 0; v < histogram.length; v++) {
			if (histogram[v] > 0) {
				max = v;
			}
		}
		h.setIntentCode(NiftiHeader.INTENT_LABEL).setCalibrationRange(0, max)
			.setDescrip(descrip.length() > 80 ? descrip.substring(0, 80) : descrip);
		if (!extensions.isEmpty()) {
			h.setIntentName("ModalityKD");
			extensions.forEach(h::addExtension);
		}
		write(h, VoxelArray.ofUnsignedBytes(labels.labels()), target);
	}

	/**
	 * Writes a volume as float32 with the geometry of {@code source}: a 3D file for one
	 * channel, a 4D file (channels along the 4th axis) for several.
	 */
	public void writeVolume(Volume volume, NiftiHeader source, Path target) throws IOException {
		int[] d = volume.geometry().dims();
		int channels = volume.channelCount();
		NiftiHeader h = derivedHeader(source, d);
		if (channels > 1) {
			h.setShape(d[0], d[1], d[2], channels);
		}
		List<VoxelArray> parts = new ArrayList<>();
		for (int c = 0; c < channels; c++) {
			parts.add(VoxelArray.ofFloats(volume.channel(c)));
		}
		write(h, parts, target);
	}

	private static NiftiHeader derivedHeader(NiftiHeader source, int[] dims) {
		NiftiHeader h = new NiftiHeader().setVersion(source.version()).setByteOrder(source.byteOrder());
		h.copyGeometryFrom(source);
		h.setShape(dims[0], dims[1], dims[2]);
		h.setScaling(1, 0);
		return h;
	}

	private static OutputStream maybeGzip(OutputStream out, Path name) throws IOException {
		// Java's GZIPOutputStream writes mtime 0: the same image gives the same bytes.
		return name.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
			? new GZIPOutputStream(out, 1 << 16)
			: new NonClosingStream(out);
	}

	private static void writeValues(OutputStream out, NiftiHeader h, List<VoxelArray> parts) throws IOException {
		int bpv = h.datatype().bytesPerVoxel();
		int perChunk = Math.max(1, CHUNK_BYTES / bpv);
		byte[] bytes = new byte[perChunk * bpv];
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(h.byteOrder());
		for (VoxelArray values : parts) {
			int count = values.length();
			for (int done = 0; done < count;) {
				int n = Math.min(perChunk, count - done);
				buffer.clear();
				values.writeTo(buffer, done, n);
				out.write(bytes, 0, n * bpv);
				done += n;
			}
		}
	}

	/** Lets the uncompressed path close its wrapper without closing the atomic file's stream. */
	private static final class NonClosingStream extends java.io.FilterOutputStream {
		NonClosingStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}

/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

import org.modalitykd.volume.Affine;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.LabelVolume;
import org.modalitykd.volume.Volume;

/**
 * Reads NIfTI-1 and NIfTI-2 images (.nii, .hdr/.img, gzipped or not, either byte
 * order). Voxel data are streamed in chunks straight into the destination arrays, so
 * reading needs little more heap than the result; a gzipped file is never held
 * compressed in memory.
 * <p>
 * Every failure is a {@link NiftiException} with a one-line message naming the file.
 * Before anything is allocated the header is checked, and the size it announces is
 * compared with the file (uncompressed files) and with {@link #maxBytes()}.
 * Instances are immutable and thread-safe.
 */
public final class NiftiReader {

	private static final int CHUNK_BYTES = 1 << 20;

	private final long maxBytes;

	/** A reader whose limit is the heap the JVM can still give at read time. */
	public NiftiReader() {
		this(-1);
	}

	private NiftiReader(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/** A reader that refuses to allocate more than {@code bytes} for one image. */
	public static NiftiReader withMaxBytes(long bytes) {
		if (bytes <= 0) {
			throw new IllegalArgumentException("the limit must be positive");
		}
		return new NiftiReader(bytes);
	}

	/** The allocation limit in bytes: the configured one, or the heap available now. */
	public long maxBytes() {
		if (maxBytes > 0) {
			return maxBytes;
		}
		Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}

	/** The header alone (cheap: the voxel data are not touched). */
	public NiftiHeader readHeader(Path file) throws NiftiException {
		NiftiFiles.Location loc = NiftiFiles.forReading(file);
		// Given an .img, a damaged header is the .hdr's fault: name that file.
		Path named = loc.singleFile() ? file : loc.header();
		try (InputStream in = NiftiFiles.open(loc.header())) {
			return readHeader(in, loc, named);
		} catch (IOException e) {
			throw asNiftiException(named, e, "header");
		}
	}

	/** Header and stored values of every voxel, unscaled and in the file's datatype. */
	public NiftiImage read(Path file) throws NiftiException {
		NiftiFiles.Location loc = NiftiFiles.forReading(file);
		NiftiHeader h = readHeader(file);
		long count = h.voxelCount();
		if (count > VoxelArray.MAX_LENGTH) {
			throw new NiftiException(file, "holds " + count + " voxels, more than one Java array can take ("
				+ VoxelArray.MAX_LENGTH + "); crop or split the image first");
		}
		checkAllocation(file, count * h.datatype().bytesPerVoxel());
		try (InputStream in = openData(loc, h, file)) {
			VoxelArray values = VoxelArray.allocate(h.datatype(), (int) count);
			streamChunks(in, h, (int) count, file, (buf, offset, n) -> values.readFrom(buf, offset, n));
			checkGzipEnd(in, loc);
			return new NiftiImage(h, values);
		} catch (IOException e) {
			throw asNiftiException(file, e, "voxel data");
		}
	}

	/**
	 * The image as float intensities (scl_slope / scl_inter applied) on a geometry in
	 * millimetres. Each 3D volume of a 4D file becomes a channel; channels are named
	 * {@code names} if given, else the file stem (3D) or {@code stem_c0, stem_c1, ...}.
	 */
	public Volume readVolume(Path file, List<String> names) throws NiftiException {
		NiftiFiles.Location loc = NiftiFiles.forReading(file);
		NiftiHeader h = readHeader(file);
		Geometry geometry = geometryOf(h, file);
		long perChannel = geometry.voxelCount();
		long channels = h.volumeCount();
		if (perChannel > VoxelArray.MAX_LENGTH) {
			throw new NiftiException(file, "one 3D volume holds " + perChannel
				+ " voxels, more than one Java array can take; crop or resample the image first");
		}
		if (channels > 64) {
			throw new NiftiException(file, "has " + channels + " volumes along its 4th axis; at most 64 channels are supported");
		}
		List<String> channelNames = names != null ? names : defaultChannelNames(file, (int) channels);
		if (channelNames.size() != channels) {
			throw new NiftiException(file, "has " + channels + " channels but " + channelNames.size() + " names were given");
		}
		checkAllocation(file, perChannel * channels * Float.BYTES);
		double slope = h.effectiveSlope();
		double inter = h.effectiveIntercept();
		float[][] data = new float[(int) channels][];
		int n = (int) perChannel;
		try (InputStream in = openData(loc, h, file)) {
			for (int c = 0; c < channels; c++) {
				// Allocated one channel at a time, as the data arrive: a truncated file that
				// claims many channels costs at most one channel's worth of memory.
				float[] dst = new float[n];
				data[c] = dst;
				streamChunks(in, h, n, file, (buf, offset, k) -> VoxelArray.decodeFloats(buf, h.datatype(), dst, offset, k, slope, inter));
			}
			checkGzipEnd(in, loc);
		} catch (IOException e) {
			throw asNiftiException(file, e, "voxel data");
		}
		return new Volume(geometry, channelNames, data);
	}

	/** {@link #readVolume(Path, List)} with default channel names. */
	public Volume readVolume(Path file) throws NiftiException {
		return readVolume(file, null);
	}

	/**
	 * A 3D label map. The (scaled) values must be whole numbers in 0..255; anything else
	 * is refused, since a segmentation with other values is not what it claims to be.
	 */
	public LabelVolume readLabels(Path file) throws NiftiException {
		NiftiImage image = read(file);
		NiftiHeader h = image.header();
		if (h.volumeCount() != 1) {
			throw new NiftiException(file, "a label map must be 3D, but this image has " + h.volumeCount() + " volumes");
		}
		Geometry geometry = geometryOf(h, file);
		int n = image.voxels().length();
		byte[] labels = new byte[n];
		for (int i = 0; i < n; i++) {
			double v = image.scaledValue(i);
			if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
				throw new NiftiException(file, "voxel " + i + " has the value " + v
					+ "; labels must be whole numbers from 0 to 255 (is this an image rather than a segmentation?)");
			}
			labels[i] = (byte) (int) v;
		}
		return new LabelVolume(geometry, labels);
	}

	/**
	 * The grid of a header in millimetres: voxel sizes from pixdim (or, where pixdim is
	 * unusable, from the affine's columns), the best affine, both converted from the
	 * file's spatial unit to mm. Dimensions beyond the 3rd are not part of the grid.
	 */
	public static Geometry geometryOf(NiftiHeader h, Path file) throws NiftiException {
		for (int d = 1; d <= Math.min(3, h.ndim()); d++) {
			if (h.shape()[d - 1] > VoxelArray.MAX_LENGTH) {
				throw new NiftiException(file, "axis " + d + " has " + h.shape()[d - 1]
					+ " voxels, more than one Java array can take; crop or resample the image first");
			}
		}
		int[] dims = h.spatialDims();
		double mm = h.millimetresPerUnit();
		Affine best = h.bestAffine();
		double[] spacing = new double[3];
		for (int d = 0; d < 3; d++) {
			double p = d < h.ndim() ? Math.abs(h.pixdim()[d + 1]) : 1.0;
			if (!(p > 0) || !Double.isFinite(p)) {
				// pixdim unusable: the affine's column is the voxel size it implies.
				p = best.columnNorm(d);
			}
			if (!(p > 0) || !Double.isFinite(p)) {
				throw new NiftiException(file, "the voxel size along axis " + (d + 1) + " is " + p
					+ " and the affine gives none: the header has no usable geometry");
			}
			spacing[d] = p * mm;
			if (!(spacing[d] > 0) || !Double.isFinite(spacing[d])) {
				throw new NiftiException(file, "the voxel size along axis " + (d + 1) + " is " + p + " " + h.spatialUnitName()
					+ ", which is " + spacing[d] + " mm: the header has no usable geometry");
			}
		}
		double[] m = best.toRowMajor();
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 4; c++) {
				m[r * 4 + c] *= mm;
			}
		}
		return new Geometry(dims, spacing, Affine.ofRowMajor(m));
	}

	private static List<String> defaultChannelNames(Path file, int channels) {
		String stem = NiftiFiles.stem(file);
		if (channels == 1) {
			return List.of(stem);
		}
		List<String> names = new ArrayList<>();
		for (int c = 0; c < channels; c++) {
			names.add(stem + "_c" + c);
		}
		return names;
	}

	private void checkAllocation(Path file, long bytes) throws NiftiException {
		long limit = maxBytes();
		if (bytes > limit) {
			throw new NiftiException(file, String.format(
				"needs %.1f MB of memory but at most %.1f MB may be used; give Java more memory (-Xmx) or crop the image",
				bytes / 1e6, limit / 1e6));
		}
	}

	private static NiftiHeader readHeader(InputStream in, NiftiFiles.Location loc, Path file) throws IOException {
		byte[] first = in.readNBytes(4);
		if (first.length == 0) {
			throw new NiftiException(file, "is empty (0 bytes)");
		}
		if (first.length < 4) {
			throw new NiftiException(file, "is only " + first.length + " bytes long: too short for a NIfTI header");
		}
		NiftiHeader probed = NiftiHeaderCodec.probe(first);
		if (probed == null) {
			int le = ByteBuffer.wrap(first).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
			throw new NiftiException(file, "sizeof_hdr is " + le
				+ ", not 348 (NIfTI-1) or 540 (NIfTI-2) in either byte order: not a NIfTI file, or a damaged one");
		}
		int size = probed.version().headerSize();
		byte[] raw = Arrays.copyOf(first, size);
		int got = 4 + in.readNBytes(raw, 4, size - 4);
		if (got < size) {
			throw new NiftiException(file, "the header is truncated: " + got + " of " + size + " bytes");
		}
		return NiftiHeaderCodec.decode(raw, probed, loc.singleFile(), file);
	}

	/**
	 * Opens the data file positioned at the first voxel value, after checking that an
	 * uncompressed file is long enough for what the header announces.
	 */
	private static InputStream openData(NiftiFiles.Location loc, NiftiHeader h, Path file) throws IOException {
		long dataBytes = h.voxelCount() * h.datatype().bytesPerVoxel();
		Path dataFile = loc.data();
		if (!NiftiFiles.isGzip(dataFile)) {
			long size = Files.size(dataFile);
			if (h.voxOffset() > size || (h.voxOffset() == size && dataBytes > 0)) {
				throw new NiftiException(file, "vox_offset " + h.voxOffset() + " is past the end of "
					+ dataFile.getFileName() + " (" + size + " bytes): the header is corrupt or the data are missing");
			}
			if (h.voxOffset() + dataBytes > size) {
				throw new NiftiException(file, "is truncated: the header announces " + dataBytes
					+ " bytes of voxel data from offset " + h.voxOffset() + " but " + dataFile.getFileName()
					+ " has only " + (size - h.voxOffset()));
			}
		}
		InputStream in = NiftiFiles.open(dataFile);
		try {
			long skip = loc.singleFile() ? h.voxOffset() - h.version().headerSize() : h.voxOffset();
			if (loc.singleFile()) {
				// Skips the header, then extensions up to vox_offset.
				skipFully(in, h.version().headerSize(), file);
			}
			skipFully(in, skip, file);
			return in;
		} catch (IOException e) {
			in.close();
			throw e;
		}
	}

	/**
	 * Reads a gzipped data file to its end, so that GZIPInputStream checks the trailer
	 * (CRC-32 and length): without this, damaged or cut-off compressed data that still
	 * inflate to enough bytes would be returned as if they were fine.
	 */
	private static void checkGzipEnd(InputStream in, NiftiFiles.Location loc) throws IOException {
		if (NiftiFiles.isGzip(loc.data())) {
			in.transferTo(OutputStream.nullOutputStream());
		}
	}

	private static void skipFully(InputStream in, long n, Path file) throws IOException {
		try {
			in.skipNBytes(n);
		} catch (EOFException e) {
			throw new NiftiException(file, "vox_offset is past the end of the data: the file is truncated or its header corrupt");
		}
	}

	@FunctionalInterface
	private interface ChunkSink {
		/** Consumes {@code count} values starting at value {@code offset}; the buffer is at position 0. */
		void accept(ByteBuffer buffer, int offset, int count);
	}

	private static void streamChunks(InputStream in, NiftiHeader h, int count, Path file, ChunkSink sink)
		throws IOException {
		int bpv = h.datatype().bytesPerVoxel();
		int perChunk = Math.max(1, CHUNK_BYTES / bpv);
		byte[] bytes = new byte[Math.min(count, perChunk) * bpv];
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(h.byteOrder());
		int done = 0;
		while (done < count) {
			int n = Math.min(perChunk, count - done);
			int want = n * bpv;
			int got = in.readNBytes(bytes, 0, want);
			if (got < want) {
				long total = (long) count * bpv;
				throw new NiftiException(file, "is truncated: the voxel data end after "
					+ ((long) done * bpv + got) + " of " + total + " bytes");
			}
			buffer.clear();
			sink.accept(buffer, done, n);
			done += n;
		}
	}

	private static NiftiException asNiftiException(Path file, IOException e, String part) {
		if (e instanceof NiftiException ne) {
			return ne;
		}
		if (e instanceof EOFException) {
			return new NiftiException(file, "the compressed " + part + " end early: the .gz file is truncated", e);
		}
		if (e instanceof ZipException) {
			return new NiftiException(file, "the compressed " + part + " are damaged (" + e.getMessage()
				+ "): the .gz file is corrupt", e);
		}
		if (e instanceof AccessDeniedException) {
			return new NiftiException(file, "cannot be read: permission denied", e);
		}
		return new NiftiException(file, "cannot be read: " + e, e);
	}
}

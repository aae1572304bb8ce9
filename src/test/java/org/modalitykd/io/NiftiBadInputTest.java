/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every damaged or hostile input gives exactly one {@link NiftiException} whose message
 * is a single line naming the file and the problem: never another exception type, and
 * never an allocation sized by a header that was not checked first. Each bad file is
 * made from a valid one written by {@link NiftiWriter}, then corrupted byte by byte.
 */
class NiftiBadInputTest {

	// NIfTI-1 header offsets (little-endian, as NiftiWriter writes by default).
	static final int SIZEOF_HDR = 0;
	static final int DIM = 40; // dim[0..7], shorts
	static final int DATATYPE = 70;
	static final int PIXDIM = 76; // pixdim[0..7], floats
	static final int VOX_OFFSET = 108; // float
	static final int SCL_SLOPE = 112;
	static final int SCL_INTER = 116;
	static final int MAGIC = 344;
	// NIfTI-2 header offsets.
	static final int N2_MAGIC = 4;
	static final int N2_DATATYPE = 12;
	static final int N2_DIM = 16; // dim[0..7], int64
	static final int N2_PIXDIM = 104; // pixdim[0..7], doubles
	static final int N2_VOX_OFFSET = 168; // int64
	static final int N2_XYZT_UNITS = 500; // int32

	/** 24 x 20 x 16 int16 = 15360 bytes of poorly compressible values. */
	static final long[] SHAPE = { 24, 20, 16 };
	static final long DATA_BYTES = 24 * 20 * 16 * 2;

	@TempDir
	Path dir;

	final NiftiReader reader = new NiftiReader();

	// ---- truncated files ---------------------------------------------------------------

	@Test
	void niiCutInTheMiddleOfTheVoxelDataIsTruncated() throws IOException {
		Path nii = valid("t1.nii");
		truncate(nii, 352 + DATA_BYTES / 2);
		assertDoesNotThrow(() -> reader.readHeader(nii), "the header itself is intact");
		assertDataReadsFail(nii, "truncated");
	}

	@Test
	void niiGzCutInTheMiddleOfTheVoxelDataIsTruncated() throws IOException {
		Path gz = valid("t1.nii.gz");
		truncate(gz, Files.size(gz) / 2);
		assertDoesNotThrow(() -> reader.readHeader(gz), "the cut is well past the header");
		assertDataReadsFail(gz, "truncated");
	}

	@Test
	void imgCutInTheMiddleOfTheVoxelDataIsTruncated() throws IOException {
		Path hdr = valid("t1.hdr");
		Path img = dir.resolve("t1.img");
		truncate(img, DATA_BYTES / 2);
		assertDataReadsFail(hdr, "truncated");
		assertDataReadsFail(img, "truncated");
	}

	@Test
	void imgGzCutInTheMiddleOfTheVoxelDataIsTruncated() throws IOException {
		Path hdr = valid("t1.hdr.gz");
		Path img = dir.resolve("t1.img.gz");
		truncate(img, Files.size(img) / 2);
		assertDataReadsFail(hdr, "truncated");
		assertDataReadsFail(img, "truncated");
	}

	@Test
	void niiCutInsideTheHeaderIsTruncated() throws IOException {
		Path nii = valid("t1.nii");
		truncate(nii, 200);
		assertAllReadsFail(nii, "truncated");
	}

	@Test
	void hdrCutInsideTheHeaderIsTruncated() throws IOException {
		Path hdr = valid("t1.hdr");
		truncate(hdr, 100);
		assertAllReadsFail(hdr, "truncated");
	}

	@Test
	void gzipCutInsideTheNiftiHeaderIsTruncated() throws IOException {
		Path gz = valid("t1.nii.gz");
		truncate(gz, 40);
		assertAllReadsFail(gz, "truncated");
	}

	@Test
	void gzipCutInsideItsOwnGzipHeaderIsTruncated() throws IOException {
		Path gz = valid("t1.nii.gz");
		truncate(gz, 6);
		assertAllReadsFail(gz, "truncated");
	}

	@Test
	void gzipWithoutItsTrailerIsTruncated() throws IOException {
		// All the voxel data are there; only the CRC-32 and length that prove it are missing.
		Path gz = valid("t1.nii.gz");
		truncate(gz, Files.size(gz) - 8);
		assertDataReadsFail(gz, "truncated");
	}

	// ---- damaged gzip ------------------------------------------------------------------

	@Test
	void gzipWithBytesFlippedInTheDeflateStreamIsDamaged() throws IOException {
		Path gz = valid("t1.nii.gz");
		flip(gz, Files.size(gz) / 2, 4);
		assertDataReadsFail(gz, "damaged", "corrupt", "truncated");
	}

	@Test
	void gzipWithAWrongChecksumIsDamaged() throws IOException {
		// The deflate stream is intact, so only the CRC-32 in the trailer can tell.
		Path gz = valid("t1.nii.gz");
		flip(gz, Files.size(gz) - 8, 1);
		assertDataReadsFail(gz, "damaged", "corrupt");
	}

	// ---- sizeof_hdr and magic -----------------------------------------------------------

	@Test
	void wrongMagicInNiiIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, MAGIC, ascii("xyz"));
		assertAllReadsFail(nii, "magic");
	}

	@Test
	void wrongMagicInNiiGzIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, MAGIC, ascii("xyz"));
		assertAllReadsFail(gzip(nii), "magic");
	}

	@Test
	void wrongMagicInHdrIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		patch(hdr, MAGIC, ascii("n+3"));
		assertAllReadsFail(hdr, "magic");
	}

	@Test
	void headerProblemFoundThroughTheImgNamesTheHdr() throws IOException {
		// Given t1.img, a damaged header must be blamed on t1.hdr, not on the intact t1.img.
		Path hdr = valid("t1.hdr");
		patch(hdr, MAGIC, ascii("n+3"));
		assertAllReadsFail(dir.resolve("t1.img"), hdr, "magic");
	}

	@Test
	void pairMagicInANiiFileIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, MAGIC, ascii("ni1"));
		assertAllReadsFail(nii, "magic");
	}

	@Test
	void wrongMagicInNifti2IsReported() throws IOException {
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_MAGIC + 4, ascii("\r\r"));
		assertAllReadsFail(nii, "magic");
	}

	@Test
	void sizeofHdr123IsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, SIZEOF_HDR, int32(123));
		assertAllReadsFail(nii, "sizeof_hdr");
		assertAllReadsFail(gzip(nii), "sizeof_hdr");
	}

	@Test
	void sizeofHdrZeroIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, SIZEOF_HDR, int32(0));
		assertAllReadsFail(nii, "sizeof_hdr");
	}

	@Test
	void sizeofHdrZeroInHdrIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		patch(hdr, SIZEOF_HDR, int32(0));
		assertAllReadsFail(hdr, "sizeof_hdr");
	}

	// ---- dimensions ---------------------------------------------------------------------

	@Test
	void dim0ZeroIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, DIM, int16(0));
		assertAllReadsFail(nii, "dim[0]");
	}

	@Test
	void dim0EightIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, DIM, int16(8));
		assertAllReadsFail(nii, "dim[0]");
		assertAllReadsFail(gzip(nii), "dim[0]");
	}

	@Test
	void dim0NegativeIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, DIM, int16(-3));
		assertAllReadsFail(nii, "dim[0]");
	}

	@Test
	void zeroDimensionIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, DIM + 2 * 2, int16(0));
		assertAllReadsFail(nii, "dim[2]");
	}

	@Test
	void negativeDimensionIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		patch(hdr, DIM + 2 * 3, int16(-5));
		assertAllReadsFail(hdr, "dim[3]");
	}

	@Test
	void negativeNifti2DimensionIsReported() throws IOException {
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_DIM + 8 * 1, int64(-1L << 40));
		assertAllReadsFail(nii, "dim[1]");
	}

	@Test
	void nifti2DimsWhoseByteSizeOverflowsALongAreReported() throws IOException {
		// 2^31 * 2^31 voxels fit a long; times 2 bytes each they do not.
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_DIM + 8 * 1, int64(1L << 31));
		patch(nii, N2_DIM + 8 * 2, int64(1L << 31));
		assertAllReadsFail(nii, "dimensions", "corrupt");
		assertAllReadsFail(gzip(nii), "dimensions", "corrupt");
	}

	@Test
	void nifti2DimsWhoseVoxelCountOverflowsALongAreReported() throws IOException {
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		for (int d = 1; d <= 3; d++) {
			patch(nii, N2_DIM + 8 * d, int64(1L << 30));
		}
		assertAllReadsFail(nii, "dimensions", "corrupt");
	}

	@Test
	void nifti2AxisLongerThanAJavaArrayIsReported() throws IOException {
		// 3e9 voxels along i: a valid header, but no Java array (nor int index) holds it.
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_DIM + 8 * 1, int64(3_000_000_000L));
		patch(nii, N2_DIM + 8 * 2, int64(1));
		patch(nii, N2_DIM + 8 * 3, int64(1));
		assertDoesNotThrow(() -> reader.readHeader(nii));
		assertDataReadsFail(nii, "Java array", "memory");
		assertDataReadsFail(gzip(nii), "Java array", "memory");
	}

	@Test
	void imageOverTheConfiguredLimitIsRefusedBeforeReading() throws IOException {
		// 200^3 int16 = 16 MB announced in a file that holds 15 kB: the limit must trip first.
		Path nii = valid("t1.nii");
		for (int d = 1; d <= 3; d++) {
			patch(nii, DIM + 2 * d, int16(200));
		}
		NiftiReader limited = NiftiReader.withMaxBytes(1_000_000);
		assertDoesNotThrow(() -> limited.readHeader(nii));
		assertNiftiError(nii, () -> limited.read(nii), "memory", "MB");
		assertNiftiError(nii, () -> limited.readVolume(nii), "memory", "MB");
		Path gz = gzip(nii);
		assertNiftiError(gz, () -> limited.read(gz), "memory", "MB");
		assertNiftiError(gz, () -> limited.readVolume(gz), "memory", "MB");
	}

	@Test
	void validImageOverTheConfiguredLimitIsRefused() throws IOException {
		Path nii = valid("t1.nii");
		NiftiReader limited = NiftiReader.withMaxBytes(DATA_BYTES - 1);
		NiftiException e = assertNiftiError(nii, () -> limited.read(nii), "memory", "MB");
		assertTrue(e.getMessage().contains("limit") || e.getMessage().contains("at most"), e.getMessage());
		assertDoesNotThrow(() -> NiftiReader.withMaxBytes(DATA_BYTES).read(nii));
	}

	@Test
	void gzipClaiming30000CubedFailsWithoutOutOfMemory() throws IOException {
		Path nii = valid("t1.nii");
		for (int d = 1; d <= 3; d++) {
			patch(nii, DIM + 2 * d, int16(30000));
		}
		Path gz = gzip(nii);
		assertDoesNotThrow(() -> reader.readHeader(gz));
		assertDataReadsFail(gz, "memory", "Java array");
	}

	@Test
	void gzipClaimingMoreThanTheHeapFailsWithAMemoryMessage() throws IOException {
		// 1290^3 float64: fits one Java array (2.1e9 values) but needs 17 GB.
		assumeTrue(Runtime.getRuntime().maxMemory() < 17e9, "the test JVM has more than 17 GB of heap");
		Path nii = valid("t1.nii");
		for (int d = 1; d <= 3; d++) {
			patch(nii, DIM + 2 * d, int16(1290));
		}
		patch(nii, DATATYPE, int16(NiftiDatatype.FLOAT64.code()));
		Path gz = gzip(nii);
		assertDataReadsFail(gz, "memory");
	}

	// ---- vox_offset ---------------------------------------------------------------------

	@Test
	void voxOffsetPastTheEndOfNiiIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, VOX_OFFSET, float32(1e6f));
		assertDataReadsFail(nii, "vox_offset");
	}

	@Test
	void voxOffsetPastTheEndOfNiiGzIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, VOX_OFFSET, float32(1e6f));
		assertDataReadsFail(gzip(nii), "vox_offset");
	}

	@Test
	void voxOffsetPastTheEndOfImgIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		patch(hdr, VOX_OFFSET, float32(1e6f));
		assertDataReadsFail(hdr, "vox_offset");
	}

	@Test
	void infiniteVoxOffsetIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, VOX_OFFSET, float32(Float.POSITIVE_INFINITY));
		assertDataReadsFail(nii, "vox_offset");
	}

	@Test
	void hugeNifti2VoxOffsetIsReported() throws IOException {
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_VOX_OFFSET, int64(Long.MAX_VALUE));
		assertDataReadsFail(nii, "vox_offset");
		assertDataReadsFail(gzip(nii), "vox_offset");
	}

	@Test
	void voxOffsetInsideTheHeaderOfNiiIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, VOX_OFFSET, float32(100));
		assertAllReadsFail(nii, "vox_offset");
	}

	@Test
	void voxOffsetInsideTheHeaderOfNifti2NiiIsReported() throws IOException {
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_VOX_OFFSET, int64(352));
		assertAllReadsFail(nii, "vox_offset");
	}

	@Test
	void negativeVoxOffsetInHdrIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		patch(hdr, VOX_OFFSET, float32(-4));
		assertAllReadsFail(hdr, "vox_offset");
	}

	// ---- datatype -----------------------------------------------------------------------

	@Test
	void complex64DatatypeIsUnsupported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, DATATYPE, int16(32));
		NiftiException e = assertAllReadsFail(nii, "datatype");
		assertTrue(e.getMessage().contains("complex64"), e.getMessage());
	}

	@Test
	void uint64DatatypeIsUnsupported() throws IOException {
		Path hdr = valid("t1.hdr");
		patch(hdr, DATATYPE, int16(1280));
		NiftiException e = assertAllReadsFail(hdr, "datatype");
		assertTrue(e.getMessage().contains("uint64"), e.getMessage());
	}

	@Test
	void nonsenseDatatypeIsUnsupported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, DATATYPE, int16(9999));
		NiftiException e = assertAllReadsFail(nii, "datatype");
		assertTrue(e.getMessage().contains("9999"), e.getMessage());
		assertAllReadsFail(gzip(nii), "datatype");
	}

	@Test
	void nonsenseNifti2DatatypeIsUnsupported() throws IOException {
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_DATATYPE, int16(9999));
		assertAllReadsFail(nii, "datatype");
	}

	// ---- geometry and scaling -----------------------------------------------------------

	@Test
	void nanVoxelSizeWithoutAnyAffineIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, PIXDIM + 4 * 2, float32(Float.NaN));
		assertNiftiError(nii, () -> reader.readVolume(nii), "voxel size");
	}

	@Test
	void voxelSizeThatOverflowsInMillimetresIsReported() throws IOException {
		// 1e307 metres is finite in the header but infinite once converted to mm.
		Path nii = valid("t1.nii", NiftiVersion.NIFTI2);
		patch(nii, N2_PIXDIM + 8 * 1, float64(1e307));
		patch(nii, N2_XYZT_UNITS, int32(NiftiHeader.UNITS_METER));
		assertNiftiError(nii, () -> reader.readVolume(nii), "voxel size");
	}

	@Test
	void nanInterceptWithASlopeIsReported() throws IOException {
		Path nii = valid("t1.nii");
		patch(nii, SCL_SLOPE, float32(2));
		patch(nii, SCL_INTER, float32(Float.NaN));
		assertAllReadsFail(nii, "scl_inter", "scaling");
	}

	// ---- empty and tiny files -----------------------------------------------------------

	@Test
	void emptyNiiIsReported() throws IOException {
		Path nii = Files.createFile(dir.resolve("t1.nii"));
		assertAllReadsFail(nii, "empty");
	}

	@Test
	void emptyNiiGzIsReported() throws IOException {
		Path gz = Files.createFile(dir.resolve("t1.nii.gz"));
		assertAllReadsFail(gz, "empty");
	}

	@Test
	void emptyHdrIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		truncate(hdr, 0);
		assertAllReadsFail(hdr, "empty");
	}

	@Test
	void emptyHdrFoundThroughTheImgNamesTheHdr() throws IOException {
		// "t1.img: is empty (0 bytes)" would send the user to the wrong, intact file.
		Path hdr = valid("t1.hdr");
		truncate(hdr, 0);
		assertAllReadsFail(dir.resolve("t1.img"), hdr, "empty");
	}

	@Test
	void emptyImgIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		truncate(dir.resolve("t1.img"), 0);
		assertDataReadsFail(hdr, "empty", "missing", "truncated");
	}

	@Test
	void tenByteFileIsReported() throws IOException {
		Path nii = dir.resolve("t1.nii");
		Files.write(nii, ascii("not nifti!"));
		assertEquals(10, Files.size(nii));
		assertAllReadsFail(nii, "sizeof_hdr");
	}

	@Test
	void firstTenBytesOfAValidFileAreTruncated() throws IOException {
		Path nii = valid("t1.nii");
		truncate(nii, 10);
		assertAllReadsFail(nii, "truncated");
	}

	@Test
	void threeByteFileIsTooShort() throws IOException {
		Path nii = dir.resolve("t1.nii");
		Files.write(nii, new byte[] { 0x5c, 1, 0 });
		assertAllReadsFail(nii, "too short", "3 bytes");
	}

	// ---- missing files, folders ---------------------------------------------------------

	@Test
	void hdrWithoutItsImgIsReported() throws IOException {
		Path hdr = valid("t1.hdr");
		Files.delete(dir.resolve("t1.img"));
		NiftiException e = assertAllReadsFail(hdr, "missing");
		assertTrue(e.getMessage().contains("t1.img"), e.getMessage());
	}

	@Test
	void imgWithoutItsHdrIsReported() throws IOException {
		valid("t1.hdr");
		Files.delete(dir.resolve("t1.hdr"));
		Path img = dir.resolve("t1.img");
		NiftiException e = assertAllReadsFail(img, "missing");
		assertTrue(e.getMessage().contains("t1.hdr"), e.getMessage());
	}

	@Test
	void folderGivenAsTheFileIsReported() throws IOException {
		Path folder = Files.createDirectory(dir.resolve("t1.nii"));
		assertAllReadsFail(folder, "folder");
	}

	@Test
	void nonExistentFileIsReported() {
		Path nowhere = dir.resolve("no_such_scan.nii.gz");
		assertAllReadsFail(nowhere, "no such file");
	}

	// ---- helpers ------------------------------------------------------------------------

	/** Writes a valid 24x20x16 int16 image under {@code name}; returns its path. */
	Path valid(String name) throws IOException {
		return valid(name, NiftiVersion.NIFTI1);
	}

	Path valid(String name, NiftiVersion version) throws IOException {
		NiftiHeader h = new NiftiHeader().setVersion(version).setShape(SHAPE).setPixdim(1, 1.2).setPixdim(2, 1.1);
		VoxelArray values = VoxelArray.allocate(NiftiDatatype.INT16, (int) (DATA_BYTES / 2));
		for (int i = 0; i < values.length(); i++) {
			values.set(i, (short) ((i * 2654435761L) >>> 13)); // scrambled, so gzip cannot squeeze it away
		}
		Path file = dir.resolve(name);
		new NiftiWriter().write(h, values, file);
		assertDoesNotThrow(() -> reader.read(file), "the unpatched file must be valid");
		return file;
	}

	/** Overwrites bytes at {@code offset}. */
	static void patch(Path file, long offset, byte... bytes) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(bytes), offset);
		}
	}

	/** Inverts {@code count} bytes from {@code offset}. */
	static void flip(Path file, long offset, int count) throws IOException {
		byte[] all = Files.readAllBytes(file);
		for (int i = 0; i < count; i++) {
			all[(int) offset + i] ^= (byte) 0xff;
		}
		Files.write(file, all);
	}

	static void truncate(Path file, long size) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			ch.truncate(size);
		}
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

	/** readHeader, read, readLabels and readVolume all fail; returns the last failure. */
	NiftiException assertAllReadsFail(Path file, String... anyOf) {
		return assertAllReadsFail(file, file, anyOf);
	}

	/** As above, with messages that must name {@code named} (which may differ from the file given). */
	NiftiException assertAllReadsFail(Path file, Path named, String... anyOf) {
		assertNiftiError(named, () -> reader.readHeader(file), anyOf);
		return assertDataReadsFail(file, named, anyOf);
	}

	/** read, readLabels and readVolume fail (the header alone may be fine); returns the last failure. */
	NiftiException assertDataReadsFail(Path file, String... anyOf) {
		return assertDataReadsFail(file, file, anyOf);
	}

	NiftiException assertDataReadsFail(Path file, Path named, String... anyOf) {
		assertNiftiError(named, () -> reader.read(file), anyOf);
		assertNiftiError(named, () -> reader.readLabels(file), anyOf);
		return assertNiftiError(named, () -> reader.readVolume(file), anyOf);
	}

	/**
	 * The call throws a NiftiException (nothing else) whose message is one line, names
	 * the file and contains at least one of the given words (case-insensitive).
	 */
	static NiftiException assertNiftiError(Path file, Executable call, String... anyOf) {
		NiftiException e = assertThrows(NiftiException.class, call, () -> "a bad " + file.getFileName() + " must give a NiftiException");
		String m = e.getMessage();
		assertTrue(m.contains(file.getFileName().toString()), () -> "the message does not name the file: " + m);
		assertFalse(m.contains("\n") || m.contains("\r"), () -> "the message is not one line: " + m);
		String lower = m.toLowerCase(Locale.ROOT);
		assertTrue(Arrays.stream(anyOf).anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT))),
			() -> "the message says none of " + Arrays.toString(anyOf) + ": " + m);
		return e;
	}
}

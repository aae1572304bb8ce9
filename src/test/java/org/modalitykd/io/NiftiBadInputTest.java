/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.modalitykd.io.NiftiDamage.DATA_BYTES;
import static org.modalitykd.io.NiftiDamage.DATATYPE;
import static org.modalitykd.io.NiftiDamage.DIM;
import static org.modalitykd.io.NiftiDamage.GZIP_TRAILER_BYTES;
import static org.modalitykd.io.NiftiDamage.MAGIC;
import static org.modalitykd.io.NiftiDamage.N2_DATATYPE;
import static org.modalitykd.io.NiftiDamage.N2_DIM;
import static org.modalitykd.io.NiftiDamage.N2_MAGIC;
import static org.modalitykd.io.NiftiDamage.N2_PIXDIM;
import static org.modalitykd.io.NiftiDamage.N2_VOX_OFFSET;
import static org.modalitykd.io.NiftiDamage.N2_XYZT_UNITS;
import static org.modalitykd.io.NiftiDamage.NII_DATA_START;
import static org.modalitykd.io.NiftiDamage.PIXDIM;
import static org.modalitykd.io.NiftiDamage.SCL_INTER;
import static org.modalitykd.io.NiftiDamage.SCL_SLOPE;
import static org.modalitykd.io.NiftiDamage.SIZEOF_HDR;
import static org.modalitykd.io.NiftiDamage.VOX_OFFSET;
import static org.modalitykd.io.NiftiDamage.ascii;
import static org.modalitykd.io.NiftiDamage.cutInHalf;
import static org.modalitykd.io.NiftiDamage.flip;
import static org.modalitykd.io.NiftiDamage.float32;
import static org.modalitykd.io.NiftiDamage.float64;
import static org.modalitykd.io.NiftiDamage.gzip;
import static org.modalitykd.io.NiftiDamage.hdrOf;
import static org.modalitykd.io.NiftiDamage.imgOf;
import static org.modalitykd.io.NiftiDamage.int16;
import static org.modalitykd.io.NiftiDamage.int32;
import static org.modalitykd.io.NiftiDamage.int64;
import static org.modalitykd.io.NiftiDamage.patch;
import static org.modalitykd.io.NiftiDamage.truncate;
import static org.modalitykd.io.NiftiDamage.withDims;
import static org.modalitykd.io.NiftiDamage.withNifti2Dims;
import static org.modalitykd.io.NiftiVersion.NIFTI2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every damaged or hostile input gives exactly one {@link NiftiException} whose message
 * is a single line naming the file and the problem: never another exception type, and
 * never an allocation sized by a header that was not checked first. Each bad file is
 * made from a valid one written by {@link NiftiWriter}, then corrupted byte by byte
 * ({@link NiftiDamage}); one row of the tables below is one bad file.
 */
class NiftiBadInputTest {

	@TempDir
	Path dir;

	final NiftiReader reader = new NiftiReader();

	/** Makes one bad file in the test's folder; returns the path to give the reader. */
	@FunctionalInterface
	interface BadFileMaker {
		Path make(NiftiDamage files) throws IOException;
	}

	/** Which of the reader's calls must refuse a bad file. */
	enum Refusing {
		/** readHeader, read, readLabels and readVolume. */
		EVERY_READ,
		/** read, readLabels and readVolume; readHeader succeeds, as the damage lies past the header. */
		DATA_READS_PAST_A_GOOD_HEADER,
		/** read, readLabels and readVolume; whether readHeader notices is left open. */
		DATA_READS,
		/** readVolume, the one read that needs a usable geometry. */
		VOLUME_READ
	}

	/**
	 * One bad file: how it is made, which reads refuse it, the words of which the message
	 * holds at least one, the file it must blame when that is not the file read (null: the
	 * file read) and a word every message must hold besides (null: none).
	 */
	record BadFile(String what, BadFileMaker maker, Refusing refusing, List<String> anyOf, String blamed, String mentioned) {

		BadFile blaming(String file) {
			return new BadFile(what, maker, refusing, anyOf, file, mentioned);
		}

		BadFile mentioning(String word) {
			return new BadFile(what, maker, refusing, anyOf, blamed, word);
		}

		@Override
		public String toString() {
			return what;
		}
	}

	static BadFile everyRead(String what, BadFileMaker maker, String... anyOf) {
		return new BadFile(what, maker, Refusing.EVERY_READ, List.of(anyOf), null, null);
	}

	static BadFile dataPastGoodHeader(String what, BadFileMaker maker, String... anyOf) {
		return new BadFile(what, maker, Refusing.DATA_READS_PAST_A_GOOD_HEADER, List.of(anyOf), null, null);
	}

	static BadFile dataReads(String what, BadFileMaker maker, String... anyOf) {
		return new BadFile(what, maker, Refusing.DATA_READS, List.of(anyOf), null, null);
	}

	static BadFile volumeRead(String what, BadFileMaker maker, String... anyOf) {
		return new BadFile(what, maker, Refusing.VOLUME_READ, List.of(anyOf), null, null);
	}

	// ---- the bad files --------------------------------------------------------------------

	static Stream<BadFile> truncated() {
		return Stream.of(
			dataPastGoodHeader("t1.nii cut in its voxel data", f -> truncate(f.valid("t1.nii"), NII_DATA_START + DATA_BYTES / 2), "truncated"),
			dataPastGoodHeader("t1.nii.gz cut in its voxel data", f -> cutInHalf(f.valid("t1.nii.gz")), "truncated"),
			dataReads("t1.img cut in its voxel data, read as t1.hdr", f -> hdrOf(truncate(f.validImg("t1.hdr"), DATA_BYTES / 2)), "truncated"),
			dataReads("t1.img cut in its voxel data, read as t1.img", f -> truncate(f.validImg("t1.hdr"), DATA_BYTES / 2), "truncated"),
			dataReads("t1.img.gz cut in its voxel data, read as t1.hdr.gz", f -> hdrOf(cutInHalf(f.validImg("t1.hdr.gz"))), "truncated"),
			dataReads("t1.img.gz cut in its voxel data, read as t1.img.gz", f -> cutInHalf(f.validImg("t1.hdr.gz")), "truncated"),
			everyRead("t1.nii cut inside the header", f -> truncate(f.valid("t1.nii"), 200), "truncated"),
			everyRead("t1.hdr cut inside the header", f -> truncate(f.valid("t1.hdr"), 100), "truncated"),
			everyRead("t1.nii.gz cut inside the NIfTI header", f -> truncate(f.valid("t1.nii.gz"), 40), "truncated"),
			everyRead("t1.nii.gz cut inside its own gzip header", f -> truncate(f.valid("t1.nii.gz"), 6), "truncated"),
			// All the voxel data are there; only the CRC-32 and length that prove it are missing.
			dataReads("t1.nii.gz without its gzip trailer", f -> {
				Path gz = f.valid("t1.nii.gz");
				return truncate(gz, Files.size(gz) - GZIP_TRAILER_BYTES);
			}, "truncated"));
	}

	static Stream<BadFile> damagedGzip() {
		return Stream.of(
			dataReads("t1.nii.gz with bytes flipped in its deflate stream", f -> {
				Path gz = f.valid("t1.nii.gz");
				return flip(gz, Files.size(gz) / 2, 4);
			}, "damaged", "corrupt", "truncated"),
			// The deflate stream is intact, so only the CRC-32 in the trailer can tell.
			dataReads("t1.nii.gz with a wrong CRC-32", f -> {
				Path gz = f.valid("t1.nii.gz");
				return flip(gz, Files.size(gz) - GZIP_TRAILER_BYTES, 1);
			}, "damaged", "corrupt"));
	}

	static Stream<BadFile> magicAndSizeofHdr() {
		return Stream.of(
			everyRead("wrong magic in t1.nii", f -> patch(f.valid("t1.nii"), MAGIC, ascii("xyz")), "magic"),
			everyRead("wrong magic in t1.nii.gz", f -> gzip(patch(f.valid("t1.nii"), MAGIC, ascii("xyz"))), "magic"),
			everyRead("wrong magic in t1.hdr", f -> patch(f.valid("t1.hdr"), MAGIC, ascii("n+3")), "magic"),
			// Given t1.img, a damaged header must be blamed on t1.hdr, not on the intact t1.img.
			everyRead("wrong magic in t1.hdr, read as t1.img", f -> imgOf(patch(f.valid("t1.hdr"), MAGIC, ascii("n+3"))), "magic")
				.blaming("t1.hdr"),
			everyRead("the pair's magic in a .nii", f -> patch(f.valid("t1.nii"), MAGIC, ascii("ni1")), "magic"),
			everyRead("wrong NIfTI-2 magic", f -> patch(f.valid("t1.nii", NIFTI2), N2_MAGIC + 4, ascii("\r\r")), "magic"),
			everyRead("sizeof_hdr 123 in t1.nii", f -> patch(f.valid("t1.nii"), SIZEOF_HDR, int32(123)), "sizeof_hdr"),
			everyRead("sizeof_hdr 123 in t1.nii.gz", f -> gzip(patch(f.valid("t1.nii"), SIZEOF_HDR, int32(123))), "sizeof_hdr"),
			everyRead("sizeof_hdr 0 in t1.nii", f -> patch(f.valid("t1.nii"), SIZEOF_HDR, int32(0)), "sizeof_hdr"),
			everyRead("sizeof_hdr 0 in t1.hdr", f -> patch(f.valid("t1.hdr"), SIZEOF_HDR, int32(0)), "sizeof_hdr"));
	}

	static Stream<BadFile> dimensions() {
		return Stream.of(
			everyRead("dim[0] 0", f -> patch(f.valid("t1.nii"), DIM, int16(0)), "dim[0]"),
			everyRead("dim[0] 8 in t1.nii", f -> patch(f.valid("t1.nii"), DIM, int16(8)), "dim[0]"),
			everyRead("dim[0] 8 in t1.nii.gz", f -> gzip(patch(f.valid("t1.nii"), DIM, int16(8))), "dim[0]"),
			everyRead("dim[0] -3", f -> patch(f.valid("t1.nii"), DIM, int16(-3)), "dim[0]"),
			everyRead("dim[2] 0", f -> patch(f.valid("t1.nii"), DIM + 2 * 2, int16(0)), "dim[2]"),
			everyRead("dim[3] -5 in t1.hdr", f -> patch(f.valid("t1.hdr"), DIM + 2 * 3, int16(-5)), "dim[3]"),
			everyRead("NIfTI-2 dim[1] -2^40", f -> patch(f.valid("t1.nii", NIFTI2), N2_DIM + 8 * 1, int64(-1L << 40)), "dim[1]"),
			// 2^31 * 2^31 voxels fit a long; times 2 bytes each they do not.
			everyRead("NIfTI-2 dims whose byte size overflows a long", f -> withNifti2Dims(f.valid("t1.nii", NIFTI2), 1L << 31, 1L << 31),
				"dimensions", "corrupt"),
			everyRead("NIfTI-2 dims whose byte size overflows a long, gzipped",
				f -> gzip(withNifti2Dims(f.valid("t1.nii", NIFTI2), 1L << 31, 1L << 31)), "dimensions", "corrupt"),
			everyRead("NIfTI-2 dims whose voxel count overflows a long",
				f -> withNifti2Dims(f.valid("t1.nii", NIFTI2), 1L << 30, 1L << 30, 1L << 30), "dimensions", "corrupt"),
			// 3e9 voxels along i: a valid header, but no Java array (nor int index) holds it.
			dataPastGoodHeader("NIfTI-2 axis longer than a Java array",
				f -> withNifti2Dims(f.valid("t1.nii", NIFTI2), 3_000_000_000L, 1, 1), "Java array", "memory"),
			dataPastGoodHeader("NIfTI-2 axis longer than a Java array, gzipped",
				f -> gzip(withNifti2Dims(f.valid("t1.nii", NIFTI2), 3_000_000_000L, 1, 1)), "Java array", "memory"),
			dataPastGoodHeader("gzip claiming 30000^3 voxels", f -> gzip(withDims(f.valid("t1.nii"), 30000, 30000, 30000)),
				"memory", "Java array"));
	}

	static Stream<BadFile> voxOffset() {
		return Stream.of(
			dataReads("vox_offset past the end of t1.nii", f -> patch(f.valid("t1.nii"), VOX_OFFSET, float32(1e6f)), "vox_offset"),
			dataReads("vox_offset past the end of t1.nii.gz", f -> gzip(patch(f.valid("t1.nii"), VOX_OFFSET, float32(1e6f))), "vox_offset"),
			dataReads("vox_offset past the end of t1.img", f -> patch(f.valid("t1.hdr"), VOX_OFFSET, float32(1e6f)), "vox_offset"),
			dataReads("infinite vox_offset", f -> patch(f.valid("t1.nii"), VOX_OFFSET, float32(Float.POSITIVE_INFINITY)), "vox_offset"),
			dataReads("NIfTI-2 vox_offset Long.MAX_VALUE", f -> patch(f.valid("t1.nii", NIFTI2), N2_VOX_OFFSET, int64(Long.MAX_VALUE)),
				"vox_offset"),
			dataReads("NIfTI-2 vox_offset Long.MAX_VALUE, gzipped",
				f -> gzip(patch(f.valid("t1.nii", NIFTI2), N2_VOX_OFFSET, int64(Long.MAX_VALUE))), "vox_offset"),
			everyRead("vox_offset inside the header of t1.nii", f -> patch(f.valid("t1.nii"), VOX_OFFSET, float32(100)), "vox_offset"),
			// 352 is where a NIfTI-1 .nii starts its data, well inside a NIfTI-2 header.
			everyRead("vox_offset inside the header of a NIfTI-2 .nii", f -> patch(f.valid("t1.nii", NIFTI2), N2_VOX_OFFSET, int64(352)),
				"vox_offset"),
			everyRead("negative vox_offset in t1.hdr", f -> patch(f.valid("t1.hdr"), VOX_OFFSET, float32(-4)), "vox_offset"));
	}

	static Stream<BadFile> datatype() {
		return Stream.of(
			everyRead("datatype complex64", f -> patch(f.valid("t1.nii"), DATATYPE, int16(32)), "datatype").mentioning("complex64"),
			everyRead("datatype uint64 in t1.hdr", f -> patch(f.valid("t1.hdr"), DATATYPE, int16(1280)), "datatype").mentioning("uint64"),
			everyRead("datatype 9999", f -> patch(f.valid("t1.nii"), DATATYPE, int16(9999)), "datatype").mentioning("9999"),
			everyRead("datatype 9999 in t1.nii.gz", f -> gzip(patch(f.valid("t1.nii"), DATATYPE, int16(9999))), "datatype"),
			everyRead("NIfTI-2 datatype 9999", f -> patch(f.valid("t1.nii", NIFTI2), N2_DATATYPE, int16(9999)), "datatype"));
	}

	static Stream<BadFile> geometryAndScaling() {
		return Stream.of(
			volumeRead("NaN voxel size and no affine", f -> patch(f.valid("t1.nii"), PIXDIM + 4 * 2, float32(Float.NaN)), "voxel size"),
			// 1e307 metres is finite in the header but infinite once converted to mm.
			volumeRead("voxel size that overflows in millimetres", f -> patch(patch(f.valid("t1.nii", NIFTI2),
				N2_PIXDIM + 8 * 1, float64(1e307)), N2_XYZT_UNITS, int32(NiftiHeader.UNITS_METER)), "voxel size"),
			everyRead("NaN scl_inter with a scl_slope", f -> patch(patch(f.valid("t1.nii"), SCL_SLOPE, float32(2)), SCL_INTER,
				float32(Float.NaN)), "scl_inter", "scaling"));
	}

	static Stream<BadFile> emptyAndTiny() {
		return Stream.of(
			everyRead("empty t1.nii", f -> Files.createFile(f.file("t1.nii")), "empty"),
			everyRead("empty t1.nii.gz", f -> Files.createFile(f.file("t1.nii.gz")), "empty"),
			everyRead("empty t1.hdr", f -> truncate(f.valid("t1.hdr"), 0), "empty"),
			// "t1.img: is empty (0 bytes)" would send the user to the wrong, intact file.
			everyRead("empty t1.hdr, read as t1.img", f -> imgOf(truncate(f.valid("t1.hdr"), 0)), "empty").blaming("t1.hdr"),
			dataReads("empty t1.img", f -> hdrOf(truncate(f.validImg("t1.hdr"), 0)), "empty", "missing", "truncated"),
			everyRead("a 10-byte file that is not NIfTI", f -> Files.write(f.file("t1.nii"), ascii("not nifti!")), "sizeof_hdr"),
			everyRead("the first 10 bytes of a valid file", f -> truncate(f.valid("t1.nii"), 10), "truncated"),
			everyRead("a 3-byte file", f -> Files.write(f.file("t1.nii"), new byte[] { 0x5c, 1, 0 }), "too short", "3 bytes"));
	}

	static Stream<BadFile> missing() {
		return Stream.of(
			everyRead("t1.hdr without its t1.img", f -> {
				Path img = f.validImg("t1.hdr");
				Files.delete(img);
				return hdrOf(img);
			}, "missing").mentioning("t1.img"),
			everyRead("t1.img without its t1.hdr", f -> {
				Path img = f.validImg("t1.hdr");
				Files.delete(hdrOf(img));
				return img;
			}, "missing").mentioning("t1.hdr"),
			everyRead("a folder given as the file", f -> Files.createDirectory(f.file("t1.nii")), "folder"),
			everyRead("a file that does not exist", f -> f.file("no_such_scan.nii.gz"), "no such file"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "truncated", "damagedGzip", "magicAndSizeofHdr", "dimensions", "voxOffset", "datatype", "geometryAndScaling",
		"emptyAndTiny", "missing" })
	void isRefusedInOneLineNamingTheFile(BadFile bad) throws IOException {
		Path file = bad.maker().make(new NiftiDamage(dir));
		Path named = bad.blamed() == null ? file : file.resolveSibling(bad.blamed());
		String[] anyOf = bad.anyOf().toArray(String[]::new);
		List<NiftiException> refusals = new ArrayList<>();
		if (bad.refusing() == Refusing.EVERY_READ) {
			refusals.add(assertNiftiError(named, () -> reader.readHeader(file), anyOf));
		}
		if (bad.refusing() == Refusing.DATA_READS_PAST_A_GOOD_HEADER) {
			assertDoesNotThrow(() -> reader.readHeader(file), "the header itself is intact");
		}
		if (bad.refusing() != Refusing.VOLUME_READ) {
			refusals.add(assertNiftiError(named, () -> reader.read(file), anyOf));
			refusals.add(assertNiftiError(named, () -> reader.readLabels(file), anyOf));
		}
		refusals.add(assertNiftiError(named, () -> reader.readVolume(file), anyOf));
		if (bad.mentioned() != null) {
			for (NiftiException e : refusals) {
				assertTrue(e.getMessage().contains(bad.mentioned()), e.getMessage());
			}
		}
	}

	// ---- the reader's memory limit ------------------------------------------------------

	@Test
	void imageOverTheConfiguredLimitIsRefusedBeforeReading() throws IOException {
		// 200^3 int16 = 16 MB announced in a file that holds 15 kB: the limit must trip first.
		Path nii = withDims(new NiftiDamage(dir).valid("t1.nii"), 200, 200, 200);
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
		Path nii = new NiftiDamage(dir).valid("t1.nii");
		NiftiReader limited = NiftiReader.withMaxBytes(DATA_BYTES - 1);
		NiftiException e = assertNiftiError(nii, () -> limited.read(nii), "memory", "MB");
		assertTrue(e.getMessage().contains("limit") || e.getMessage().contains("at most"), e.getMessage());
		assertDoesNotThrow(() -> NiftiReader.withMaxBytes(DATA_BYTES).read(nii));
	}

	@Test
	void gzipClaimingMoreThanTheHeapFailsWithAMemoryMessage() throws IOException {
		// 1290^3 float64: fits one Java array (2.1e9 values) but needs 17 GB.
		assumeTrue(Runtime.getRuntime().maxMemory() < 17e9, "the test JVM has more than 17 GB of heap");
		Path nii = withDims(new NiftiDamage(dir).valid("t1.nii"), 1290, 1290, 1290);
		Path gz = gzip(patch(nii, DATATYPE, int16(NiftiDatatype.FLOAT64.code())));
		assertNiftiError(gz, () -> reader.read(gz), "memory");
		assertNiftiError(gz, () -> reader.readLabels(gz), "memory");
		assertNiftiError(gz, () -> reader.readVolume(gz), "memory");
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

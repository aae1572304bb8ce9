/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the reader: 10,000 files made from the nibabel fixtures by
 * random header-field, byte and length mutations. Whatever a file holds, reading it
 * either succeeds or throws the project's {@link NiftiException} with a one-line
 * message; anything else (another exception, an error, a hang) fails with the seed and
 * the mutation so that it can be replayed. The reader's allocation limit keeps every
 * allocation bounded whatever a header claims.
 */
class NiftiFuzzTest {

	private static final long SEED = 20261125L;
	private static final int FILES = 10_000;
	private static final long LIMIT_BYTES = 8 << 20;

	/** NIfTI-1 header fields worth attacking: offset and width in bytes. */
	private static final int[][] FIELDS1 = { { 0, 4 }, { 40, 2 }, { 42, 2 }, { 44, 2 }, { 46, 2 }, { 48, 2 }, { 56, 4 },
		{ 70, 2 }, { 72, 2 }, { 76, 4 }, { 80, 4 }, { 84, 4 }, { 88, 4 }, { 108, 4 }, { 112, 4 }, { 116, 4 },
		{ 123, 1 }, { 252, 2 }, { 254, 2 }, { 256, 4 }, { 260, 4 }, { 264, 4 }, { 280, 4 }, { 296, 4 }, { 312, 4 },
		{ 344, 4 } };
	/** NIfTI-2 header fields: sizeof_hdr, magic, datatype, dims, pixdim, vox_offset, slope, forms, units. */
	private static final int[][] FIELDS2 = { { 0, 4 }, { 4, 8 }, { 12, 2 }, { 16, 8 }, { 24, 8 }, { 32, 8 },
		{ 40, 8 }, { 48, 8 }, { 112, 8 }, { 120, 8 }, { 168, 8 }, { 176, 8 }, { 184, 8 }, { 344, 4 }, { 348, 4 },
		{ 352, 8 }, { 400, 8 }, { 500, 4 } };

	@TempDir
	Path tmp;

	record Seed(String name, byte[] bytes, boolean gzip, boolean nifti2) {
	}

	@Test
	void tenThousandMutatedFilesGiveOnlyOneLineNiftiExceptions() throws IOException {
		List<Seed> seeds = seeds();
		NiftiReader reader = NiftiReader.withMaxBytes(LIMIT_BYTES);
		SplittableRandom random = new SplittableRandom(SEED);
		int[] outcome = new int[2];
		assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
			for (int n = 0; n < FILES; n++) {
				Seed seed = seeds.get(random.nextInt(seeds.size()));
				byte[] header = seed.bytes().clone();
				String mutation = mutate(header, seed, random);
				byte[] bytes = seed.gzip() ? gzip(header) : header;
				if (seed.gzip() && random.nextInt(4) == 0) {
					bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
					mutation += ", gzip cut to " + bytes.length;
				}
				Path file = tmp.resolve("f" + (n % 16) + (seed.gzip() ? ".nii.gz" : ".nii"));
				Files.write(file, bytes);
				String replay = "file " + n + " (seed " + SEED + ") from " + seed.name() + ": " + mutation;
				try {
					reader.read(file);
					reader.readVolume(file);
					outcome[0]++;
				} catch (NiftiException e) {
					assertEquals(1, e.getMessage().lines().count(), replay + " gave a multi-line message: " + e.getMessage());
					assertTrue(e.getMessage().startsWith(file.toString()), replay + ": the message must name the file: " + e.getMessage());
					outcome[1]++;
				} catch (Throwable t) {
					fail(replay + " threw " + t, t);
				}
			}
		});
		System.out.println("fuzz: " + outcome[0] + " read, " + outcome[1] + " refused");
		assertEquals(FILES, outcome[0] + outcome[1]);
		// A fuzzer that never gets past the header checks (or never trips them) tests little.
		assertTrue(outcome[0] > FILES / 20, "too few mutated files were still readable: " + outcome[0]);
		assertTrue(outcome[1] > FILES / 4, "too few mutated files were refused: " + outcome[1]);
	}

	private static String mutate(byte[] b, Seed seed, SplittableRandom random) {
		StringBuilder what = new StringBuilder();
		int count = 1 + random.nextInt(4);
		ByteOrder order = ByteBuffer.wrap(b, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == (seed.nifti2() ? 540 : 348)
			? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		ByteBuffer buf = ByteBuffer.wrap(b).order(order);
		for (int m = 0; m < count; m++) {
			int kind = random.nextInt(10);
			if (kind < 6) {
				int[][] fields = seed.nifti2() ? FIELDS2 : FIELDS1;
				int[] f = fields[random.nextInt(fields.length)];
				long value = interesting(random);
				what.append(String.format("field@%d=%d; ", f[0], value));
				switch (f[1]) {
					case 1 -> buf.put(f[0], (byte) value);
					case 2 -> buf.putShort(f[0], (short) value);
					case 4 -> {
						if (random.nextBoolean()) {
							buf.putInt(f[0], (int) value);
						} else {
							float v = floatInteresting(random);
							buf.putFloat(f[0], v);
							what.append("(float ").append(v).append(") ");
						}
					}
					default -> {
						if (random.nextBoolean()) {
							buf.putLong(f[0], value);
						} else {
							double v = floatInteresting(random);
							buf.putDouble(f[0], v);
							what.append("(double ").append(v).append(") ");
						}
					}
				}
			} else if (kind < 9) {
				int at = random.nextInt(b.length);
				b[at] ^= (byte) (1 << random.nextInt(8));
				what.append("bit flip @").append(at).append("; ");
			} else {
				int at = random.nextInt(b.length);
				b[at] = (byte) random.nextInt(256);
				what.append("byte @").append(at).append("; ");
			}
		}
		return what.toString();
	}

	private static long interesting(SplittableRandom random) {
		long[] values = { 0, 1, -1, 2, 3, 4, 7, 8, 255, 256, 348, 352, 540, 544, 32767, -32768, 65535, Integer.MAX_VALUE,
			Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 31, 1L << 40 };
		return random.nextInt(3) == 0 ? random.nextLong() : values[random.nextInt(values.length)];
	}

	private static float floatInteresting(SplittableRandom random) {
		float[] values = { 0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
			Float.MIN_VALUE, 1e30f, -1e30f, 352f, 1e-30f };
		return values[random.nextInt(values.length)];
	}

	private static byte[] gzip(byte[] raw) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(raw);
		}
		return out.toByteArray();
	}

	/** Single-file fixtures of every kind, decompressed, as the material to mutate. */
	private static List<Seed> seeds() throws IOException {
		List<Seed> seeds = new ArrayList<>();
		try (var files = Files.list(NiftiFixturesTest.DIR)) {
			for (Path p : files.sorted().toList()) {
				String name = p.getFileName().toString();
				if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
					continue;
				}
				byte[] raw;
				try (var in = NiftiFiles.open(p)) {
					raw = in.readAllBytes();
				}
				boolean nifti2 = name.startsWith("nifti2");
				seeds.add(new Seed(name, raw, false, nifti2));
				seeds.add(new Seed(name + " (gzipped)", raw, true, nifti2));
			}
		}
		assertTrue(seeds.size() > 40, "fixtures found");
		return seeds;
	}
}

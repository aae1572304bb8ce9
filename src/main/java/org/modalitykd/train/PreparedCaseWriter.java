/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

import org.modalitykd.data.CaseStore;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.infer.IntensityNormalizer;
import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Prepares one case ({@link PreparedCases}): reads it, normalises it, crops it to the
 * box outside which everything is 0 and writes its arrays and manifest into a
 * temporary folder renamed into place; a full disk gives one line and keeps nothing.
 */
final class PreparedCaseWriter {

	private final PreparedFolder prepared;
	private final UnaryOperator<OutputStream> sink;

	PreparedCaseWriter(PreparedFolder prepared, UnaryOperator<OutputStream> sink) {
		this.prepared = prepared;
		this.sink = sink;
	}

	/** Reads, normalises, crops and writes case {@code id}. */
	PreparedCase prepare(String id) throws IOException {
		// Sizes and times before the read: a file replaced while it is read is then seen as changed next time.
		JsonArray recorded = prepared.sourceRecords(id);
		LabelledCase raw = prepared.data().read(id);
		Volume normalised = IntensityNormalizer.of(prepared.normalization()).apply(raw.images());
		int[] grid = raw.images().geometry().dims();
		if (!java.util.Arrays.equals(grid, raw.labels().geometry().dims())) {
			throw new IllegalArgumentException(id + ": the labels (" + raw.labels().geometry().describe()
				+ ") do not match the images (" + raw.images().geometry().describe() + ")");
		}
		byte[] classes = TrainingCase.classesOf(id, raw.labels().labels());
		raw = null;
		int[][] bounds = bounds(normalised, classes, grid);
		int[] origin = bounds[0];
		int[] box = bounds[1];
		int channels = normalised.channelCount();
		long voxels = (long) box[0] * box[1] * box[2];
		int foreground = 0;
		for (byte c : classes) {
			if (c != 0) {
				foreground++;
			}
		}
		Path folder = prepared.folder();
		Path dir = folder.resolve(id);
		long imagesCrc;
		long classesCrc;
		try (AtomicDirectory out = AtomicDirectory.create(dir)) {
			imagesCrc = writeImages(out.path().resolve(PreparedCases.IMAGES), normalised, grid, origin, box);
			classesCrc = writeClasses(out.path().resolve(PreparedCases.CLASSES), classes, grid, origin, box);
			JsonObject m = prepared.identity(id);
			JsonObject g = new JsonObject();
			g.add("dims", PreparedCaseJson.array(grid));
			JsonArray spacing = new JsonArray();
			for (double s : normalised.geometry().spacing()) {
				spacing.add(s);
			}
			g.add("spacing_mm", spacing);
			m.add("grid", g);
			JsonObject b = new JsonObject();
			b.add("origin", PreparedCaseJson.array(origin));
			b.add("size", PreparedCaseJson.array(box));
			m.add("box", b);
			m.addProperty("foreground", foreground);
			m.add("images", arrayInfo(PreparedCases.IMAGES, "float32 little-endian; channel, z, y, x (x fastest)",
				4 * voxels * channels, imagesCrc));
			m.add("classes", arrayInfo(PreparedCases.CLASSES, "uint8 class 0..3 (background, necrosis, oedema, enhancing); z, y, x",
				voxels, classesCrc));
			m.add("sources", recorded);
			try (OutputStream o = sink.apply(Files.newOutputStream(out.path().resolve(PreparedCases.MANIFEST)))) {
				o.write(m.toString().getBytes(StandardCharsets.UTF_8));
			}
			out.commit();
		} catch (IOException e) {
			if (isDiskFull(e)) {
				throw new IOException(folder + ": no space left on the device while preparing case " + id + " (a case needs "
					+ mb(voxels * (4L * channels + 1)) + " MB" + free(folder) + "); free some space or give another folder "
					+ "with --prepared-dir; nothing of the case was kept", e);
			}
			throw new IOException(dir + ": cannot write the prepared case (" + PreparedCaseJson.reason(e) + "); give a writable folder "
				+ "with --prepared-dir", e);
		}
		return new PreparedCase(id, CaseStore.Shape.of(grid, voxels, channels, foreground), box,
			origin, imagesCrc, classesCrc);
	}

	private static JsonObject arrayInfo(String file, String type, long bytes, long crc) {
		JsonObject o = new JsonObject();
		o.addProperty("file", file);
		o.addProperty("type", type);
		o.addProperty("bytes", bytes);
		o.addProperty("crc32c", Long.toHexString(crc));
		return o;
	}

	/**
	 * The smallest box outside which every channel is +0.0 and every class 0: {origin,
	 * size}; a case that is 0 everywhere keeps one voxel.
	 */
	static int[][] bounds(Volume v, byte[] classes, int[] grid) {
		int[] lo = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE };
		int[] hi = { -1, -1, -1 };
		int channels = v.channelCount();
		for (int z = 0, i = 0; z < grid[2]; z++) {
			for (int y = 0; y < grid[1]; y++) {
				for (int x = 0; x < grid[0]; x++, i++) {
					boolean set = classes[i] != 0;
					for (int c = 0; c < channels && !set; c++) {
						// Bits, not value: -0.0 is kept, so the zeros outside are exactly what was there.
						set = Float.floatToRawIntBits(v.channel(c)[i]) != 0;
					}
					if (set) {
						lo[0] = Math.min(lo[0], x);
						lo[1] = Math.min(lo[1], y);
						lo[2] = Math.min(lo[2], z);
						hi[0] = Math.max(hi[0], x);
						hi[1] = Math.max(hi[1], y);
						hi[2] = Math.max(hi[2], z);
					}
				}
			}
		}
		if (hi[0] < 0) {
			return new int[][] { { 0, 0, 0 }, { 1, 1, 1 } };
		}
		return new int[][] { lo, { hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1 } };
	}

	private long writeImages(Path file, Volume v, int[] grid, int[] origin, int[] box) throws IOException {
		CRC32C crc = new CRC32C();
		ByteBuffer row = ByteBuffer.allocate(4 * box[0]).order(ByteOrder.LITTLE_ENDIAN);
		try (OutputStream o = new BufferedOutputStream(sink.apply(Files.newOutputStream(file)), PreparedCases.CHUNK)) {
			for (int c = 0; c < v.channelCount(); c++) {
				float[] values = v.channel(c);
				for (int z = 0; z < box[2]; z++) {
					for (int y = 0; y < box[1]; y++) {
						int start = ((z + origin[2]) * grid[1] + y + origin[1]) * grid[0] + origin[0];
						row.clear();
						row.asFloatBuffer().put(values, start, box[0]);
						o.write(row.array(), 0, row.capacity());
						crc.update(row.array(), 0, row.capacity());
					}
				}
			}
		}
		return crc.getValue();
	}

	private long writeClasses(Path file, byte[] classes, int[] grid, int[] origin, int[] box) throws IOException {
		CRC32C crc = new CRC32C();
		try (OutputStream o = new BufferedOutputStream(sink.apply(Files.newOutputStream(file)), PreparedCases.CHUNK)) {
			for (int z = 0; z < box[2]; z++) {
				for (int y = 0; y < box[1]; y++) {
					int start = ((z + origin[2]) * grid[1] + y + origin[1]) * grid[0] + origin[0];
					o.write(classes, start, box[0]);
					crc.update(classes, start, box[0]);
				}
			}
		}
		return crc.getValue();
	}

	static boolean isDiskFull(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String s = t.getMessage();
			if (s != null && (s.contains("No space left on device") || s.contains("Disk quota exceeded"))) {
				return true;
			}
		}
		return false;
	}

	private static String free(Path folder) {
		try {
			FileStore store = Files.getFileStore(folder);
			return ", " + mb(store.getUsableSpace()) + " MB are free";
		} catch (IOException | RuntimeException e) {
			return "";
		}
	}

	private static long mb(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}
}

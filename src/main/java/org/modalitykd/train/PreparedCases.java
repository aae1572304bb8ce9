/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 ModalityKD developers
 */
package org.modalitykd.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

import org.modalitykd.data.CaseStore;
import org.modalitykd.data.TrainingCase;
import org.modalitykd.infer.IntensityNormalizer;
import org.modalitykd.io.AtomicDirectory;
import org.modalitykd.io.AtomicFile;
import org.modalitykd.io.CaseFiles;
import org.modalitykd.io.StaleTemporaries;
import org.modalitykd.net.ModelCard;
import org.modalitykd.volume.Geometry;
import org.modalitykd.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Training cases prepared once and read on demand: each case cropped to the box outside
 * which every normalised channel and the labels are 0, normalised as training always
 * normalises ({@link IntensityNormalizer}), and stored as raw arrays that are read
 * without decoding a NIfTI file.
 * <p>
 * On disk, under the folder of a dataset ({@link #folderOf}), one folder per case:
 * <ul>
 * <li>{@code images.f32}: the normalised channels on the box, little-endian float32,
 * channel after channel, each z slices of y rows of x voxels (x fastest);</li>
 * <li>{@code classes.u8}: the class index 0..3 of every box voxel, same order;</li>
 * <li>{@code case.json}: format and version, id, modalities, normalisation, the whole
 * grid, voxel size, the box, the tumour voxel count, the arrays' sizes and CRC-32C,
 * and of every source file its path, size, modification time and SHA-256.</li>
 * </ul>
 * A case folder is written as a whole into a hidden temporary folder and renamed into
 * place ({@link AtomicDirectory}), so a killed or failed preparation leaves no folder
 * under a case's name, only a temporary one that the next opening removes. A case is
 * prepared again when its folder is missing, its manifest unreadable or of another
 * format, modalities or normalisation, its arrays not of the recorded size, or a source
 * file's size changed, or its modification time changed and its SHA-256 with it. An
 * array whose checksum does not match when it is read is prepared again too.
 * Thread-safe.
 */
public final class PreparedCases implements CaseStore {

	/** The format of a prepared case; a case of another version is prepared again. */
	public static final int FORMAT_VERSION = 1;
	static final String FORMAT = "modalitykd-prepared-case";
	static final String MANIFEST = "case.json";
	static final String IMAGES = "images.f32";
	static final String CLASSES = "classes.u8";
	private static final int CHUNK = 1 << 20;

	/** What is known of a prepared case without reading its arrays. */
	private record Prepared(String id, Shape shape, int[] box, int[] boxOrigin, long imagesCrc, long classesCrc) {
	}

	private final TrainingDataset data;
	private final ModelCard.IntensityNormalization normalization;
	private final Path folder;
	private final UnaryOperator<OutputStream> sink;
	private final Consumer<String> messages;
	private final List<Prepared> cases;

	private PreparedCases(TrainingDataset data, ModelCard.IntensityNormalization normalization, Path folder,
		UnaryOperator<OutputStream> sink, Consumer<String> messages, List<Prepared> cases) {
		this.data = data;
		this.normalization = normalization;
		this.folder = folder;
		this.sink = sink;
		this.messages = messages;
		this.cases = cases;
	}

	/**
	 * The cases {@code ids} of {@code data}, prepared now where they are not, or not any
	 * more, under {@code root}. Every case is read at most once here, one at a time.
	 *
	 * @param messages told what was prepared and why
	 * @throws IOException              when a source cannot be read, or the prepared data
	 *                                  cannot be written (one line, naming the file and what to do)
	 * @throws IllegalArgumentException when a case is unusable for training ({@link TrainingDataset#read})
	 */
	public static PreparedCases open(TrainingDataset data, List<String> ids, ModelCard.IntensityNormalization norm,
		Path root, Consumer<String> messages) throws IOException {
		return open(data, ids, norm, root, messages, UnaryOperator.identity());
	}

	/** The same, with every array written through {@code sink} (tests: a full disk). */
	static PreparedCases open(TrainingDataset data, List<String> ids, ModelCard.IntensityNormalization norm, Path root,
		Consumer<String> messages, UnaryOperator<OutputStream> sink) throws IOException {
		Path folder = folderOf(root, data, norm);
		try {
			Files.createDirectories(folder);
		} catch (IOException e) {
			throw new IOException(folder + ": cannot create the folder for prepared cases (" + reason(e)
				+ "); choose a writable one with --prepared-dir", e);
		}
		StaleTemporaries.removeIn(folder).report(folder).forEach(messages);
		PreparedCases store = new PreparedCases(data, norm, folder, sink, messages, new ArrayList<>());
		int prepared = 0;
		for (String id : ids) {
			Prepared p = store.check(id);
			if (p == null) {
				p = store.prepare(id);
				prepared++;
			}
			store.cases.add(p);
		}
		if (prepared > 0) {
			messages.accept("prepared " + prepared + " of " + ids.size() + " cases in " + folder);
		}
		return store;
	}

	/**
	 * The folder of a dataset's prepared cases under {@code root}: the dataset folder's
	 * name and a hash of its absolute path, modalities and normalisation, so that
	 * different datasets and different channel sets never share a folder (and subsets of
	 * one dataset do).
	 */
	public static Path folderOf(Path root, TrainingDataset data, ModelCard.IntensityNormalization norm) {
		Path dataset = data.root().orElseThrow(() -> new IllegalArgumentException(data.source()
			+ ": cases given in memory are not prepared on disk"));
		String key = dataset + "\n" + String.join(",", data.modalities()) + "\n" + describe(norm) + "\n" + FORMAT_VERSION;
		Path name = dataset.getFileName();
		String base = name == null ? "data" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
		return root.resolve(base + "-" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
	}

	/** Where the cases are. */
	public Path folder() {
		return folder;
	}

	public synchronized List<String> ids() {
		return cases.stream().map(Prepared::id).toList();
	}

	@Override
	public synchronized int size() {
		return cases.size();
	}

	@Override
	public Shape shape(int index) {
		return prepared(index).shape();
	}

	/** A case's record; a case prepared again while training replaces it. */
	private synchronized Prepared prepared(int index) {
		return cases.get(index);
	}

	/**
	 * Reads case {@code index} from its arrays; one whose arrays do not match their
	 * checksums is prepared again from its sources first.
	 */
	@Override
	public TrainingCase load(int index) throws IOException {
		Prepared p = prepared(index);
		try {
			return read(p);
		} catch (DamagedException e) {
			messages.accept(e.getMessage() + "; preparing it again");
			Prepared again;
			synchronized (this) {
				again = prepare(p.id());
				cases.set(index, again);
			}
			return read(again);
		}
	}

	/** An array that is not what its manifest says. */
	private static final class DamagedException extends IOException {
		private static final long serialVersionUID = 1L;

		DamagedException(String message) {
			super(message);
		}
	}

	private TrainingCase read(Prepared p) throws IOException {
		Path dir = folder.resolve(p.id());
		int[] box = p.box();
		int voxels = box[0] * box[1] * box[2];
		int channels = p.shape().channels();
		float[][] images = new float[channels][voxels];
		byte[] classes = new byte[voxels];
		CRC32C crc = new CRC32C();
		ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
		try (FileChannel in = FileChannel.open(dir.resolve(IMAGES), StandardOpenOption.READ)) {
			if (in.size() != 4L * voxels * channels) {
				throw new DamagedException(dir.resolve(IMAGES) + " holds " + in.size() + " bytes, not "
					+ 4L * voxels * channels);
			}
			for (int c = 0; c < channels; c++) {
				float[] out = images[c];
				int at = 0;
				while (at < voxels) {
					buffer.clear();
					buffer.limit(Math.min(CHUNK, 4 * (voxels - at)));
					readFully(in, buffer);
					buffer.flip();
					crc.update(buffer.array(), 0, buffer.limit());
					int n = buffer.limit() / 4;
					buffer.asFloatBuffer().get(out, at, n);
					at += n;
				}
			}
		} catch (NoSuchFileException e) {
			throw new DamagedException(dir.resolve(IMAGES) + " is missing");
		}
		if (crc.getValue() != p.imagesCrc()) {
			throw new DamagedException(dir.resolve(IMAGES) + " does not match its checksum");
		}
		crc.reset();
		try (FileChannel in = FileChannel.open(dir.resolve(CLASSES), StandardOpenOption.READ)) {
			if (in.size() != voxels) {
				throw new DamagedException(dir.resolve(CLASSES) + " holds " + in.size() + " bytes, not " + voxels);
			}
			readFully(in, ByteBuffer.wrap(classes));
		} catch (NoSuchFileException e) {
			throw new DamagedException(dir.resolve(CLASSES) + " is missing");
		}
		crc.update(classes);
		if (crc.getValue() != p.classesCrc()) {
			throw new DamagedException(dir.resolve(CLASSES) + " does not match its checksum");
		}
		for (byte b : classes) {
			if (b < 0 || b > 3) {
				throw new DamagedException(dir.resolve(CLASSES) + " holds a class " + b + " outside 0..3");
			}
		}
		Geometry g = Geometry.axisAligned(box[0], box[1], box[2], data.spacing()[0], data.spacing()[1],
			data.spacing()[2]);
		return TrainingCase.cropped(p.id(), new Volume(g, data.modalities(), images), classes, p.shape().grid(),
			p.boxOrigin());
	}

	private static void readFully(FileChannel in, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			if (in.read(buffer) < 0) {
				throw new DamagedException("a prepared array ends early");
			}
		}
	}

	/**
	 * The prepared case {@code id} if it is complete and its sources are unchanged; null
	 * (after saying why) when it must be prepared again.
	 */
	private Prepared check(String id) throws IOException {
		Path dir = folder.resolve(id);
		Path manifest = dir.resolve(MANIFEST);
		if (!Files.isRegularFile(manifest)) {
			return null;
		}
		JsonObject m;
		try {
			m = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
			if (!FORMAT.equals(m.get("format").getAsString()) || m.get("version").getAsInt() != FORMAT_VERSION
				|| !id.equals(m.get("id").getAsString()) || !data.modalities().equals(strings(m.getAsJsonArray("modalities")))
				|| !describe(normalization).equals(m.get("normalization").getAsString())) {
				messages.accept("case " + id + ": " + dir + " was prepared by another version or for other settings; "
					+ "preparing it again");
				return null;
			}
		} catch (RuntimeException e) {
			messages.accept("case " + id + ": " + manifest + " is unreadable; preparing the case again");
			return null;
		}
		CaseFiles files = data.files(id).orElseThrow();
		List<Path> now = sources(files);
		JsonArray recorded = m.getAsJsonArray("sources");
		if (recorded.size() != now.size()) {
			messages.accept("case " + id + ": its files differ from those it was prepared from; preparing it again");
			return null;
		}
		boolean touched = false;
		for (int i = 0; i < now.size(); i++) {
			JsonObject r = recorded.get(i).getAsJsonObject();
			Path file = now.get(i);
			if (!file.toAbsolutePath().normalize().toString().equals(r.get("path").getAsString())) {
				messages.accept("case " + id + ": its files differ from those it was prepared from; preparing it again");
				return null;
			}
			long size;
			long modified;
			try {
				size = Files.size(file);
				modified = Files.getLastModifiedTime(file).toMillis();
			} catch (NoSuchFileException e) {
				throw new NoSuchFileException(file.toString(), null, "the file of case " + id
					+ " is gone; restore it, or move the case out of the dataset folder");
			}
			if (size != r.get("bytes").getAsLong()) {
				messages.accept("case " + id + ": " + file + " changed since it was prepared (" + size + " bytes, was "
					+ r.get("bytes").getAsLong() + "); preparing it again");
				return null;
			}
			if (modified != r.get("modified").getAsLong()) {
				if (!sha256(file).equals(r.get("sha256").getAsString())) {
					messages.accept("case " + id + ": " + file + " changed since it was prepared (its content); "
						+ "preparing it again");
					return null;
				}
				r.addProperty("modified", modified);
				touched = true;
			}
		}
		JsonObject grid = m.getAsJsonObject("grid");
		int[] dims = ints(grid.getAsJsonArray("dims"));
		int[] box = ints(m.getAsJsonObject("box").getAsJsonArray("size"));
		int[] origin = ints(m.getAsJsonObject("box").getAsJsonArray("origin"));
		int channels = data.modalities().size();
		long voxels = (long) box[0] * box[1] * box[2];
		JsonObject images = m.getAsJsonObject("images");
		JsonObject classes = m.getAsJsonObject("classes");
		if (size(dir.resolve(IMAGES)) != 4 * voxels * channels || size(dir.resolve(CLASSES)) != voxels
			|| images.get("bytes").getAsLong() != 4 * voxels * channels || classes.get("bytes").getAsLong() != voxels) {
			messages.accept("case " + id + ": the prepared arrays in " + dir + " are incomplete; preparing it again");
			return null;
		}
		if (touched) {
			// Same content, newer time: record it, so that the checksum is not taken every time.
			AtomicFile.writeString(manifest, m.toString());
		}
		int foreground = m.get("foreground").getAsInt();
		return new Prepared(id, new Shape(dims, foreground, channels, voxels * (4L * channels + 1) + 4L * foreground),
			box, origin, Long.parseLong(images.get("crc32c").getAsString(), 16),
			Long.parseLong(classes.get("crc32c").getAsString(), 16));
	}

	private static long size(Path file) throws IOException {
		return Files.isRegularFile(file) ? Files.size(file) : -1;
	}

	/** The image files of the dataset's modalities, then the labels. */
	private List<Path> sources(CaseFiles files) {
		List<Path> out = new ArrayList<>();
		for (String mod : data.modalities()) {
			out.add(files.modalities().get(mod));
		}
		out.add(files.labels().orElseThrow());
		return out;
	}

	/** Reads, normalises, crops and writes case {@code id}. */
	private Prepared prepare(String id) throws IOException {
		CaseFiles files = data.files(id).orElseThrow();
		List<Path> sources = sources(files);
		// Sizes and times before the read: a file replaced while it is read is then seen as changed next time.
		JsonArray recorded = new JsonArray();
		for (Path file : sources) {
			JsonObject r = new JsonObject();
			r.addProperty("path", file.toAbsolutePath().normalize().toString());
			r.addProperty("bytes", Files.size(file));
			r.addProperty("modified", Files.getLastModifiedTime(file).toMillis());
			r.addProperty("sha256", sha256(file));
			recorded.add(r);
		}
		LabelledCase raw = data.read(id);
		Volume normalised = IntensityNormalizer.of(normalization).apply(raw.images());
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
		Path dir = folder.resolve(id);
		long imagesCrc;
		long classesCrc;
		try (AtomicDirectory out = AtomicDirectory.create(dir)) {
			imagesCrc = writeImages(out.path().resolve(IMAGES), normalised, grid, origin, box);
			classesCrc = writeClasses(out.path().resolve(CLASSES), classes, grid, origin, box);
			JsonObject m = new JsonObject();
			m.addProperty("format", FORMAT);
			m.addProperty("version", FORMAT_VERSION);
			m.addProperty("id", id);
			m.add("modalities", array(data.modalities()));
			m.addProperty("normalization", describe(normalization));
			JsonObject g = new JsonObject();
			g.add("dims", array(grid));
			JsonArray spacing = new JsonArray();
			for (double s : normalised.geometry().spacing()) {
				spacing.add(s);
			}
			g.add("spacing_mm", spacing);
			m.add("grid", g);
			JsonObject b = new JsonObject();
			b.add("origin", array(origin));
			b.add("size", array(box));
			m.add("box", b);
			m.addProperty("foreground", foreground);
			m.add("images", arrayInfo(IMAGES, "float32 little-endian; channel, z, y, x (x fastest)",
				4 * voxels * channels, imagesCrc));
			m.add("classes", arrayInfo(CLASSES, "uint8 class 0..3 (background, necrosis, oedema, enhancing); z, y, x",
				voxels, classesCrc));
			m.add("sources", recorded);
			try (OutputStream o = sink.apply(Files.newOutputStream(out.path().resolve(MANIFEST)))) {
				o.write(m.toString().getBytes(StandardCharsets.UTF_8));
			}
			out.commit();
		} catch (IOException e) {
			if (isDiskFull(e)) {
				throw new IOException(folder + ": no space left on the device while preparing case " + id + " (a case needs "
					+ mb(voxels * (4L * channels + 1)) + " MB" + free(folder) + "); free some space or give another folder "
					+ "with --prepared-dir; nothing of the case was kept", e);
			}
			throw new IOException(dir + ": cannot write the prepared case (" + reason(e) + "); give a writable folder "
				+ "with --prepared-dir", e);
		}
		return new Prepared(id, new Shape(grid, foreground, channels, voxels * (4L * channels + 1) + 4L * foreground), box,
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
		try (OutputStream o = new BufferedOutputStream(sink.apply(Files.newOutputStream(file)), CHUNK)) {
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
		try (OutputStream o = new BufferedOutputStream(sink.apply(Files.newOutputStream(file)), CHUNK)) {
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

	private static String reason(IOException e) {
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	static String describe(ModelCard.IntensityNormalization n) {
		return ModelCard.IntensityNormalization.HU_WINDOW.equals(n.method())
			? String.format(Locale.ROOT, "%s [%s, %s]", n.method(), n.windowMin(), n.windowMax()) : n.method();
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest md = digest();
			byte[] buffer = new byte[CHUNK];
			for (int n; (n = in.read(buffer)) > 0;) {
				md.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(md.digest());
		}
	}

	private static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JVM lacks SHA-256", e);
		}
	}

	private static JsonArray array(List<String> values) {
		JsonArray a = new JsonArray();
		values.forEach(a::add);
		return a;
	}

	private static JsonArray array(int[] values) {
		JsonArray a = new JsonArray();
		for (int v : values) {
			a.add(v);
		}
		return a;
	}

	private static List<String> strings(JsonArray a) {
		List<String> out = new ArrayList<>();
		a.forEach(e -> out.add(e.getAsString()));
		return out;
	}

	private static int[] ints(JsonArray a) {
		int[] out = new int[a.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = a.get(i).getAsInt();
		}
		return out;
	}
}
